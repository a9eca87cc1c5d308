// API tokens for integrators: created by admins (GraphQL, the web app) or by anyone
// with their password (DRF's obtain-token endpoint), shown once, resolved on every
// request by their digest, revoked for good.
import type { AuthSettings } from '../config.js';
import type { Db } from '../db/client.js';
import { tokenActor, type Actor } from './actor.js';
import { ROLE_SCOPES } from './auth.enums.js';
import { AuthError, type AuthIssue } from './auth.errors.js';
import { throwIfAny, validateExpiry, validateScopes, validateTokenName } from './auth.validation.js';
import {
  findApiTokenBySecretHash,
  insertApiToken,
  listApiTokens as selectApiTokens,
  revokeApiTokenById,
  touchApiToken,
  type ApiTokenRow,
} from './api-token.repository.js';
import { API_TOKEN_SHOWN_LENGTH, digestSecret, newApiTokenSecret, TOUCH_INTERVAL_MS } from './secrets.js';
import { checkCredentials, type CredentialsRequest } from './sign-in.service.js';

export type { ApiTokenRow };

export interface CreateApiTokenRequest {
  name: unknown;
  scopes: unknown;
  expiresAt?: unknown;
}

export interface CreatedApiToken {
  apiToken: ApiTokenRow;
  /** The secret itself: in this answer only. */
  token: string;
}

/** The name a token gets when the obtain-token endpoint is given none. */
const OBTAINED_TOKEN_NAME = 'Obtained with a password';

async function issueToken(
  db: Db,
  userId: number,
  role: keyof typeof ROLE_SCOPES,
  request: CreateApiTokenRequest,
): Promise<CreatedApiToken> {
  const issues: AuthIssue[] = [];
  const name = validateTokenName(issues, 'name', request.name);
  const scopes = validateScopes(issues, 'scopes', request.scopes, ROLE_SCOPES[role]);
  const expiresAt = validateExpiry(issues, 'expiresAt', request.expiresAt);
  throwIfAny(issues);
  const token = newApiTokenSecret();
  const apiToken = await insertApiToken(db, {
    userId,
    name: name!,
    secretHash: digestSecret(token),
    prefix: token.slice(0, API_TOKEN_SHOWN_LENGTH),
    scopes: scopes!,
    expiresAt: expiresAt ?? null,
  });
  return { apiToken, token };
}

/** An admin creates a token acting for themselves, with any scopes their role allows. */
export async function createApiToken(db: Db, actor: Actor, request: CreateApiTokenRequest): Promise<CreatedApiToken> {
  if (actor.userId === null || actor.role === null) throw new AuthError('FORBIDDEN');
  return issueToken(db, actor.userId, actor.role, request);
}

/**
 * DRF's obtain-token: a person's email and password buy a token acting for them, by
 * default with every scope their role allows. Throttled as sign-in is.
 */
export async function obtainApiToken(
  db: Db,
  settings: Pick<AuthSettings, 'signInMaxFailures' | 'signInWindowMs'>,
  request: CredentialsRequest & { name?: unknown; scopes?: unknown; expiresAt?: unknown },
): Promise<CreatedApiToken> {
  const user = await checkCredentials(db, settings, request);
  return issueToken(db, user.id, user.role, {
    name: request.name ?? OBTAINED_TOKEN_NAME,
    scopes: request.scopes ?? ROLE_SCOPES[user.role],
    expiresAt: request.expiresAt,
  });
}

export function listApiTokens(db: Db, includeRevoked: boolean): Promise<ApiTokenRow[]> {
  return selectApiTokens(db, includeRevoked);
}

export async function revokeApiToken(db: Db, rawId: unknown): Promise<ApiTokenRow> {
  const id = parseId(rawId);
  const row = id === null ? undefined : await revokeApiTokenById(db, id, new Date());
  if (!row) throw AuthError.notFound();
  return row;
}

/** The actor a token's secret stands for, if the token is live and its user active. */
export async function resolveApiToken(db: Db, secret: string): Promise<Actor | null> {
  const token = await findApiTokenBySecretHash(db, digestSecret(secret));
  if (!token || !token.active || token.revokedAt !== null) return null;
  const now = Date.now();
  if (token.expiresAt !== null && token.expiresAt.getTime() <= now) return null;
  if (token.lastUsedAt === null || now - token.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) await touchApiToken(db, token.id, new Date(now));
  return tokenActor(token.userId, token.id, token.role, token.scopes);
}

/** Ids as GraphQL's ID and REST paths carry them: positive integers, as strings or numbers. */
export function parseId(raw: unknown): number | null {
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}
