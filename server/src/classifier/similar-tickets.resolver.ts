// GraphQL adapter of similar tickets: validate, find, answer.
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Access } from '../auth/access.decorator.js';
import type { GraphQLContext } from '../graphql/context.js';
import { toTicket } from '../tickets/ticket.mapper.js';
import { findSimilarTickets, SIMILAR_TICKETS_MAX } from './similar-tickets.service.js';
import { SimilarTicket } from './similar-ticket.type.js';

@Resolver(() => SimilarTicket)
export class SimilarTicketsResolver {
  @Access('tickets:read')
  @Query(() => [SimilarTicket], {
    description: `Up to \`first\` (1–${SIMILAR_TICKETS_MAX}) existing tickets like \`text\`, for spotting duplicates while a ticket is written: open and in-progress ones first, then by similarity. Empty when nothing is similar enough.`,
  })
  async similarTickets(
    @Ctx() ctx: GraphQLContext,
    @Arg('text', () => String, { description: 'The description being written: not blank, at most 20,000 characters.' }) text: string,
    @Arg('first', () => Int, { defaultValue: SIMILAR_TICKETS_MAX, description: 'How many at most.' }) first: number,
  ): Promise<SimilarTicket[]> {
    const rows = await findSimilarTickets(ctx.db, text, first);
    return rows.map((row) => ({ ticket: toTicket(row.ticket), similarity: row.similarity }));
  }
}
