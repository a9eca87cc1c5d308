// GraphQL inputs of saved views: the list's own argument types (TicketFilter,
// TicketOrder), so a view holds exactly what `tickets` takes. Rules live in
// saved-view.validation.ts, shared with REST.
import { Field, InputType } from 'type-graphql';
import { TicketFilter } from '../tickets/ticket.inputs.js';
import { SEARCH_MAX_LENGTH, TicketOrder } from '../tickets/ticket-query.js';
import { SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX } from './saved-view.validation.js';

@InputType({
  description: `A view to save: a name and the list's filter, search and order, checked as \`tickets\` checks them. At most ${SAVED_VIEWS_MAX} views a person.`,
})
export class CreateSavedViewInput {
  @Field(() => String, {
    description: `1–${SAVED_VIEW_NAME_MAX} characters after trimming; unique among one's views, case aside (otherwise a userError TAKEN on \`name\`).`,
  })
  name!: string;

  @Field(() => TicketFilter, {
    nullable: true,
    description: 'As `tickets(filter:)`; `assignee.me` means whoever opens the view. Omitted or null: no filter.',
  })
  filter?: TicketFilter | null;

  @Field(() => String, {
    nullable: true,
    description: `As \`tickets(search:)\`, at most ${SEARCH_MAX_LENGTH} characters. Omitted, null or blank: no search.`,
  })
  search?: string | null;

  @Field(() => TicketOrder, { nullable: true, description: 'As `tickets(orderBy:)`. Omitted or null: NEWEST_FIRST.' })
  orderBy?: TicketOrder | null;
}

@InputType({ description: 'Changes to a view: only the fields given change. Errors on the filter name their field as `filter.<field>`.' })
export class UpdateSavedViewInput {
  @Field(() => String, { nullable: true, description: 'A new name (rules as on saving); null is refused.' })
  name?: string | null;

  @Field(() => TicketFilter, { nullable: true, description: 'A new filter, replacing the whole filter; null: no filter.' })
  filter?: TicketFilter | null;

  @Field(() => String, { nullable: true, description: 'A new search; null or blank: no search.' })
  search?: string | null;

  @Field(() => TicketOrder, { nullable: true, description: 'A new order; null: NEWEST_FIRST.' })
  orderBy?: TicketOrder | null;
}
