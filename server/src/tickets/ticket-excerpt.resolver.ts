// `Ticket.excerpt`: a bounded piece of the description around a search's first match.
import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SEARCH_MAX_LENGTH } from './ticket-query.js';
import { EXCERPT_LENGTH } from './ticket-search.js';
import { ticketExcerpt } from './ticket-excerpt.service.js';
import { Ticket } from './ticket.type.js';

@Resolver(() => Ticket)
export class TicketExcerptResolver {
  @FieldResolver(() => String, {
    description:
      'At most `length` characters of the description (whitespace runs shown as one space) around the first place where a term of `around` appears, or from its start; an end that cuts the text is marked with "…". For search results, in place of the whole description.',
  })
  excerpt(
    @Root() ticket: Ticket,
    @Arg('around', () => String, {
      nullable: true,
      description: `A search text, split into terms as \`tickets(search:)\` splits it (case-insensitive; \`%\` and \`_\` literal), at most ${SEARCH_MAX_LENGTH} characters.`,
    })
    around: string | null | undefined,
    @Arg('length', () => Int, {
      defaultValue: EXCERPT_LENGTH.default,
      description: `Characters, ellipses included: ${EXCERPT_LENGTH.min}–${EXCERPT_LENGTH.max} (anything else is a BAD_USER_INPUT error).`,
    })
    length: number,
  ): string {
    // An argument left out arrives undefined.
    return ticketExcerpt(ticket.description, { around: around ?? null, length });
  }
}
