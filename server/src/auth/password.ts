// Passwords: hashed with argon2id (OWASP's first choice; @node-rs/argon2's defaults
// are its recommended 19 MiB, 2 passes, 1 lane), checked against the ~49,000 most
// common passwords, never kept or logged in clear.
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase or manager; short enough that hashing it costs nothing extra. */
export const PASSWORD_MAX_LENGTH = 256;

let commonPasswords: Set<string> | undefined;

/** The list is decompressed on first use (about 50 ms), not at every start. */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `passwordHash`. Without a hash (an unknown email, an
 * invitation not yet accepted) a real verification still runs against a throwaway
 * hash, so that the answer takes as long as for a wrong password.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hash('not the password of anybody');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is nobody's password.
    return false;
  }
}
