// GraphQL inputs and arguments of the tickets feature. They only describe shapes:
// the rules live in ticket.validation.ts, shared with the REST shim.
import { Field, GraphQLISODateTime, InputType, registerEnumType } from 'type-graphql';
import { ClassificationSource, TicketCategory, TicketPriority, TicketStatus } from './ticket.enums.js';

export enum TicketOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}

registerEnumType(TicketOrder, {
  name: 'TicketOrder',
  description: 'Order of a ticket list; ties on creation time are broken by id, so pages never repeat or skip a ticket.',
  valuesConfig: {
    NEWEST_FIRST: { description: 'Most recently created first (default).' },
    OLDEST_FIRST: { description: 'Oldest first.' },
  },
});

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
}

@InputType({ description: 'The classifier suggestion that was shown to the agent, so acceptance can be measured.' })
export class SuggestionInput {
  @Field(() => TicketCategory, { description: 'The suggested category.' })
  category!: TicketCategory;

  @Field(() => TicketPriority, { description: 'The suggested priority.' })
  priority!: TicketPriority;

  @Field(() => ClassificationSource, { description: 'Which classifier suggested it (`Classification.source`).' })
  source!: ClassificationSource;
}

@InputType({ description: 'A new ticket. Title and description are trimmed.' })
export class CreateTicketInput {
  @Field(() => String, { description: 'One-line summary: 1–200 characters after trimming.' })
  title!: string;

  @Field(() => String, { description: 'The request in full: not blank, at most 20,000 characters.' })
  description!: string;

  @Field(() => TicketCategory, { nullable: true, description: 'Defaults to GENERAL when omitted; null is refused.' })
  category?: TicketCategory | null;

  @Field(() => TicketPriority, { nullable: true, description: 'Defaults to MEDIUM when omitted; null is refused.' })
  priority?: TicketPriority | null;

  @Field(() => TicketStatus, { nullable: true, description: 'Defaults to OPEN when omitted; null is refused.' })
  status?: TicketStatus | null;

  @Field(() => SuggestionInput, {
    nullable: true,
    description: 'The suggestion shown while the ticket was written (from `classifyDescription`), if any.',
  })
  suggestion?: SuggestionInput | null;
}

@InputType({ description: 'A partial update: only the fields given change. Null is refused for every field.' })
export class UpdateTicketInput {
  @Field(() => String, { nullable: true, description: 'New title: 1–200 characters after trimming.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description: not blank, at most 20,000 characters.' })
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
}
