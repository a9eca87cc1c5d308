// GraphQL types of webhooks: endpoints (never their secret), deliveries and attempts.
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/user-error.type.js';
import { WebhookAttemptError, WebhookDeliveryStatus, WebhookEventType } from './webhook.enums.js';
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow } from './webhook.service.js';

@ObjectType({ description: 'Where events are sent. Its secret was shown once, when it was created.' })
export class WebhookEndpoint {
  @Field(() => ID, { description: 'Its id.' })
  id!: string;

  @Field(() => String, { description: 'The http(s) URL events are POSTed to.' })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'The events it receives.' })
  events!: WebhookEventType[];

  @Field(() => Boolean, { description: 'False: nothing is delivered (deliveries wait until it is turned back on).' })
  active!: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it was turned off for failing continuously for WEBHOOK_DISABLE_AFTER_HOURS; null otherwise.',
  })
  disabledAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Its first failed attempt since its last success; null while it answers.',
  })
  failingSince!: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;
}

export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: String(row.id),
    url: row.url,
    events: row.events,
    active: row.active,
    disabledAt: row.disabledAt,
    failingSince: row.failingSince,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

@ObjectType({ description: 'One attempt of a delivery.' })
export class WebhookAttempt {
  @Field(() => ID, { description: 'Its id.' })
  id!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the request was started.' })
  startedAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When its outcome was recorded.' })
  finishedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'The HTTP status answered; null when there was no answer (see `error`).' })
  statusCode!: number | null;

  @Field(() => WebhookAttemptError, { nullable: true, description: 'Why there was no answer; null when there was one.' })
  error!: WebhookAttemptError | null;
}

@ObjectType({ description: 'One event for one endpoint: attempted until the endpoint answers 2xx, for up to 24 hours.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Its id (for redeliverWebhook).' })
  id!: string;

  @Field(() => ID, { description: 'The event id: the payload’s `id` and the `X-Webhook-Id` header, the same on every attempt.' })
  eventId!: string;

  @Field(() => WebhookEventType, { description: 'The event’s type.' })
  eventType!: WebhookEventType;

  @Field(() => ID, { description: 'The ticket the event is about.' })
  ticketId!: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attemptCount!: number;

  @Field(() => GraphQLISODateTime, { description: 'When it is (or was last) due.' })
  nextAttemptAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When its last attempt started; null before the first.' })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of its last attempt; null without one.' })
  lastStatusCode!: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the endpoint answered 2xx; null until then.' })
  deliveredAt!: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When the event happened and the delivery was created.' })
  createdAt!: Date;

  @Field(() => [WebhookAttempt], { description: 'Its latest attempts, newest first (at most 10).' })
  attempts!: WebhookAttempt[];
}

export function toWebhookDelivery(row: WebhookDeliveryRow & { latestAttempts: WebhookAttemptRow[] }): WebhookDelivery {
  return {
    id: String(row.id),
    eventId: String(row.eventId),
    eventType: row.eventType,
    ticketId: String(row.ticketId),
    status: row.status,
    attemptCount: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastAttemptAt: row.lastAttemptAt,
    lastStatusCode: row.lastStatusCode,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
    attempts: row.latestAttempts.map((a) => ({
      id: String(a.id),
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      statusCode: a.statusCode,
      error: a.error,
    })),
  };
}

@ObjectType({ description: 'A page of an endpoint’s deliveries, newest first.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDelivery], { description: 'The deliveries of this page.' })
  nodes!: WebhookDelivery[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null when the page is empty.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'Whether older deliveries follow.' })
  hasNextPage!: boolean;
}

@ObjectType({ description: 'A new endpoint and its signing secret.' })
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint; null when refused.' })
  endpoint!: WebhookEndpoint | null;

  @Field(() => String, {
    nullable: true,
    description: 'The secret that signs its deliveries (HMAC-SHA256): shown this once, never again.',
  })
  secret!: string | null;

  @Field(() => [UserError], { description: 'Why it was refused, each naming its field.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'An endpoint after a change, or why it was refused.' })
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint; null when refused.' })
  endpoint!: WebhookEndpoint | null;

  @Field(() => [UserError], { description: 'Why it was refused, each naming its field.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting an endpoint.' })
export class DeleteWebhookEndpointPayload {
  @Field(() => ID, { nullable: true, description: 'The deleted endpoint’s id; null when refused.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why it was refused.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'A delivery made due again, or why not.' })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The delivery; null when refused.' })
  delivery!: WebhookDelivery | null;

  @Field(() => [UserError], { description: 'Why it was refused.' })
  userErrors!: UserError[];
}
