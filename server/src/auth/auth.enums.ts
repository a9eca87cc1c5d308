// The identity feature's closed vocabularies: roles, token scopes, what each
// operation may require, and what each role may do. Written once; the database
// checks, GraphQL enums, REST parsing and the web app read them from here.

export const USER_ROLES = ['admin', 'agent'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** What an API token may be allowed to do; also the unit in which roles are described. */
export const API_TOKEN_SCOPES = ['tickets:read', 'tickets:write', 'classify', 'admin'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const ONE_TIME_TOKEN_PURPOSES = ['setup', 'invitation'] as const;
export type OneTimeTokenPurpose = (typeof ONE_TIME_TOKEN_PURPOSES)[number];

/** What a role may do: agents work tickets, admins also manage people and tokens. */
export const ROLE_SCOPES: Record<UserRole, readonly ApiTokenScope[]> = {
  agent: ['tickets:read', 'tickets:write', 'classify'],
  admin: ['tickets:read', 'tickets:write', 'classify', 'admin'],
};

/**
 * What an operation requires, declared next to its definition (REST route config,
 * GraphQL `@Access`): a scope, or
 * - `public`: nothing (sign-in, setup, health probes, the app's static shell);
 * - `session`: a signed-in browser session (sign out);
 * - `page`: a browser page of the API (GraphiQL, Swagger UI, the OpenAPI document):
 *   anyone who may read tickets; an anonymous browser is sent to the sign-in page.
 * - `graphql`: the GraphQL endpoint, whose fields each declare their own.
 */
export type Access = ApiTokenScope | 'public' | 'session' | 'page' | 'graphql';

/** ANONYMOUS_ACCESS: what a caller without credentials may do on a trusted network. */
export const ANONYMOUS_ACCESS_LEVELS = ['read', 'write'] as const;
export type AnonymousAccessLevel = (typeof ANONYMOUS_ACCESS_LEVELS)[number];

export const ANONYMOUS_SCOPES: Record<AnonymousAccessLevel | 'none', readonly ApiTokenScope[]> = {
  none: [],
  read: ['tickets:read'],
  write: ['tickets:read', 'tickets:write', 'classify'],
};
