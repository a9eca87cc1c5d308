// Shared execution of subscriptions: subscribers who would get the same answer get
// one execution of each activity, and subscribers whose selection shows fields whose
// access depends on who asks (a user's email) never share one with another person.
import 'reflect-metadata';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldsWithOwnAccess } from '../../src/auth/access.decorator.js';
import { sessionActor, type Actor } from '../../src/auth/actor.js';
import type { GraphQLContext } from '../../src/graphql/context.js';
import { buildGraphQLSchema } from '../../src/graphql/schema.js';
import { TicketActivityKind } from '../../src/live/ticket-activity.enums.js';
import { createSharedExecution, type SharedExecution } from '../../src/live/shared-execution.js';
import type { TicketActivity } from '../../src/live/ticket-activity.type.js';

type Schema = Awaited<ReturnType<typeof buildGraphQLSchema>>;

/** One subscriber's source: a queue the test pushes the (shared) activity objects into. */
function source() {
  const queue: TicketActivity[] = [];
  let waiting: ((r: IteratorResult<TicketActivity>) => void) | null = null;
  const iterator: AsyncIterableIterator<TicketActivity> = {
    next: () => {
      const value = queue.shift();
      if (value) return Promise.resolve({ value, done: false });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: () => Promise.resolve({ value: undefined, done: true }),
    [Symbol.asyncIterator]: () => iterator,
  };
  return {
    iterator,
    push(activity: TicketActivity) {
      if (waiting) waiting({ value: activity, done: false });
      else queue.push(activity);
      waiting = null;
    },
  };
}

const activity = (): TicketActivity => ({
  kind: TicketActivityKind.CREATED,
  ticket: {
    id: 1,
    title: 'T',
    description: 'D',
    category: 'general',
    priority: 'medium',
    status: 'open',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    resolvedAt: null,
    suggestion: null,
    version: 1,
    createdByUserId: null,
    createdByTokenId: null,
    updatedByUserId: null,
    updatedByTokenId: null,
    assigneeUserId: null,
  } as TicketActivity['ticket'],
  changedFields: [],
  events: [],
  note: null,
});

describe('shared execution of subscriptions', () => {
  let schema: Schema;
  let shared: SharedExecution;
  beforeAll(async () => {
    schema = await buildGraphQLSchema();
    shared = createSharedExecution(schema, fieldsWithOwnAccess());
  });

  async function subscriber(query: string, actor: Actor) {
    const events = source();
    const contextValue = { actor, live: { subscribe: () => events.iterator } } as unknown as GraphQLContext;
    const document = parse(query);
    shared.keyed(contextValue, { query, actor, document });
    const results = await shared.subscribe({ schema, document, contextValue });
    if (!(Symbol.asyncIterator in results)) throw new Error(JSON.stringify(results));
    return { push: events.push, next: () => results.next() };
  }

  it('knows which fields show differently to different callers', () => {
    expect(fieldsWithOwnAccess()).toContain('User.email');
    expect(fieldsWithOwnAccess()).toContain('ApiToken.scopes');
    expect(fieldsWithOwnAccess()).not.toContain('User.displayName');
  });

  it('executes an activity once for two people with the same selection', async () => {
    const query = 'subscription { ticketActivity { kind ticket { id title assignee { displayName } } } }';
    const a = await subscriber(query, sessionActor(1, 'agent', 'a'));
    const b = await subscriber(query, sessionActor(2, 'agent', 'b'));
    const told = activity();
    a.push(told);
    b.push(told);
    const [ra, rb] = await Promise.all([a.next(), b.next()]);
    expect(ra.value).toEqual({ data: { ticketActivity: { kind: 'CREATED', ticket: { id: '1', title: 'T', assignee: null } } } });
    expect(rb.value).toBe(ra.value);
  });

  it('executes apart for another role, and for another person when the selection has a field of its own access', async () => {
    const plain = 'subscription { ticketActivity { kind } }';
    const admin = await subscriber(plain, sessionActor(1, 'admin', 'a'));
    const agent = await subscriber(plain, sessionActor(2, 'agent', 'b'));
    const personal = 'subscription { ticketActivity { ticket { createdBy { ... on User { email } } } } }';
    const one = await subscriber(personal, sessionActor(3, 'agent', 'c'));
    const other = await subscriber(personal, sessionActor(4, 'agent', 'd'));
    const told = activity();
    for (const s of [admin, agent, one, other]) s.push(told);
    const [ra, rb, r1, r2] = await Promise.all([admin.next(), agent.next(), one.next(), other.next()]);
    expect(rb.value).not.toBe(ra.value);
    expect(r2.value).not.toBe(r1.value);
  });
});
