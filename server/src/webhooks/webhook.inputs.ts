// GraphQL inputs of webhook endpoints.
import { Field, InputType } from 'type-graphql';
import { WebhookEventType } from './webhook.enums.js';

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, {
    description: 'An http(s) URL on a public address (loopback, private and link-local ones are refused), without credentials.',
  })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'The events it receives: at least one.' })
  events!: WebhookEventType[];
}

@InputType({ description: 'Changes to an endpoint; omitted fields stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true, description: 'A new URL (checked as on creation).' })
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The events it receives: at least one.' })
  events?: WebhookEventType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False turns it off; true turns it back on (also after failures turned it off): its waiting deliveries resume.',
  })
  active?: boolean | null;
}
