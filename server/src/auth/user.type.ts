// The GraphQL `User` type and its role enum.
import { Authorized, Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { FieldAccess } from './access.decorator.js';
import type { UserRole as StoredRole } from './auth.enums.js';

export enum UserRole {
  ADMIN = 'admin',
  AGENT = 'agent',
}
// Keeps the GraphQL enum and the stored vocabulary in lockstep at compile time.
const _sameRoles: Record<StoredRole, UserRole> = { admin: UserRole.ADMIN, agent: UserRole.AGENT };
void _sameRoles;

registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a person may do.',
  valuesConfig: {
    ADMIN: { description: 'Works tickets, and manages people and API tokens.' },
    AGENT: { description: 'Works tickets.' },
  },
});

// Readable by whoever may read a ticket it wrote (its id and name); the rest only by
// the person themselves and by admins (a FORBIDDEN error on that field otherwise).
const SELF_OR_ADMIN: FieldAccess = 'self-or-admin';

@ObjectType({
  description: 'A person who signs in: an agent or an admin. Email, active and invitationPending: only the person themselves and admins.',
})
export class User {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: number;

  @Authorized(SELF_OR_ADMIN)
  @Field(() => String, { description: 'Their email address (unique, case-insensitive); they sign in with it.' })
  email!: string;

  @Field(() => String, { description: 'The name colleagues see.' })
  displayName!: string;

  @Field(() => UserRole, { description: 'What they may do.' })
  role!: UserRole;

  @Authorized(SELF_OR_ADMIN)
  @Field(() => Boolean, { description: 'False once deactivated: they can no longer sign in, and their sessions and tokens stop working.' })
  active!: boolean;

  @Authorized(SELF_OR_ADMIN)
  @Field(() => Boolean, { description: 'True for an invited person who has not yet set a password.' })
  invitationPending!: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When the account was created.' })
  createdAt!: Date;
}

export function toUser(row: {
  id: number;
  email: string;
  displayName: string;
  role: StoredRole;
  active: boolean;
  passwordHash: string | null;
  createdAt: Date;
}): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as UserRole,
    active: row.active,
    invitationPending: row.passwordHash === null,
    createdAt: row.createdAt,
  };
}
