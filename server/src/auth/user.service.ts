// People: admins create, invite, change and deactivate users; everyone changes their
// own name and password. The last active admin can be neither demoted nor
// deactivated. Ending access (deactivation, a new password) ends sessions at once;
// tokens check their user's state on every request.
import type { Db } from '../db/client.js';
import type { Actor } from './actor.js';
import type { UserRole } from './auth.enums.js';
import { AuthError, type AuthIssue } from './auth.errors.js';
import {
  throwIfAny,
  validateDisplayName,
  validateEmail,
  validateGivenPassword,
  validateNewPassword,
  validateRole,
} from './auth.validation.js';
import { parseId } from './api-token.service.js';
import { insertOneTimeToken } from './one-time-token.repository.js';
import { hashPassword, verifyPassword } from './password.js';
import { digestSecret, newSecret } from './secrets.js';
import { deleteSessionsOfUser } from './session.repository.js';
import {
  findUserById,
  insertUser,
  isEmailTaken,
  listAssignableUsers as selectAssignableUsers,
  listUsers as selectUsers,
  lockOtherActiveAdmins,
  updateUserById,
  type UserRow,
} from './user.repository.js';

export type { UserRow };

/** How long an invitation link stays valid. */
const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export interface CreateUserRequest {
  email: unknown;
  displayName: unknown;
  role: unknown;
  password: unknown;
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return selectUsers(db);
}

/** Who a ticket can be assigned to: the people who can work it now. */
export function listAssignableUsers(db: Db): Promise<UserRow[]> {
  return selectAssignableUsers(db);
}

async function insertNewUser(
  db: Db,
  values: { email: string; displayName: string; role: UserRole; passwordHash: string | null },
): Promise<UserRow> {
  try {
    return await insertUser(db, values);
  } catch (error) {
    if (isEmailTaken(error)) throw AuthError.invalid('email', 'TAKEN', 'A user with this email already exists.');
    throw error;
  }
}

/** Creates a user with a password an admin chose (to hand over in person). */
export async function createUser(db: Db, request: CreateUserRequest): Promise<UserRow> {
  const issues: AuthIssue[] = [];
  const email = validateEmail(issues, 'email', request.email);
  const displayName = validateDisplayName(issues, 'displayName', request.displayName);
  const role = validateRole(issues, 'role', request.role);
  const password = validateNewPassword(issues, 'password', request.password);
  throwIfAny(issues);
  return insertNewUser(db, { email: email!, displayName: displayName!, role: role!, passwordHash: await hashPassword(password!) });
}

export interface InvitedUser {
  user: UserRow;
  /** The one-time secret of the invitation link: in this answer only. */
  invitationSecret: string;
}

/** Creates a user without a password and a one-time link with which they set one. */
export async function inviteUser(db: Db, request: Omit<CreateUserRequest, 'password'>): Promise<InvitedUser> {
  const issues: AuthIssue[] = [];
  const email = validateEmail(issues, 'email', request.email);
  const displayName = validateDisplayName(issues, 'displayName', request.displayName);
  const role = validateRole(issues, 'role', request.role);
  throwIfAny(issues);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const user = await insertNewUser(t, { email: email!, displayName: displayName!, role: role!, passwordHash: null });
    const invitationSecret = newSecret();
    await insertOneTimeToken(t, {
      secretHash: digestSecret(invitationSecret),
      purpose: 'invitation',
      userId: user.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    return { user, invitationSecret };
  });
}

export interface UpdateUserRequest {
  displayName?: unknown;
  role?: unknown;
  active?: unknown;
}

/**
 * An admin changes a user's name, role or active state. Demoting or deactivating the
 * last active admin is refused (LAST_ADMIN). Deactivation ends the user's sessions
 * in the same transaction; their tokens stop at their next request.
 */
export async function updateUser(db: Db, rawId: unknown, request: UpdateUserRequest): Promise<UserRow> {
  const id = parseId(rawId);
  if (id === null) throw AuthError.notFound();
  const issues: AuthIssue[] = [];
  const displayName = validateDisplayName(issues, 'displayName', request.displayName, false);
  const role = validateRole(issues, 'role', request.role, false);
  let active: boolean | undefined;
  if (request.active !== undefined) {
    if (typeof request.active === 'boolean') active = request.active;
    else issues.push({ field: 'active', code: request.active === null ? 'NULL' : 'INVALID_TYPE', message: 'Must be a valid boolean.' });
  }
  throwIfAny(issues);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const user = await findUserById(t, id);
    if (!user) throw AuthError.notFound();
    const losesAdmin = user.role === 'admin' && user.active && (role === 'agent' || active === false);
    if (losesAdmin && (await lockOtherActiveAdmins(t, id)) === 0) {
      throw AuthError.invalid(
        active === false ? 'active' : 'role',
        'LAST_ADMIN',
        'This is the last active admin: make someone else an admin first.',
      );
    }
    const updated = await updateUserById(t, id, {
      ...(displayName !== undefined && { displayName }),
      ...(role !== undefined && { role }),
      ...(active !== undefined && { active }),
    });
    if (active === false) await deleteSessionsOfUser(t, id);
    return updated!;
  });
}

function requireUser(actor: Actor): number {
  if (actor.userId === null) throw new AuthError('UNAUTHENTICATED');
  return actor.userId;
}

/** Anyone changes their own display name. */
export async function updateMe(db: Db, actor: Actor, request: { displayName?: unknown }): Promise<UserRow> {
  const userId = requireUser(actor);
  const issues: AuthIssue[] = [];
  const displayName = validateDisplayName(issues, 'displayName', request.displayName, false);
  throwIfAny(issues);
  const row = displayName === undefined ? await findUserById(db, userId) : await updateUserById(db, userId, { displayName });
  if (!row) throw new AuthError('UNAUTHENTICATED');
  return row;
}

/**
 * Anyone changes their own password, proving the current one. Every other session
 * of theirs ends (the one making the change stays signed in).
 */
export async function changePassword(db: Db, actor: Actor, request: { currentPassword: unknown; newPassword: unknown }): Promise<UserRow> {
  const userId = requireUser(actor);
  const issues: AuthIssue[] = [];
  const current = validateGivenPassword(issues, 'currentPassword', request.currentPassword);
  const next = validateNewPassword(issues, 'newPassword', request.newPassword);
  throwIfAny(issues);
  const user = await findUserById(db, userId);
  if (!user) throw new AuthError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, current!))) {
    throw AuthError.invalid('currentPassword', 'WRONG_PASSWORD', 'Your current password was entered incorrectly.');
  }
  const passwordHash = await hashPassword(next!);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await updateUserById(t, userId, { passwordHash });
    await deleteSessionsOfUser(t, userId, actor.sessionHash ?? undefined);
    return row!;
  });
}

export async function getUser(db: Db, userId: number): Promise<UserRow | undefined> {
  return findUserById(db, userId);
}
