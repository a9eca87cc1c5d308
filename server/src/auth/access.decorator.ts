// What each GraphQL root field requires, declared on the field with `@Access(…)` (as
// Zammad's mutations declare theirs), enforced by type-graphql's auth checker before
// the resolver runs. Building the schema fails if a root field declares nothing, so
// a field added later cannot ship unprotected.
import type { GraphQLSchema } from 'graphql';
import { Authorized, getMetadataStorage, type AuthChecker } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { decideAccess } from './actor.js';
import type { Access as AccessLevel } from './auth.enums.js';
import { AuthError } from './auth.errors.js';

const ROOT_FIELD_ACCESS = new Map<string, AccessLevel>();

/** Declares what a query or mutation requires (see `Access` in auth.enums.ts). */
export function Access(access: Exclude<AccessLevel, 'graphql' | 'page'>): MethodDecorator {
  return (target, key, descriptor) => {
    ROOT_FIELD_ACCESS.set(String(key), access);
    Authorized(access)(target, key, descriptor);
  };
}

/** The declared access of each root field, for the table-driven test and the check below. */
export function rootFieldAccess(name: string): AccessLevel | undefined {
  return ROOT_FIELD_ACCESS.get(name);
}

/**
 * What a field of an object type requires (`@Authorized(…)` on the field): `admin`,
 * or `self-or-admin` for what a person may see of their own account and admins of
 * everyone's. Such types are reachable from tickets (their authors), so whoever reads
 * tickets sees a colleague's name, not their email or a token's scopes.
 */
export type FieldAccess = 'admin' | 'self-or-admin';

export const authChecker: AuthChecker<GraphQLContext, AccessLevel | FieldAccess> = ({ context, root }, [access]) => {
  if (access === 'self-or-admin') {
    const self = context.actor.userId !== null && (root as { id?: unknown } | undefined)?.id === context.actor.userId;
    if (self) return true;
  }
  const decision = decideAccess(context.actor, access === 'self-or-admin' || access === undefined ? 'admin' : access);
  if (decision === 'allowed') return true;
  throw new AuthError(decision === 'unauthenticated' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
};

export function assertEveryRootFieldDeclaresAccess(schema: GraphQLSchema): void {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const undeclared = roots.flatMap((type) => Object.keys(type?.getFields() ?? {}).filter((name) => !ROOT_FIELD_ACCESS.has(name)));
  if (undeclared.length > 0) throw new Error(`GraphQL root fields without @Access: ${undeclared.join(', ')}`);
}

/**
 * The fields that declare their own access (`@Authorized` on the field), as
 * `Type.field`: what an operation shows of them depends on who asks. Read from the
 * schema's metadata, so valid once the schema is built.
 */
export function fieldsWithOwnAccess(): ReadonlySet<string> {
  return new Set(
    getMetadataStorage().objectTypes.flatMap((type) =>
      (type.fields ?? []).filter((field) => field.roles !== undefined).map((field) => `${type.name}.${field.schemaName}`),
    ),
  );
}
