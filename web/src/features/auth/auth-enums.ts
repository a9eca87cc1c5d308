// The roles the UI offers, in display order, with their labels; compiling fails when
// the schema gains a role that is not listed here.
import type { UserRole } from '../../gql/graphql.js';

export const ROLES = ['AGENT', 'ADMIN'] as const satisfies readonly UserRole[];

type AssertNever<T extends never> = T;
type _AllRolesListed = AssertNever<Exclude<UserRole, (typeof ROLES)[number]>>;

export const ROLE_LABEL: Record<UserRole, string> = {
  AGENT: 'Agent',
  ADMIN: 'Administrator',
};
