// Relay-style cursor connection over tickets (its PageInfo shared by every connection), and the mutation payloads.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/user-error.type.js';
import { Ticket } from './ticket.type.js';
import type { TicketCount } from './ticket-count.repository.js';
import type { TicketQuery } from './ticket-query.js';

@ObjectType({ simpleResolvers: true, description: 'Where a page sits in the list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow `endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page (true whenever `after` was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to fetch the next page; null when the page is empty.' })
  endCursor!: string | null;
}

/**
 * A page of rows as a connection (`edges`, `nodes`, `pageInfo`): each row becomes a
 * node with its cursor. The one place a connection is shaped, for every paged field.
 */
export function toConnection<R, N>(
  page: { rows: readonly R[]; hasNextPage: boolean; hasPreviousPage: boolean },
  cursorOf: (row: R) => string,
  nodeOf: (row: R) => N,
): { edges: { cursor: string; node: N }[]; nodes: N[]; pageInfo: PageInfo } {
  const edges = page.rows.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

@ObjectType({ simpleResolvers: true, description: 'A ticket in a list, with its position.' })
export class TicketEdge {
  @Field(() => String, { description: 'Opaque position of this ticket in the list.' })
  cursor!: string;

  @Field(() => Ticket, { description: 'The ticket.' })
  node!: Ticket;
}

@ObjectType({ description: 'One page of tickets.' })
export class TicketConnection {
  @Field(() => [TicketEdge], { description: 'The tickets of this page with their cursors.' })
  edges!: TicketEdge[];

  @Field(() => [Ticket], { description: 'The tickets of this page (shortcut for `edges { node }`).' })
  nodes!: Ticket[];

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;

  // `totalCount` is resolved only when asked for (see TicketConnectionResolver).
  query!: TicketQuery;
  /** The bounded count, once computed, shared by `totalCount` and `totalCountIsExact`. */
  counted?: Promise<TicketCount>;
}

@ObjectType({ simpleResolvers: true, description: 'Result of `createTicket`.' })
export class CreateTicketPayload {
  @Field(() => Ticket, { nullable: true, description: 'The created ticket; null when `userErrors` is not empty.' })
  ticket!: Ticket | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors!: UserError[];

  @Field(() => Boolean, {
    description:
      'True when `suggestionId` did not name a suggestion the server issued for this description (unknown, expired, already used, or for another text): the ticket was saved as "no suggestion shown".',
  })
  suggestionIgnored!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Result of `updateTicket`.' })
export class UpdateTicketPayload {
  @Field(() => Ticket, { nullable: true, description: 'The updated ticket; null when `userErrors` is not empty.' })
  ticket!: Ticket | null;

  @Field(() => [UserError], { description: 'Why the update was refused (including NOT_FOUND); empty on success.' })
  userErrors!: UserError[];
}
