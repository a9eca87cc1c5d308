// GraphQL type of a classification suggestion.
import { Field, ObjectType } from 'type-graphql';
import { ClassificationSource, TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';

@ObjectType({ description: 'A suggested category and priority for a ticket description.' })
export class Classification {
  @Field(() => TicketCategory, { description: 'Suggested category.' })
  category!: TicketCategory;

  @Field(() => TicketPriority, { description: 'Suggested priority.' })
  priority!: TicketPriority;

  @Field(() => ClassificationSource, {
    description: 'Who answered: GEMINI, the offline LOCAL classifier (Gemini unconfigured or failing), or DEFAULT (nothing recognisable).',
  })
  source!: ClassificationSource;

  @Field(() => String, { nullable: true, description: 'A short explanation, when the classifier gives one.' })
  reason!: string | null;
}
