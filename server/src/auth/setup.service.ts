// The first admin, and people joining: ADMIN_EMAIL/ADMIN_PASSWORD create the first
// admin at start (Grafana's and Directus's convention, ignored once an admin exists);
// without them a one-time setup link is issued and logged. Invitations are one-time
// links too. Using a link signs the person in.
import type { AuthSettings } from '../config.js';
import type { Db } from '../db/client.js';
import { AuthError, type AuthIssue } from './auth.errors.js';
import { throwIfAny, validateDisplayName, validateEmail, validateNewPassword } from './auth.validation.js';
import { deleteOneTimeTokens, insertOneTimeToken, lockSetup, oneTimeTokenExists, takeOneTimeToken } from './one-time-token.repository.js';
import { hashPassword } from './password.js';
import { CREDENTIAL_MAX_LENGTH, digestSecret, newSecret } from './secrets.js';
import { startSession, type NewSession } from './session.service.js';
import { adminExists, findUserByEmail, findUserById, insertUser, isEmailTaken, updateUserById, type UserRow } from './user.repository.js';

type SessionSettings = Pick<AuthSettings, 'sessionIdleMs' | 'sessionMaxAgeMs'>;

export interface SignedIn {
  user: UserRow;
  session: NewSession;
}

/** Why the configured first admin could not be created: the operator's fix is in the message. */
export class BootstrapAdminError extends Error {
  constructor(
    readonly variable: 'ADMIN_EMAIL' | 'ADMIN_PASSWORD',
    message: string,
  ) {
    super(message);
    this.name = 'BootstrapAdminError';
  }
}

/**
 * Creates the configured first admin when no active admin exists. Returns whether it
 * did. The password must pass the same rules as any other.
 */
export async function bootstrapFirstAdmin(db: Db, admin: { email: string; password: string }): Promise<boolean> {
  if (await adminExists(db)) return false;
  const issues: AuthIssue[] = [];
  const email = validateEmail(issues, 'ADMIN_EMAIL', admin.email);
  const password = validateNewPassword(issues, 'ADMIN_PASSWORD', admin.password);
  const issue = issues[0];
  if (issue) throw new BootstrapAdminError(issue.field as 'ADMIN_EMAIL' | 'ADMIN_PASSWORD', issue.message);
  if (await findUserByEmail(db, email!)) {
    throw new BootstrapAdminError('ADMIN_EMAIL', 'a user with this email already exists; make them an admin, or choose another email');
  }
  await insertUser(db, { email: email!, displayName: email!.split('@')[0]!, role: 'admin', passwordHash: await hashPassword(password!) });
  return true;
}

/**
 * A new one-time setup link's secret while no admin exists, valid until it is used or
 * a newer one is issued (links in older logs stop working); null once an admin exists.
 */
export async function issueSetupLink(db: Db): Promise<string | null> {
  if (await adminExists(db)) return null;
  await deleteOneTimeTokens(db, 'setup');
  const secret = newSecret();
  await insertOneTimeToken(db, { secretHash: digestSecret(secret), purpose: 'setup', userId: null, expiresAt: null });
  return secret;
}

export async function getAuthStatus(db: Db): Promise<{ setupRequired: boolean }> {
  return { setupRequired: !(await adminExists(db)) };
}

function invalidLink(): AuthError {
  return AuthError.invalid('token', 'INVALID_LINK', 'This link is not valid: it was already used, has expired, or was mistyped.');
}

function linkSecret(value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > CREDENTIAL_MAX_LENGTH) throw invalidLink();
  return value;
}

export interface CompleteSetupRequest {
  token: unknown;
  email: unknown;
  displayName: unknown;
  password: unknown;
}

/** Creates the first admin through the setup link, and signs them in. Every setup link is then used up. */
export async function completeSetup(db: Db, settings: SessionSettings, request: CompleteSetupRequest): Promise<SignedIn> {
  const issues: AuthIssue[] = [];
  const email = validateEmail(issues, 'email', request.email);
  const displayName = validateDisplayName(issues, 'displayName', request.displayName);
  const password = validateNewPassword(issues, 'password', request.password);
  // Input is checked before the link is used, so that a typo does not burn it.
  throwIfAny(issues);
  const secretHash = digestSecret(linkSecret(request.token));
  // A made-up link costs nobody a password hash (argon2 is slow and memory-hard on purpose).
  if (!(await oneTimeTokenExists(db, secretHash, 'setup'))) throw invalidLink();
  const passwordHash = await hashPassword(password!);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockSetup(t);
    const link = await takeOneTimeToken(t, secretHash, 'setup');
    if (!link || (await adminExists(t))) throw invalidLink();
    let user: UserRow;
    try {
      user = await insertUser(t, { email: email!, displayName: displayName!, role: 'admin', passwordHash });
    } catch (error) {
      if (isEmailTaken(error)) throw AuthError.invalid('email', 'TAKEN', 'A user with this email already exists.');
      throw error;
    }
    await deleteOneTimeTokens(t, 'setup');
    return { user, session: await startSession(t, settings, user.id) };
  });
}

export interface AcceptInvitationRequest {
  token: unknown;
  password: unknown;
  displayName?: unknown;
}

/** An invited person sets their password (and may correct their name), and is signed in. */
export async function acceptInvitation(db: Db, settings: SessionSettings, request: AcceptInvitationRequest): Promise<SignedIn> {
  const issues: AuthIssue[] = [];
  const password = validateNewPassword(issues, 'password', request.password);
  const displayName = validateDisplayName(issues, 'displayName', request.displayName, false);
  throwIfAny(issues);
  const secretHash = digestSecret(linkSecret(request.token));
  if (!(await oneTimeTokenExists(db, secretHash, 'invitation'))) throw invalidLink();
  const passwordHash = await hashPassword(password!);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const link = await takeOneTimeToken(t, secretHash, 'invitation');
    if (!link || link.userId === null || (link.expiresAt !== null && link.expiresAt.getTime() <= Date.now())) throw invalidLink();
    const invited = await findUserById(t, link.userId);
    if (!invited || !invited.active) throw invalidLink();
    const user = await updateUserById(t, invited.id, { passwordHash, ...(displayName !== undefined && { displayName }) });
    return { user: user!, session: await startSession(t, settings, invited.id) };
  });
}
