// GraphQL inputs and arguments of the tickets feature. They only describe shapes:
// the rules live in ticket.validation.ts, shared with the REST shim.
import { Field, GraphQLISODateTime, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IDEMPOTENCY_KEY_TTL_SECONDS } from './idempotency-key.repository.js';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency-key.validation.js';
import { SUGGESTION_TTL_SECONDS } from './ticket-suggestion.repository.js';
import {
  ConfidenceBand,
  SuggestionOutcome,
  TICKET_DESCRIPTION_MAX,
  TICKET_TITLE_MAX,
  TicketCategory,
  TicketPriority,
  TicketStatus,
} from './ticket.enums.js';
import { ASSIGNEE_FILTER_IDS_MAX, TicketOrder, type ExactlyTheFilterFields } from './ticket-query.js';

const hours = (seconds: number) => `${seconds / 3600} hours`;

registerEnumType(TicketOrder, {
  name: 'TicketOrder',
  description:
    'Order of a ticket list. Each order ends with the ticket id, so pages never repeat or skip a ticket; a cursor (`after`) is good only for the order that issued it (another order refuses it: BAD_USER_INPUT on `after`).',
  valuesConfig: {
    NEWEST_FIRST: { description: 'Most recently created first (default).' },
    OLDEST_FIRST: { description: 'Oldest first.' },
    PRIORITY: { description: 'CRITICAL first, then HIGH, MEDIUM and LOW; most recently created first within a priority.' },
    RECENTLY_CHANGED: { description: 'Most recently changed (`updatedAt`) first.' },
  },
});

@InputType({
  description:
    'Whose tickets: any that match one of the parts given (ORed). At least one is required (an empty filter is a BAD_USER_INPUT on `assignee`).',
})
export class AssigneeFilter {
  @Field(() => Boolean, { defaultValue: false, description: 'Assigned to the caller. A caller who is no user (anonymous) has none.' })
  me!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Assigned to nobody.' })
  none!: boolean;

  @Field(() => [ID], { nullable: true, description: `Assigned to any of these users (at most ${ASSIGNEE_FILTER_IDS_MAX}).` })
  userIds?: string[] | null;
}

@InputType({ description: 'Narrows a ticket list or the statistics. Values within one field are ORed; fields are ANDed.' })
export class TicketFilter {
  @Field(() => [TicketCategory], { nullable: true, description: 'Any of these categories.' })
  categories?: TicketCategory[] | null;

  @Field(() => [TicketPriority], { nullable: true, description: 'Any of these priorities.' })
  priorities?: TicketPriority[] | null;

  @Field(() => [TicketStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: TicketStatus[] | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Created at or after this instant.' })
  createdAfter?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Created strictly before this instant.' })
  createdBefore?: Date | null;

  @Field(() => AssigneeFilter, { nullable: true, description: 'Assigned to me, to nobody, or to given users.' })
  assignee?: AssigneeFilter | null;

  @Field(() => [TicketCategory], { nullable: true, description: 'The classifier suggested any of these categories.' })
  suggestedCategories?: TicketCategory[] | null;

  @Field(() => [TicketPriority], { nullable: true, description: 'The classifier suggested any of these priorities.' })
  suggestedPriorities?: TicketPriority[] | null;

  @Field(() => [SuggestionOutcome], {
    nullable: true,
    description:
      'The suggestion fared any of these ways (judged on what the ticket was saved with at creation, as `stats.triage` counts); tickets without one never match.',
  })
  suggestionOutcomes?: SuggestionOutcome[] | null;

  @Field(() => [TicketCategory], {
    nullable: true,
    description:
      'Saved in any of these categories when a suggestion was shown (the triage override matrix); tickets without one never match.',
  })
  filedCategories?: TicketCategory[] | null;

  @Field(() => [TicketPriority], {
    nullable: true,
    description: 'Saved with any of these priorities when a suggestion was shown; tickets without one never match.',
  })
  filedPriorities?: TicketPriority[] | null;

  @Field(() => [ConfidenceBand], {
    nullable: true,
    description: "The suggestion's confidence fell in any of these bands; tickets without a recorded confidence never match.",
  })
  suggestionConfidenceBands?: ConfidenceBand[] | null;
}

// The GraphQL filter has exactly the list query's filter fields (ticket-query.ts):
// a field missing on either side makes this line fail to compile.
const _graphqlFilterFields: ExactlyTheFilterFields<TicketFilter> = true;

@InputType({ description: 'A new ticket. Title and description are trimmed.' })
export class CreateTicketInput {
  @Field(() => String, { description: `One-line summary: 1–${TICKET_TITLE_MAX} characters after trimming.` })
  title!: string;

  @Field(() => String, {
    description: `The request in full: not blank, at most ${TICKET_DESCRIPTION_MAX.toLocaleString('en')} characters.`,
  })
  description!: string;

  @Field(() => TicketCategory, { nullable: true, description: 'Defaults to GENERAL when omitted; null is refused.' })
  category?: TicketCategory | null;

  @Field(() => TicketPriority, { nullable: true, description: 'Defaults to MEDIUM when omitted; null is refused.' })
  priority?: TicketPriority | null;

  @Field(() => TicketStatus, { nullable: true, description: 'Defaults to OPEN when omitted; null is refused.' })
  status?: TicketStatus | null;

  @Field(() => ID, {
    nullable: true,
    description:
      `The suggestion shown while the ticket was written: \`classifyDescription.suggestionId\`. The ticket records what the server suggested then, so acceptance can be measured. ` +
      `Each id is good for one ticket, for ${hours(SUGGESTION_TTL_SECONDS)}, and only with the description it was issued for (case and whitespace aside); ` +
      `otherwise the ticket is saved with no suggestion and \`suggestionIgnored\` says so. ` +
      `A string that is not of an issued id's shape (a UUID), the empty string included, is a userError on \`suggestionId\`.`,
  })
  suggestionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      `Makes retrying safe: a create with a key already used in the last ${hours(IDEMPOTENCY_KEY_TTL_SECONDS)} creates nothing and answers the first result again, ` +
      `when the input is the same (compared after trimming and defaults); with a different input it is refused (userError IDEMPOTENCY_KEY_REUSED on \`idempotencyKey\`). ` +
      `1–${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters; spaces and tabs at either end are not part of it, as in REST's \`Idempotency-Key\` header. ` +
      `Use a new random one (e.g. a UUID) per ticket.`,
  })
  idempotencyKey?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Who works the ticket: an active user who has signed up (otherwise a userError INVALID_ASSIGNEE on `assigneeId`). Omitted or null: nobody. Recorded in `history` as ASSIGNED.',
  })
  assigneeId?: string | null;
}

@InputType({ description: 'A partial update: only the fields given change. Null is refused for every field but `assigneeId`.' })
export class UpdateTicketInput {
  @Field(() => String, { nullable: true, description: `New title: 1–${TICKET_TITLE_MAX} characters after trimming.` })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `New description: not blank, at most ${TICKET_DESCRIPTION_MAX.toLocaleString('en')} characters.`,
  })
  description?: string | null;

  @Field(() => TicketCategory, { nullable: true, description: 'New category.' })
  category?: TicketCategory | null;

  @Field(() => TicketPriority, { nullable: true, description: 'New priority.' })
  priority?: TicketPriority | null;

  @Field(() => TicketStatus, {
    nullable: true,
    description: 'New status. RESOLVED or CLOSED stamps `resolvedAt`; OPEN or IN_PROGRESS clears it.',
  })
  status?: TicketStatus | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'New assignee: an active user who has signed up (otherwise a userError INVALID_ASSIGNEE on `assigneeId`). Null unassigns (unlike the other fields, null is a value here); omitted keeps the assignee. Recorded in `history` as ASSIGNED or UNASSIGNED.',
  })
  assigneeId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` of the ticket this change is based on. If the ticket is at another version (someone changed it meanwhile), nothing changes and `userErrors` has a CONFLICT. Omitted: the change applies whatever the version.',
  })
  expectedVersion?: number | null;
}
