// The GraphQL `ApiToken` type and its scope enum.
import { Authorized, Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { FieldAccess } from './access.decorator.js';
import type { ApiTokenScope as StoredScope } from './auth.enums.js';
import type { ApiTokenRow } from './api-token.repository.js';

export enum ApiTokenScope {
  TICKETS_READ = 'tickets:read',
  TICKETS_WRITE = 'tickets:write',
  CLASSIFY = 'classify',
  ADMIN = 'admin',
}
const _sameScopes: Record<StoredScope, ApiTokenScope> = {
  'tickets:read': ApiTokenScope.TICKETS_READ,
  'tickets:write': ApiTokenScope.TICKETS_WRITE,
  classify: ApiTokenScope.CLASSIFY,
  admin: ApiTokenScope.ADMIN,
};
void _sameScopes;

registerEnumType(ApiTokenScope, {
  name: 'ApiTokenScope',
  description: "What an API token may do; never more than its owner's role allows.",
  valuesConfig: {
    TICKETS_READ: { description: 'Read tickets and statistics (`tickets:read`).' },
    TICKETS_WRITE: { description: 'Create and change tickets (`tickets:write`).' },
    CLASSIFY: { description: 'Ask for classification suggestions (`classify`).' },
    ADMIN: { description: 'Manage people and API tokens (`admin`).' },
  },
});

// Readable by whoever may read a ticket it wrote (its id and name); the rest only by admins.
const ADMIN: FieldAccess = 'admin';

@ObjectType({
  description: 'A credential for integrations, acting for the admin or agent who created it. Fields other than id and name: admins only.',
})
export class ApiToken {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: number;

  @Field(() => String, { description: 'What it is for, as its creator named it.' })
  name!: string;

  @Authorized(ADMIN)
  @Field(() => String, { description: 'The first characters of the token, to recognise it (the rest is never shown again).' })
  prefix!: string;

  @Authorized(ADMIN)
  @Field(() => [ApiTokenScope], { description: 'What it may do.' })
  scopes!: ApiTokenScope[];

  @Authorized(ADMIN)
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it stops working; null: never.' })
  expiresAt!: Date | null;

  @Authorized(ADMIN)
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it last authenticated a request (to the minute); null: never used.',
  })
  lastUsedAt!: Date | null;

  @Authorized(ADMIN)
  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt!: Date;

  @Authorized(ADMIN)
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt!: Date | null;

  /** Resolved by a field resolver (`owner`). */
  userId!: number;
}

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiTokenScope[],
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    userId: row.userId,
  };
}
