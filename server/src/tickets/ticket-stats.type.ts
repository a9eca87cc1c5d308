// GraphQL types of the ticket statistics.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { User } from '../auth/user.type.js';
import { TicketCategory, TicketPriority, TicketStatus } from './ticket.enums.js';
import type { TicketQuery } from './ticket-query.js';

@ObjectType({ simpleResolvers: true, description: 'Number of tickets with one priority.' })
export class PriorityCount {
  @Field(() => TicketPriority, { description: 'The priority.' })
  priority!: TicketPriority;

  @Field(() => Int, { description: 'How many tickets have it.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Number of tickets in one category.' })
export class CategoryCount {
  @Field(() => TicketCategory, { description: 'The category.' })
  category!: TicketCategory;

  @Field(() => Int, { description: 'How many tickets are in it.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Number of tickets with one status.' })
export class StatusCount {
  @Field(() => TicketStatus, { description: 'The status.' })
  status!: TicketStatus;

  @Field(() => Int, { description: 'How many tickets have it.' })
  count!: number;
}

@ObjectType({ description: 'Active tickets (OPEN plus IN_PROGRESS) of one assignee.' })
export class AssigneeCount {
  @Field(() => User, { nullable: true, description: 'The assignee; null for the unassigned tickets.' })
  assignee!: User | null;

  @Field(() => Int, { description: 'How many active tickets they have.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Tickets created on one UTC day.' })
export class DayCount {
  @Field(() => String, { description: 'The day, `YYYY-MM-DD` (UTC).' })
  day!: string;

  @Field(() => Int, { description: 'Tickets created that day.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'How agents treated the AI suggestions for one suggested category.' })
export class CategorySuggestionAcceptance {
  @Field(() => TicketCategory, { description: 'The category the classifier suggested.' })
  category!: TicketCategory;

  @Field(() => Int, { description: 'Tickets created with this category suggested.' })
  suggested!: number;

  @Field(() => Int, { description: 'Of those, saved with the suggested category and priority unchanged.' })
  accepted!: number;

  @Field(() => Int, { description: 'Of those, saved with the category or priority changed by the agent.' })
  overridden!: number;

  @Field(() => Float, { nullable: true, description: '`accepted / suggested` (0–1); null when nothing was suggested.' })
  acceptanceRate!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Whether the AI helps: how often agents kept its suggestion as it was.' })
export class SuggestionAcceptance {
  @Field(() => Int, { description: 'Tickets created with a suggestion shown.' })
  suggested!: number;

  @Field(() => Int, { description: 'Saved with the suggested category and priority unchanged.' })
  accepted!: number;

  @Field(() => Int, { description: 'Saved with the category or priority changed by the agent.' })
  overridden!: number;

  @Field(() => Float, { nullable: true, description: '`accepted / suggested` (0–1); null when nothing was suggested.' })
  acceptanceRate!: number | null;

  @Field(() => [CategorySuggestionAcceptance], { description: 'The same, per suggested category; every category present.' })
  byCategory!: CategorySuggestionAcceptance[];
}

@ObjectType({ description: 'Aggregate figures over the tickets matching the filter, computed by the database.' })
export class TicketStats {
  @Field(() => Int, { description: 'Number of tickets.' })
  totalTickets!: number;

  @Field(() => Int, { description: 'Active, unresolved tickets: OPEN plus IN_PROGRESS.' })
  openTickets!: number;

  @Field(() => Float, {
    description:
      "Tickets per day: total divided by the calendar days (UTC) from the first ticket's day through today, inclusive; rounded to 2 decimals; 0 when there are none.",
  })
  avgTicketsPerDay!: number;

  @Field(() => [PriorityCount], { description: 'Count per priority; every priority present, zeros included, LOW to CRITICAL.' })
  priorityBreakdown!: PriorityCount[];

  @Field(() => [CategoryCount], { description: 'Count per category; every category present, zeros included.' })
  categoryBreakdown!: CategoryCount[];

  @Field(() => [StatusCount], { description: 'Count per status; every status present, zeros included.' })
  statusBreakdown!: StatusCount[];

  @Field(() => SuggestionAcceptance, { description: 'Acceptance of AI suggestions.' })
  suggestionAcceptance!: SuggestionAcceptance;

  // Carried for the `ticketsPerDay` field resolver.
  query!: TicketQuery;
}
