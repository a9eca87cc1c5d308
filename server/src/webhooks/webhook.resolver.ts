// GraphQL adapter of webhooks: admins list, register, change and delete endpoints,
// read their delivery log and deliver an event again.
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access } from '../auth/access.decorator.js';
import type { GraphQLContext } from '../graphql/context.js';
import { toUserErrors } from '../graphql/user-error.type.js';
import { WebhookError } from './webhook.errors.js';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook.inputs.js';
import {
  createEndpoint,
  deleteEndpoint,
  encodeDeliveryCursor,
  listDeliveries,
  listEndpoints,
  redeliver,
  updateEndpoint,
} from './webhook.service.js';
import {
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointPayload,
  toWebhookDelivery,
  toWebhookEndpoint,
  WebhookDeliveryConnection,
  WebhookDeliveryPayload,
  WebhookEndpoint,
  WebhookEndpointPayload,
} from './webhook.type.js';

/** The payload, or the refusal as userErrors. */
async function asPayload<T extends object>(
  work: () => Promise<T>,
  refused: { [K in keyof T]: null },
): Promise<{ [K in keyof T]: T[K] | null } & { userErrors: ReturnType<typeof toUserErrors> }> {
  try {
    return { ...(await work()), userErrors: [] };
  } catch (error) {
    if (error instanceof WebhookError) return { ...refused, userErrors: toUserErrors(error.issues) };
    throw error;
  }
}

@Resolver()
export class WebhookResolver {
  @Access('admin')
  @Query(() => [WebhookEndpoint], { description: 'Webhook endpoints, oldest first (at most 50). Admins only.' })
  async webhookEndpoints(@Ctx() ctx: GraphQLContext): Promise<WebhookEndpoint[]> {
    return (await listEndpoints(ctx.db)).map(toWebhookEndpoint);
  }

  @Access('admin')
  @Query(() => WebhookDeliveryConnection, {
    description: 'An endpoint’s deliveries, newest first, with their latest attempts. Admins only.',
  })
  async webhookDeliveries(
    @Ctx() ctx: GraphQLContext,
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: 0 to 100, 25 when omitted.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    try {
      const page = await listDeliveries(ctx.db, endpointId, { first, after });
      const last = page.rows.at(-1);
      return {
        nodes: page.rows.map(toWebhookDelivery),
        endCursor: last ? encodeDeliveryCursor(last) : null,
        hasNextPage: page.hasNextPage,
      };
    } catch (error) {
      // An unknown endpoint has no deliveries; a bad cursor is the client's input error.
      if (error instanceof WebhookError && error.code === 'NOT_FOUND') return { nodes: [], endCursor: null, hasNextPage: false };
      throw error;
    }
  }

  @Access('admin')
  @Mutation(() => CreateWebhookEndpointPayload, {
    description: 'Registers an endpoint. Its signing secret is in this answer only. Admins only.',
  })
  createWebhookEndpoint(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'Its URL and events.' }) input: CreateWebhookEndpointInput,
  ): Promise<CreateWebhookEndpointPayload> {
    return asPayload(
      async () => {
        const { endpoint, secret } = await createEndpoint(ctx.db, ctx.actor, ctx.webhooks, input);
        return { endpoint: toWebhookEndpoint(endpoint), secret };
      },
      { endpoint: null, secret: null },
    );
  }

  @Access('admin')
  @Mutation(() => WebhookEndpointPayload, { description: 'Changes an endpoint’s URL or events, or turns it off or back on. Admins only.' })
  updateWebhookEndpoint(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Arg('input', () => UpdateWebhookEndpointInput, { description: 'What changes.' }) input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointPayload> {
    return asPayload(async () => ({ endpoint: toWebhookEndpoint(await updateEndpoint(ctx.db, ctx.webhooks, id, input)) }), {
      endpoint: null,
    });
  }

  @Access('admin')
  @Mutation(() => DeleteWebhookEndpointPayload, { description: 'Deletes an endpoint and its delivery log. Admins only.' })
  deleteWebhookEndpoint(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
  ): Promise<DeleteWebhookEndpointPayload> {
    return asPayload(async () => ({ deletedId: String(await deleteEndpoint(ctx.db, id)) }), { deletedId: null });
  }

  @Access('admin')
  @Mutation(() => WebhookDeliveryPayload, {
    description: 'Delivers an event again (same event id), now, with a fresh 24-hour retry window. Admins only.',
  })
  redeliverWebhook(
    @Ctx() ctx: GraphQLContext,
    @Arg('deliveryId', () => ID, { description: 'The delivery.' }) deliveryId: string,
  ): Promise<WebhookDeliveryPayload> {
    return asPayload(async () => ({ delivery: toWebhookDelivery(await redeliver(ctx.db, deliveryId)) }), { delivery: null });
  }
}
