// GraphQL type of an issued suggestion. The schema calls it `Classification` (its
// public name); `implements` keeps its fields in step with the service's answer.
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { SUGGESTION_TTL_SECONDS } from '../tickets/ticket-suggestion.repository.js';
import { ClassificationSource, TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';
import type { IssuedSuggestion } from './classification.service.js';

@ObjectType({ description: 'A suggested category and priority for a ticket description.' })
export class Classification implements IssuedSuggestion {
  @Field(() => TicketCategory, { description: 'Suggested category.' })
  category!: TicketCategory;

  @Field(() => TicketPriority, { description: 'Suggested priority.' })
  priority!: TicketPriority;

  @Field(() => ClassificationSource, {
    description: 'Who answered: GEMINI, the offline LOCAL classifier (Gemini unconfigured or failing), or DEFAULT (nothing recognisable).',
  })
  source!: ClassificationSource;

  @Field(() => String, {
    nullable: true,
    description:
      'What drove the answer, for a person: the team’s words and keyword cues with each field’s probability, Gemini’s own sentence, or the similar tickets it was shown ("Similar to #12, #40.").',
  })
  reason!: string | null;

  @Field(() => Float, {
    description:
      'How sure the server is that the agent will keep both the category and the priority (0–1): the product of the two fields’ probabilities. An answer from Gemini is judged against the offline classifier’s.',
  })
  confidence!: number;

  @Field(() => ID, {
    description: `This answer as the server recorded it: pass it as \`CreateTicketInput.suggestionId\` with the same description, within ${SUGGESTION_TTL_SECONDS / 3600} hours, so the ticket records the suggestion (once: each id backs one ticket).`,
  })
  suggestionId!: string;
}
