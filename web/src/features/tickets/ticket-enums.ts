// The enum values the UI offers, in display order, with their labels; compiling
// fails when the schema gains a value that is not listed here.
import type {
  ClassificationSource,
  ConfidenceBand,
  SuggestionOutcome,
  TicketCategory,
  TicketEventField,
  TicketPriority,
  TicketStatus,
} from '../../gql/graphql.js';

export const CATEGORIES = ['ACCOUNT', 'BILLING', 'GENERAL', 'TECHNICAL'] as const satisfies readonly TicketCategory[];
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const satisfies readonly TicketPriority[];
export const STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const satisfies readonly TicketStatus[];
export const SUGGESTION_OUTCOMES = [
  'ACCEPTED',
  'OVERRIDDEN',
  'CATEGORY_OVERRIDDEN',
  'PRIORITY_OVERRIDDEN',
] as const satisfies readonly SuggestionOutcome[];
export const CONFIDENCE_BANDS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const satisfies readonly ConfidenceBand[];
/** Still being worked: the server's `openTickets` counts these. */
export const ACTIVE_STATUSES = ['OPEN', 'IN_PROGRESS'] as const satisfies readonly TicketStatus[];

// Compile-time completeness: each alias is an error while a schema value is missing above.
type AssertNever<T extends never> = T;
type _AllCategoriesListed = AssertNever<Exclude<TicketCategory, (typeof CATEGORIES)[number]>>;
type _AllPrioritiesListed = AssertNever<Exclude<TicketPriority, (typeof PRIORITIES)[number]>>;
type _AllStatusesListed = AssertNever<Exclude<TicketStatus, (typeof STATUSES)[number]>>;
type _AllOutcomesListed = AssertNever<Exclude<SuggestionOutcome, (typeof SUGGESTION_OUTCOMES)[number]>>;
type _AllBandsListed = AssertNever<Exclude<ConfidenceBand, (typeof CONFIDENCE_BANDS)[number]>>;

export const CATEGORY_LABEL: Record<TicketCategory, string> = {
  ACCOUNT: 'Account',
  BILLING: 'Billing',
  GENERAL: 'General',
  TECHNICAL: 'Technical',
};
export const PRIORITY_LABEL: Record<TicketPriority, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};
export const STATUS_LABEL: Record<TicketStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};
export const SOURCE_LABEL: Record<ClassificationSource, string> = {
  GEMINI: 'Gemini',
  LOCAL: 'offline classifier',
  DEFAULT: 'default',
};

/** How the list names a suggestion outcome it is narrowed to. */
export const SUGGESTION_OUTCOME_LABEL: Record<SuggestionOutcome, string> = {
  ACCEPTED: 'suggestion accepted',
  OVERRIDDEN: 'suggestion overridden',
  CATEGORY_OVERRIDDEN: 'suggested category overridden',
  PRIORITY_OVERRIDDEN: 'suggested priority overridden',
};

/** How the list names a confidence band it is narrowed to. */
export const CONFIDENCE_BAND_LABEL: Record<ConfidenceBand, string> = {
  LOW: 'confidence below 50%',
  MEDIUM: 'confidence 50–70%',
  HIGH: 'confidence 70–90%',
  VERY_HIGH: 'confidence 90% or more',
};

export function isConfidenceBand(value: string): value is ConfidenceBand {
  return (CONFIDENCE_BANDS as readonly string[]).includes(value);
}
export function isSuggestionOutcome(value: string): value is SuggestionOutcome {
  return (SUGGESTION_OUTCOMES as readonly string[]).includes(value);
}
export function isCategory(value: string): value is TicketCategory {
  return (CATEGORIES as readonly string[]).includes(value);
}
export function isPriority(value: string): value is TicketPriority {
  return (PRIORITIES as readonly string[]).includes(value);
}
export function isStatus(value: string): value is TicketStatus {
  return (STATUSES as readonly string[]).includes(value);
}

/** The fields history records, as the agent knows them. */
export const EVENT_FIELD_LABEL: Record<TicketEventField, string> = {
  CATEGORY: 'Category',
  DESCRIPTION: 'Description',
  PRIORITY: 'Priority',
  STATUS: 'Status',
  TITLE: 'Title',
  ASSIGNEE: 'Assignee',
};

/**
 * A recorded value as the agent knows it: the label of an enum value, or the text
 * itself. A value the app has no label for (a newer server) is shown as recorded.
 */
export function fieldValueLabel(field: TicketEventField, value: string): string {
  switch (field) {
    case 'CATEGORY':
      return isCategory(value) ? CATEGORY_LABEL[value] : value;
    case 'PRIORITY':
      return isPriority(value) ? PRIORITY_LABEL[value] : value;
    case 'STATUS':
      return isStatus(value) ? STATUS_LABEL[value] : value;
    case 'TITLE':
    case 'DESCRIPTION':
    case 'ASSIGNEE':
      return value;
  }
}
