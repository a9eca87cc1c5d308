// GraphQL types of the triage report (triage.service.ts).
import { Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ConfidenceBand, TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';

const rateDescription = '`accepted / suggested` (0–1); null when nothing was suggested.';

@ObjectType({ simpleResolvers: true, description: 'Suggestions whose confidence fell in one band, and how many were kept.' })
export class ConfidenceBandAcceptance {
  @Field(() => ConfidenceBand, { description: 'The band: the `suggestionConfidenceBands` list filter value for its tickets.' })
  band!: ConfidenceBand;

  @Field(() => Float, { description: 'The band’s lowest confidence (included).' })
  from!: number;

  @Field(() => Float, { description: 'The band’s highest confidence (excluded, except 1).' })
  to!: number;

  @Field(() => Int, { description: 'Tickets created with a suggestion in this band.' })
  suggested!: number;

  @Field(() => Int, { description: 'Of those, filed with both the suggested category and priority.' })
  accepted!: number;

  @Field(() => Int, { description: 'Of those, with the category or priority changed.' })
  overridden!: number;

  @Field(() => Float, { nullable: true, description: rateDescription })
  acceptanceRate!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Suggestions of one category, and how many kept that category.' })
export class CategoryTriage {
  @Field(() => TicketCategory, { description: 'The suggested category.' })
  category!: TicketCategory;

  @Field(() => Int, { description: 'Tickets created with this category suggested.' })
  suggested!: number;

  @Field(() => Int, { description: 'Of those, filed in this category now.' })
  accepted!: number;

  @Field(() => Int, { description: 'Of those, filed in another category now.' })
  overridden!: number;

  @Field(() => Float, { nullable: true, description: rateDescription })
  acceptanceRate!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Suggestions of one priority, and how many kept that priority.' })
export class PriorityTriage {
  @Field(() => TicketPriority, { description: 'The suggested priority.' })
  priority!: TicketPriority;

  @Field(() => Int, { description: 'Tickets created with this priority suggested.' })
  suggested!: number;

  @Field(() => Int, { description: 'Of those, with this priority now.' })
  accepted!: number;

  @Field(() => Int, { description: 'Of those, with another priority now.' })
  overridden!: number;

  @Field(() => Float, { nullable: true, description: rateDescription })
  acceptanceRate!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Tickets suggested one category and filed in another.' })
export class CategoryOverride {
  @Field(() => TicketCategory, { description: 'What the classifier suggested.' })
  suggested!: TicketCategory;

  @Field(() => TicketCategory, { description: 'What the ticket is filed as now.' })
  chosen!: TicketCategory;

  @Field(() => Int, { description: 'How many tickets.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Tickets suggested one priority and given another.' })
export class PriorityOverride {
  @Field(() => TicketPriority, { description: 'What the classifier suggested.' })
  suggested!: TicketPriority;

  @Field(() => TicketPriority, { description: 'The ticket’s priority now.' })
  chosen!: TicketPriority;

  @Field(() => Int, { description: 'How many tickets.' })
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Whether triage works: the tickets created with a suggestion in the window, judged by what the agent saved when creating each (a later edit is history, not an override), as `suggestionAcceptance` counts.',
})
export class TriageReport {
  @Field(() => Int, { description: 'The window, in days back from now.' })
  days!: number;

  @Field(() => GraphQLISODateTime, { description: 'The window’s start.' })
  since!: Date;

  @Field(() => Int, { description: 'Tickets created with a suggestion.' })
  suggested!: number;

  @Field(() => Int, { description: 'Of those, filed with both the suggested category and priority.' })
  accepted!: number;

  @Field(() => Int, { description: 'Of those, with the category or priority changed.' })
  overridden!: number;

  @Field(() => Float, { nullable: true, description: rateDescription })
  acceptanceRate!: number | null;

  @Field(() => [ConfidenceBandAcceptance], {
    description: 'Acceptance per confidence band, lowest first; every band present. Suggestions without a recorded confidence are in none.',
  })
  byConfidence!: ConfidenceBandAcceptance[];

  @Field(() => [CategoryTriage], { description: 'Per suggested category; every category present.' })
  byCategory!: CategoryTriage[];

  @Field(() => [PriorityTriage], { description: 'Per suggested priority; every priority present.' })
  byPriority!: PriorityTriage[];

  @Field(() => [CategoryOverride], { description: 'Suggested -> chosen category, where they differ; only pairs with tickets.' })
  categoryOverrides!: CategoryOverride[];

  @Field(() => [PriorityOverride], { description: 'Suggested -> chosen priority, where they differ; only pairs with tickets.' })
  priorityOverrides!: PriorityOverride[];
}
