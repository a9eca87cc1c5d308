// GraphQL adapter of the classifier: validate like a ticket description, classify, issue the suggestion.
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Access } from '../auth/access.decorator.js';
import type { GraphQLContext } from '../graphql/context.js';
import { classifyTicketDescription } from './classification.service.js';
import { Classification } from './classification.type.js';

@Resolver(() => Classification)
export class ClassificationResolver {
  @Access('classify')
  @Query(() => Classification, {
    description:
      'Suggest a category and priority for a ticket description. Never fails because the AI does: falls back to an offline classifier, then to GENERAL/MEDIUM. Rate limited per client. ' +
      'Each answer is recorded by the server; pass its `suggestionId` to `createTicket` so the ticket records the suggestion.',
  })
  classifyDescription(
    @Ctx() ctx: GraphQLContext,
    @Arg('description', () => String, { description: 'The ticket description: not blank, at most 20,000 characters.' })
    description: string,
  ): Promise<Classification> {
    return classifyTicketDescription(ctx.classifier, ctx.db, ctx.clientKey, description, ctx.logger);
  }
}
