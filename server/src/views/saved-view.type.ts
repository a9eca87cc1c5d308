// GraphQL types of saved views. A view's filter, search and order are given back in
// the shapes `tickets(filter:, search:, orderBy:)` takes, so a client lists a view by
// passing them on.
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/user-error.type.js';
import { ConfidenceBand, SuggestionOutcome, TicketCategory, TicketPriority, TicketStatus } from '../tickets/ticket.enums.js';
import { TICKET_FILTER_FIELDS, TicketOrder, type ExactlyTheFilterFields, type TicketFilterField } from '../tickets/ticket-query.js';
import { SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX, savedFilterRequest } from './saved-view.validation.js';
import type { SavedViewRow } from './saved-view.service.js';

@ObjectType({ description: 'Whose tickets a saved view shows, as an `AssigneeFilter` says it (`me` is whoever opens the view).' })
export class SavedViewAssignee {
  @Field(() => Boolean, { description: 'Assigned to the caller.' })
  me!: boolean;

  @Field(() => Boolean, { description: 'Assigned to nobody.' })
  none!: boolean;

  @Field(() => [ID], { description: 'Assigned to any of these users.' })
  userIds!: string[];
}

@ObjectType({ description: 'The filter of a saved view: a `TicketFilter`’s values, null where the view does not narrow the list.' })
export class SavedViewFilter {
  @Field(() => [TicketCategory], { nullable: true, description: 'Any of these categories.' })
  categories!: TicketCategory[] | null;

  @Field(() => [TicketPriority], { nullable: true, description: 'Any of these priorities.' })
  priorities!: TicketPriority[] | null;

  @Field(() => [TicketStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses!: TicketStatus[] | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Created at or after this instant.' })
  createdAfter!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Created strictly before this instant.' })
  createdBefore!: Date | null;

  @Field(() => SavedViewAssignee, { nullable: true, description: 'Assigned to me, to nobody, or to given users.' })
  assignee!: SavedViewAssignee | null;

  @Field(() => [TicketCategory], { nullable: true, description: 'The classifier suggested any of these categories.' })
  suggestedCategories!: TicketCategory[] | null;

  @Field(() => [TicketPriority], { nullable: true, description: 'The classifier suggested any of these priorities.' })
  suggestedPriorities!: TicketPriority[] | null;

  @Field(() => [SuggestionOutcome], { nullable: true, description: 'The suggestion fared any of these ways.' })
  suggestionOutcomes!: SuggestionOutcome[] | null;

  @Field(() => [TicketCategory], { nullable: true, description: 'Saved in any of these categories when a suggestion was shown.' })
  filedCategories!: TicketCategory[] | null;

  @Field(() => [TicketPriority], { nullable: true, description: 'Saved with any of these priorities when a suggestion was shown.' })
  filedPriorities!: TicketPriority[] | null;

  @Field(() => [ConfidenceBand], { nullable: true, description: "The suggestion's confidence fell in any of these bands." })
  suggestionConfidenceBands!: ConfidenceBand[] | null;
}

// Exactly the list's filter fields (ticket-query.ts): a field missing on either side fails to compile.
const _savedViewFilterFields: ExactlyTheFilterFields<SavedViewFilter> = true;

@ObjectType({ description: 'A ticket list one saved under a name: its filter, search and order. Only its owner sees it.' })
export class SavedView {
  @Field(() => ID, { description: 'Its id.' })
  id!: string;

  @Field(() => String, { description: `Its name: 1–${SAVED_VIEW_NAME_MAX} characters, unique among the owner’s views (case aside).` })
  name!: string;

  @Field(() => SavedViewFilter, { description: 'The filter: pass as `tickets(filter:)` (without `__typename`).' })
  filter!: SavedViewFilter;

  @Field(() => String, { nullable: true, description: 'The search: pass as `tickets(search:)`; null for none.' })
  search!: string | null;

  @Field(() => TicketOrder, { description: 'The order: pass as `tickets(orderBy:)`.' })
  orderBy!: TicketOrder;

  @Field(() => GraphQLISODateTime, { description: 'When it was saved.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it was last renamed or changed.' })
  updatedAt!: Date;
}

const FILTER_FIELDS = Object.keys(TICKET_FILTER_FIELDS) as TicketFilterField[];

export function toSavedView(row: SavedViewRow): SavedView {
  const given = savedFilterRequest(row.query.filter);
  const filter = Object.fromEntries(FILTER_FIELDS.map((field) => [field, given[field] ?? null])) as unknown as SavedViewFilter;
  return {
    id: String(row.id),
    name: row.name,
    filter,
    search: row.query.search,
    orderBy: row.query.orderBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

@ObjectType({ description: 'A saved or changed view, or why not.' })
export class SavedViewPayload {
  @Field(() => SavedView, { nullable: true, description: 'The view; null when refused.' })
  savedView!: SavedView | null;

  @Field(() => [UserError], { description: `Why it was refused, each naming its field (TOO_MANY past ${SAVED_VIEWS_MAX} views).` })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting a view.' })
export class DeleteSavedViewPayload {
  @Field(() => ID, { nullable: true, description: 'The deleted view’s id; null when refused.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why it was refused.' })
  userErrors!: UserError[];
}
