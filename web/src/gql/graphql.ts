/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Which classifier produced a suggestion. */
export type ClassificationSource =
  /** Nothing recognisable: the defaults general/medium. */
  | 'DEFAULT'
  /** Google Gemini answered. */
  | 'GEMINI'
  /** The offline keyword classifier answered (Gemini not configured or failed). */
  | 'LOCAL';

/** A new ticket. Title and description are trimmed. */
export type CreateTicketInput = {
  /** Defaults to GENERAL when omitted; null is refused. */
  category?: TicketCategory | null | undefined;
  /** The request in full: not blank, at most 20,000 characters. */
  description: string;
  /** Makes retrying safe: a create with a key already used in the last 24 hours creates nothing and answers the first result again, when the input is the same (compared after trimming and defaults); with a different input it is refused (userError IDEMPOTENCY_KEY_REUSED on `idempotencyKey`). 1–255 printable ASCII characters; spaces and tabs at either end are not part of it, as in REST's `Idempotency-Key` header. Use a new random one (e.g. a UUID) per ticket. */
  idempotencyKey?: string | null | undefined;
  /** Defaults to MEDIUM when omitted; null is refused. */
  priority?: TicketPriority | null | undefined;
  /** Defaults to OPEN when omitted; null is refused. */
  status?: TicketStatus | null | undefined;
  /** The suggestion shown while the ticket was written: `classifyDescription.suggestionId`. The ticket records what the server suggested then, so acceptance can be measured. Each id is good for one ticket, for 24 hours, and only with the description it was issued for (case and whitespace aside); otherwise the ticket is saved with no suggestion and `suggestionIgnored` says so. A string that is not of an issued id's shape (a UUID), the empty string included, is a userError on `suggestionId`. */
  suggestionId?: string | number | null | undefined;
  /** One-line summary: 1–200 characters after trimming. */
  title: string;
};

/** What a ticket is about. */
export type TicketCategory =
  /** Sign-in, passwords, 2FA, profile and access. */
  | 'ACCOUNT'
  /** Charges, invoices, refunds, plans and payment methods. */
  | 'BILLING'
  /** Questions and requests that fit no other category. */
  | 'GENERAL'
  /** Errors, crashes, outages, bugs and integrations. */
  | 'TECHNICAL';

/** Narrows a ticket list or the statistics. Values within one field are ORed; fields are ANDed. */
export type TicketFilter = {
  /** Any of these categories. */
  categories?: Array<TicketCategory> | null | undefined;
  /** Created at or after this instant. */
  createdAfter?: string | null | undefined;
  /** Created strictly before this instant. */
  createdBefore?: string | null | undefined;
  /** Any of these priorities. */
  priorities?: Array<TicketPriority> | null | undefined;
  /** Any of these statuses. */
  statuses?: Array<TicketStatus> | null | undefined;
};

/** How urgently a ticket needs attention. */
export type TicketPriority =
  /** Outage, security incident, data loss, or many users affected. */
  | 'CRITICAL'
  /** A user is blocked, or money is wrongly charged. */
  | 'HIGH'
  /** Cosmetic issues, questions, feature requests. */
  | 'LOW'
  /** Something is wrong for one user but a workaround exists. */
  | 'MEDIUM';

/** Where a ticket is in its lifecycle. */
export type TicketStatus =
  /** Done and archived; stamps `resolvedAt`. */
  | 'CLOSED'
  /** An agent is working on it. */
  | 'IN_PROGRESS'
  /** New, nobody has started on it. */
  | 'OPEN'
  /** Fixed or answered; stamps `resolvedAt`. */
  | 'RESOLVED';

/** A partial update: only the fields given change. Null is refused for every field. */
export type UpdateTicketInput = {
  /** New category. */
  category?: TicketCategory | null | undefined;
  /** New description: not blank, at most 20,000 characters. */
  description?: string | null | undefined;
  /** New priority. */
  priority?: TicketPriority | null | undefined;
  /** New status. RESOLVED or CLOSED stamps `resolvedAt`; OPEN or IN_PROGRESS clears it. */
  status?: TicketStatus | null | undefined;
  /** New title: 1–200 characters after trimming. */
  title?: string | null | undefined;
};

/** Why an input was refused. */
export type UserErrorCode =
  /** The field may not be blank: empty, or with no character that is text by itself (only whitespace, zero-width, format and other default-ignorable characters, blank-drawn characters such as U+2800, and combining marks with no base). */
  | 'BLANK'
  /** The idempotency key was already used, within the last 24 hours, for a create with a different input. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The value is malformed (for text: NUL characters, unpaired surrogates, or bytes that are not UTF-8). */
  | 'INVALID'
  /** The value is not one of the allowed choices. */
  | 'INVALID_CHOICE'
  /** The value has the wrong type. */
  | 'INVALID_TYPE'
  /** The referenced ticket does not exist. */
  | 'NOT_FOUND'
  /** The field may not be null. */
  | 'NULL'
  /** The value is outside the allowed range (a number, or a date/time beyond the years 1 to 9999). */
  | 'OUT_OF_RANGE'
  /** The field is required and was not given. */
  | 'REQUIRED'
  /** The value is longer than the field allows. */
  | 'TOO_LONG';

export type BreakdownCharts_StatsFragment = { __typename: 'TicketStats', priorityBreakdown: Array<{ __typename: 'PriorityCount', priority: TicketPriority, count: number }>, categoryBreakdown: Array<{ __typename: 'CategoryCount', category: TicketCategory, count: number }>, statusBreakdown: Array<{ __typename: 'StatusCount', status: TicketStatus, count: number }> } & { ' $fragmentName'?: 'BreakdownCharts_StatsFragment' };

export type DashboardPageQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardPageQuery = { __typename: 'Query', stats: { __typename: 'TicketStats', totalTickets: number, openTickets: number, avgTicketsPerDay: number, priorityBreakdown: Array<{ __typename: 'PriorityCount', priority: TicketPriority, count: number }>, categoryBreakdown: Array<{ __typename: 'CategoryCount', category: TicketCategory, count: number }>, statusBreakdown: Array<{ __typename: 'StatusCount', status: TicketStatus, count: number }>, ticketsPerDay: Array<{ __typename: 'DayCount', day: string, count: number }>, suggestionAcceptance: { __typename: 'SuggestionAcceptance', acceptanceRate: number | null, accepted: number, overridden: number, suggested: number, byCategory: Array<{ __typename: 'CategorySuggestionAcceptance', category: TicketCategory, acceptanceRate: number | null, accepted: number, suggested: number }> } } };

export type StatsSummary_StatsFragment = { __typename: 'TicketStats', totalTickets: number, openTickets: number, avgTicketsPerDay: number } & { ' $fragmentName'?: 'StatsSummary_StatsFragment' };

export type SuggestionAcceptanceCard_StatsFragment = { __typename: 'TicketStats', suggestionAcceptance: { __typename: 'SuggestionAcceptance', acceptanceRate: number | null, accepted: number, overridden: number, suggested: number, byCategory: Array<{ __typename: 'CategorySuggestionAcceptance', category: TicketCategory, acceptanceRate: number | null, accepted: number, suggested: number }> } } & { ' $fragmentName'?: 'SuggestionAcceptanceCard_StatsFragment' };

export type TicketsPerDayChart_StatsFragment = { __typename: 'TicketStats', ticketsPerDay: Array<{ __typename: 'DayCount', day: string, count: number }> } & { ' $fragmentName'?: 'TicketsPerDayChart_StatsFragment' };

export type TicketDetailPageQueryVariables = Exact<{
  id: string | number;
}>;


export type TicketDetailPageQuery = { __typename: 'Query', ticket: (
    { __typename: 'Ticket', id: string }
    & { ' $fragmentRefs'?: { 'TicketDetails_TicketFragment': TicketDetails_TicketFragment;'TicketEditForm_TicketFragment': TicketEditForm_TicketFragment } }
  ) | null };

export type TicketDetails_TicketFragment = { __typename: 'Ticket', id: string, title: string, description: string, category: TicketCategory, priority: TicketPriority, status: TicketStatus, createdAt: string, updatedAt: string, resolvedAt: string | null, suggestion: { __typename: 'TicketSuggestion', category: TicketCategory, priority: TicketPriority, source: ClassificationSource, accepted: boolean } | null } & { ' $fragmentName'?: 'TicketDetails_TicketFragment' };

export type TicketEditForm_TicketFragment = { __typename: 'Ticket', id: string, title: string, description: string, category: TicketCategory, priority: TicketPriority } & { ' $fragmentName'?: 'TicketEditForm_TicketFragment' };

export type TicketRow_TicketFragment = { __typename: 'Ticket', id: string, title: string, description: string, category: TicketCategory, priority: TicketPriority, status: TicketStatus, createdAt: string } & { ' $fragmentName'?: 'TicketRow_TicketFragment' };

export type TicketsPageQueryVariables = Exact<{
  filter?: TicketFilter | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TicketsPageQuery = { __typename: 'Query', tickets: { __typename: 'TicketConnection', totalCount: number, totalCountIsExact: boolean, edges: Array<{ __typename: 'TicketEdge', cursor: string, node: (
        { __typename: 'Ticket', id: string }
        & { ' $fragmentRefs'?: { 'TicketRow_TicketFragment': TicketRow_TicketFragment } }
      ) }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type CreateTicketMutationVariables = Exact<{
  input: CreateTicketInput;
}>;


export type CreateTicketMutation = { __typename: 'Mutation', createTicket: { __typename: 'CreateTicketPayload', ticket: { __typename: 'Ticket', id: string, title: string, description: string, category: TicketCategory, priority: TicketPriority, status: TicketStatus, createdAt: string, updatedAt: string, resolvedAt: string | null, suggestion: { __typename: 'TicketSuggestion', category: TicketCategory, priority: TicketPriority, source: ClassificationSource, accepted: boolean } | null } | null, userErrors: Array<{ __typename: 'UserError', field: string | null, message: string, code: UserErrorCode }> } };

export type ClassifyDescriptionQueryVariables = Exact<{
  description: string;
}>;


export type ClassifyDescriptionQuery = { __typename: 'Query', classifyDescription: { __typename: 'Classification', category: TicketCategory, priority: TicketPriority, source: ClassificationSource, reason: string | null, suggestionId: string } };

export type UseUpdateTicket_TicketFragment = { __typename: 'Ticket', id: string, title: string, description: string, category: TicketCategory, priority: TicketPriority, status: TicketStatus } & { ' $fragmentName'?: 'UseUpdateTicket_TicketFragment' };

export type UseUpdateTicketResolvedAt_TicketFragment = { __typename: 'Ticket', resolvedAt: string | null } & { ' $fragmentName'?: 'UseUpdateTicketResolvedAt_TicketFragment' };

export type UpdateTicketMutationVariables = Exact<{
  id: string | number;
  input: UpdateTicketInput;
}>;


export type UpdateTicketMutation = { __typename: 'Mutation', updateTicket: { __typename: 'UpdateTicketPayload', ticket: { __typename: 'Ticket', id: string, updatedAt: string, resolvedAt: string | null, title: string, description: string, category: TicketCategory, priority: TicketPriority, status: TicketStatus } | null, userErrors: Array<{ __typename: 'UserError', field: string | null, message: string, code: UserErrorCode }> } };

export const BreakdownCharts_StatsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BreakdownCharts_stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priorityBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categoryBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<BreakdownCharts_StatsFragment, unknown>;
export const StatsSummary_StatsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatsSummary_stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalTickets"}},{"kind":"Field","name":{"kind":"Name","value":"openTickets"}},{"kind":"Field","name":{"kind":"Name","value":"avgTicketsPerDay"}}]}}]} as unknown as DocumentNode<StatsSummary_StatsFragment, unknown>;
export const SuggestionAcceptanceCard_StatsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SuggestionAcceptanceCard_stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suggestionAcceptance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptanceRate"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"overridden"}},{"kind":"Field","name":{"kind":"Name","value":"suggested"}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceRate"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"suggested"}}]}}]}}]}}]} as unknown as DocumentNode<SuggestionAcceptanceCard_StatsFragment, unknown>;
export const TicketsPerDayChart_StatsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketsPerDayChart_stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketsPerDay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"IntValue","value":"30"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<TicketsPerDayChart_StatsFragment, unknown>;
export const TicketDetails_TicketFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketDetails_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"suggestion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}}]}}]} as unknown as DocumentNode<TicketDetails_TicketFragment, unknown>;
export const TicketEditForm_TicketFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketEditForm_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}}]} as unknown as DocumentNode<TicketEditForm_TicketFragment, unknown>;
export const TicketRow_TicketFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketRow_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<TicketRow_TicketFragment, unknown>;
export const UseUpdateTicket_TicketFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UseUpdateTicket_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<UseUpdateTicket_TicketFragment, unknown>;
export const UseUpdateTicketResolvedAt_TicketFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UseUpdateTicketResolvedAt_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode<UseUpdateTicketResolvedAt_TicketFragment, unknown>;
export const DashboardPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatsSummary_stats"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"unmask"}}]},{"kind":"FragmentSpread","name":{"kind":"Name","value":"BreakdownCharts_stats"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"unmask"}}]},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketsPerDayChart_stats"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"unmask"}}]},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SuggestionAcceptanceCard_stats"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"unmask"}}]}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatsSummary_stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalTickets"}},{"kind":"Field","name":{"kind":"Name","value":"openTickets"}},{"kind":"Field","name":{"kind":"Name","value":"avgTicketsPerDay"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BreakdownCharts_stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priorityBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categoryBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketsPerDayChart_stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketsPerDay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"IntValue","value":"30"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SuggestionAcceptanceCard_stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TicketStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suggestionAcceptance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptanceRate"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"overridden"}},{"kind":"Field","name":{"kind":"Name","value":"suggested"}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceRate"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"suggested"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardPageQuery, DashboardPageQueryVariables>;
export const TicketDetailPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketDetailPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketDetails_ticket"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketEditForm_ticket"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketDetails_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"suggestion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketEditForm_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}}]} as unknown as DocumentNode<TicketDetailPageQuery, TicketDetailPageQueryVariables>;
export const TicketsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountIsExact"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketRow_ticket"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketRow_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<TicketsPageQuery, TicketsPageQueryVariables>;
export const CreateTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketDetails_ticket"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"unmask"}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketDetails_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"suggestion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}}]}}]} as unknown as DocumentNode<CreateTicketMutation, CreateTicketMutationVariables>;
export const ClassifyDescriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassifyDescription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classifyDescription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"suggestionId"}}]}}]}}]} as unknown as DocumentNode<ClassifyDescriptionQuery, ClassifyDescriptionQueryVariables>;
export const UpdateTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UseUpdateTicket_ticket"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"unmask"}}]},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UseUpdateTicket_ticket"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<UpdateTicketMutation, UpdateTicketMutationVariables>;