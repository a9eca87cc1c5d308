// Proving who one is with an email and a password: the one check behind web sign-in,
// the setup and invitation flows' follow-up, and DRF's obtain-token endpoint, with
// throttling per account and per client address.
import type { AuthSettings } from '../config.js';
import type { Db } from '../db/client.js';
import { AuthError, type AuthIssue } from './auth.errors.js';
import { EMAIL_MAX_LENGTH, throwIfAny, validateGivenPassword } from './auth.validation.js';
import { validateText } from '../tickets/ticket.validation.js';
import { digestSecret } from './secrets.js';
import { verifyPassword } from './password.js';
import { startSession } from './session.service.js';
import type { SignedIn } from './setup.service.js';
import {
  clearSignInFailures,
  purgeSignInFailures,
  recordSignInFailure,
  takeBackSignInFailure,
  type SignInFailureCount,
} from './sign-in-throttle.repository.js';
import { findUserByEmail, type UserRow } from './user.repository.js';

export interface CredentialsRequest {
  email: unknown;
  password: unknown;
  /** The client's address, as the request guards resolved it (trusted proxies only). */
  clientAddress: string;
}

type ThrottleSettings = Pick<AuthSettings, 'signInMaxFailures' | 'signInWindowMs'>;

/** Keys of the failure counts: the account as a digest (any text the client sent stays bounded and out of the table). */
function throttleKeys(email: string, clientAddress: string) {
  return { account: `account:${digestSecret(email.toLowerCase())}`, address: `address:${clientAddress}` };
}

/**
 * The active user these credentials belong to. An unknown email, a wrong password, a
 * deactivated account and an invitation not yet accepted all get the same answer,
 * after the same work (a password verification), so that nobody can learn which
 * addresses have accounts. Past `signInMaxFailures` failures in the window, for the
 * account or for the address, every attempt is refused (THROTTLED) without checking
 * the password, until the window has passed.
 */
export async function checkCredentials(db: Db, settings: ThrottleSettings, request: CredentialsRequest): Promise<UserRow> {
  const issues: AuthIssue[] = [];
  // The text rules of any email (well-formed, bounded); its shape is not checked: a
  // malformed address is simply nobody's, and gets the same answer as a wrong password.
  const email = validateText(issues, 'email', request.email, { required: true, max: EMAIL_MAX_LENGTH });
  const password = validateGivenPassword(issues, 'password', request.password);
  throwIfAny(issues);

  const now = new Date();
  const keys = throttleKeys(email!, request.clientAddress);
  // Every attempt is counted as a failure before its password is checked, each count
  // taken atomically: concurrent guesses cannot all read "under the limit" first, so
  // at most signInMaxFailures of them are ever checked. An attempt that turns out not
  // to be a failure (refused unchecked, or the right password) is taken back.
  const counts: SignInFailureCount[] = [];
  for (const key of [keys.account, keys.address]) counts.push(await recordSignInFailure(db, key, now, settings.signInWindowMs));
  const windowEndsAt = counts
    .filter((c) => c.failures > settings.signInMaxFailures)
    .map((c) => c.windowStartedAt.getTime() + settings.signInWindowMs);
  if (windowEndsAt.length > 0) {
    for (const key of [keys.account, keys.address]) await takeBackSignInFailure(db, key);
    throw AuthError.throttled(Math.max(1, Math.ceil((Math.max(...windowEndsAt) - now.getTime()) / 1000)));
  }

  const user = await findUserByEmail(db, email!);
  const usable = user !== undefined && user.active && user.passwordHash !== null;
  const matches = await verifyPassword(usable ? user.passwordHash : null, password!);
  if (!usable || !matches) {
    // Attempts with made-up emails each leave a row: passed windows are purged as failures come.
    await purgeSignInFailures(db, new Date(now.getTime() - settings.signInWindowMs));
    throw AuthError.invalidCredentials();
  }
  await clearSignInFailures(db, keys.account);
  await takeBackSignInFailure(db, keys.address);
  return user;
}

/** Web sign-in: the credentials checked, a session started. */
export async function signIn(db: Db, settings: AuthSettings, request: CredentialsRequest): Promise<SignedIn> {
  const user = await checkCredentials(db, settings, request);
  return { user, session: await startSession(db, settings, user.id) };
}
