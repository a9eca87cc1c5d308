// The names of the users and API tokens a page of rows names (its authors, its
// assignees): id and name only, both kinds in one prepared statement. A REST page
// maps its rows with them synchronously; a dataloader per kind would cost a
// statement per kind and a promise per author for the same answer.
import { sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { cachedQuery } from '../db/query-cache.js';
import { isAnyOf } from '../db/statements.js';
import { apiTokens, users } from '../db/schema.js';

/** A user or an API token as a page names them: id and name (a user's display name). */
export interface NamedRow {
  id: number;
  name: string;
}

export interface ActorNames {
  users: ReadonlyMap<number, NamedRow>;
  tokens: ReadonlyMap<number, NamedRow>;
}

const NO_NAMES: ActorNames = { users: new Map(), tokens: new Map() };

/** The users and tokens among `userIds` and `tokenIds` that exist; no statement when there are none. */
export async function findActorNames(db: Db, userIds: ReadonlySet<number>, tokenIds: ReadonlySet<number>): Promise<ActorNames> {
  if (userIds.size === 0 && tokenIds.size === 0) return NO_NAMES;
  const query = cachedQuery(db, 'actor-names:by-ids', () =>
    unionAll(
      db
        .select({ isToken: sql<boolean>`false`.as('is_token'), id: users.id, name: users.displayName })
        .from(users)
        .where(isAnyOf(users.id, sql.placeholder('userIds'))),
      db
        .select({ isToken: sql<boolean>`true`.as('is_token'), id: apiTokens.id, name: apiTokens.name })
        .from(apiTokens)
        .where(isAnyOf(apiTokens.id, sql.placeholder('tokenIds'))),
    ).prepare('actor_names_by_ids'),
  );
  const names = { users: new Map<number, NamedRow>(), tokens: new Map<number, NamedRow>() };
  for (const { isToken, id, name } of await query.execute({ userIds: [...userIds], tokenIds: [...tokenIds] })) {
    (isToken ? names.tokens : names.users).set(id, { id, name });
  }
  return names;
}
