// The GraphQL `Ticket` type and its suggestion.
import { Field, Float, ID, Int, ObjectType, GraphQLISODateTime } from 'type-graphql';
import {
  ClassificationSource,
  TICKET_DESCRIPTION_MAX,
  TICKET_TITLE_MAX,
  TicketCategory,
  TicketPriority,
  TicketStatus,
} from './ticket.enums.js';

@ObjectType({ simpleResolvers: true, description: 'What the classifier suggested when the ticket was created.' })
export class TicketSuggestion {
  @Field(() => TicketCategory, { description: 'The suggested category.' })
  category!: TicketCategory;

  @Field(() => TicketPriority, { description: 'The suggested priority.' })
  priority!: TicketPriority;

  @Field(() => ClassificationSource, { description: 'Which classifier made the suggestion.' })
  source!: ClassificationSource;

  @Field(() => Boolean, { description: 'True when the ticket was saved with both the suggested category and priority.' })
  accepted!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'How sure the classifier was (0–1); null for suggestions from before confidence was recorded, and in history events.',
  })
  confidence?: number | null;
}

// simpleResolvers: these types are plain data read as they are, so their fields use
// graphql's default resolver instead of type-graphql's middleware wrapper, which
// cost more than the fields themselves in a 20-ticket page.
@ObjectType({ simpleResolvers: true, description: 'A support request, worked by agents from open to resolved.' })
export class Ticket {
  @Field(() => ID, { description: 'Stable identifier (a positive integer, as a string).' })
  id!: number;

  @Field(() => String, { description: `One-line summary, 1–${TICKET_TITLE_MAX} characters.` })
  title!: string;

  @Field(() => String, {
    description: `The full request as the customer described it, up to ${TICKET_DESCRIPTION_MAX.toLocaleString('en')} characters.`,
  })
  description!: string;

  @Field(() => TicketCategory, { description: 'What the ticket is about.' })
  category!: TicketCategory;

  @Field(() => TicketPriority, { description: 'How urgent it is.' })
  priority!: TicketPriority;

  @Field(() => TicketStatus, { description: 'Where it is in its lifecycle.' })
  status!: TicketStatus;

  @Field(() => GraphQLISODateTime, { description: 'When it was created (UTC, set by the database).' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it became resolved or closed; null while open or in progress (cleared when reopened).',
  })
  resolvedAt!: Date | null;

  @Field(() => TicketSuggestion, {
    nullable: true,
    description: 'The AI suggestion shown when the ticket was created; null when none was shown.',
  })
  suggestion!: TicketSuggestion | null;

  @Field(() => Int, {
    description:
      "Starts at 1 and grows with every change. Send it as `updateTicket`'s `expectedVersion` so that a change made meanwhile by someone else is not overwritten.",
  })
  version!: number;

  // The authors as stored; `createdBy`/`updatedBy` resolve them (ticket-author.resolver.ts).
  createdByUserId!: number | null;
  createdByTokenId!: number | null;
  updatedByUserId!: number | null;
  updatedByTokenId!: number | null;
  // The assignee as stored; `assignee` resolves it (ticket-assignee.resolver.ts).
  assigneeUserId!: number | null;
}
