// The API token scopes the UI offers, in display order, with what each allows;
// compiling fails when the schema gains a scope that is not listed here.
import type { ApiTokenScope } from '../../gql/graphql.js';

export const API_TOKEN_SCOPES = ['TICKETS_READ', 'TICKETS_WRITE', 'CLASSIFY', 'ADMIN'] as const satisfies readonly ApiTokenScope[];

type AssertNever<T extends never> = T;
type _AllScopesListed = AssertNever<Exclude<ApiTokenScope, (typeof API_TOKEN_SCOPES)[number]>>;

export const SCOPE_LABEL: Record<ApiTokenScope, string> = {
  TICKETS_READ: 'Read tickets',
  TICKETS_WRITE: 'Create and change tickets',
  CLASSIFY: 'Classify descriptions',
  ADMIN: 'Administration',
};

export const SCOPE_DESCRIPTION: Record<ApiTokenScope, string> = {
  TICKETS_READ: 'List and read tickets.',
  TICKETS_WRITE: 'Create and change tickets.',
  CLASSIFY: 'Ask the classifier for a category and priority.',
  ADMIN: 'What an administrator may do through the API.',
};
