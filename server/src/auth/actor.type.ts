// The GraphQL `Actor` union: who wrote something, a person or an API token.
import { createUnionType } from 'type-graphql';
import type { Author } from './actor.loader.js';
import { ApiToken, toApiToken } from './api-token.type.js';
import { toUser, User } from './user.type.js';

export const Actor = createUnionType({
  name: 'Actor',
  description: 'Who wrote something: a person, or an API token acting for one.',
  types: () => [User, ApiToken] as const,
  resolveType: (value) => ('prefix' in value ? ApiToken : User),
});

export function toActor(author: Author | null): User | ApiToken | null {
  if (author === null) return null;
  return author.kind === 'user' ? toUser(author.user) : toApiToken(author.token);
}
