// Users and API tokens named as authors (a ticket's createdBy/updatedBy), loaded in
// one query per kind for a whole GraphQL operation or REST page, not one per ticket.
import DataLoader from 'dataloader';
import type { Db } from '../db/client.js';
import { findApiTokensByIds, type ApiTokenRow } from './api-token.repository.js';
import { findUsersByIds, type UserRow } from './user.repository.js';

export interface ActorLoaders {
  users: DataLoader<number, UserRow | undefined>;
  tokens: DataLoader<number, ApiTokenRow | undefined>;
}

function byId<T extends { id: number }>(load: (ids: readonly number[]) => Promise<T[]>) {
  return async (ids: readonly number[]) => {
    const rows = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id));
  };
}

export function createActorLoaders(db: Db): ActorLoaders {
  return {
    users: new DataLoader(byId((ids) => findUsersByIds(db, ids))),
    tokens: new DataLoader(byId((ids) => findApiTokensByIds(db, ids))),
  };
}

/** An author as stored on a row: the user, and the token when one was used. */
export interface AuthorRef {
  userId: number | null;
  tokenId: number | null;
}

export type Author = { kind: 'user'; user: UserRow } | { kind: 'token'; token: ApiTokenRow };

/** Which column names a row's author: the token when one was used (its user is the token's), else the user; null for none. */
export function authorColumn(ref: AuthorRef): 'token' | 'user' | null {
  return ref.tokenId !== null ? 'token' : ref.userId !== null ? 'user' : null;
}

export async function loadAuthor(loaders: ActorLoaders, ref: AuthorRef): Promise<Author | null> {
  const column = authorColumn(ref);
  if (column === 'token') {
    const token = await loaders.tokens.load(ref.tokenId!);
    return token ? { kind: 'token', token } : null;
  }
  if (column === 'user') {
    const user = await loaders.users.load(ref.userId!);
    return user ? { kind: 'user', user } : null;
  }
  return null;
}
