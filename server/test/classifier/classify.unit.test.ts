// Unit tests of the classify use case shared by GraphQL and REST (classification.service.ts):
// the description is validated with the ticket rules before it may spend the client's budget
// or reach the database, and a refusal says when to come back. The classifier and the limiter
// are stubs; the database is one that fails the test if it is touched (recording an issued
// suggestion is covered by the integration tests, classify.graphql and stats-classify).
import { describe, expect, it } from 'vitest';
import { ClassifierError } from '../../src/classifier/classifier.errors.js';
import { classifyTicketDescription } from '../../src/classifier/classification.service.js';
import type { RateLimitDecision } from '../../src/common/rate-limiter.js';
import { ClassificationSource, TICKET_DESCRIPTION_MAX, TicketCategory, TicketPriority } from '../../src/tickets/ticket.enums.js';
import type { Db } from '../../src/db/client.js';
import { TicketError } from '../../src/tickets/ticket.errors.js';

const UNTOUCHABLE_DB = new Proxy({} as Db, {
  get(_target, property) {
    throw new Error(`the database was used (${String(property)}) before the request was accepted`);
  },
});

const ANSWER = { category: TicketCategory.BILLING, priority: TicketPriority.HIGH, source: ClassificationSource.LOCAL, reason: null };

function stubs(decision: RateLimitDecision = { allowed: true, retryAfterSeconds: 0 }) {
  const calls = { take: [] as string[], classify: [] as string[] };
  const deps = {
    limiter: {
      take: async (key: string) => {
        calls.take.push(key);
        return decision;
      },
    },
    classify: async (description: string) => {
      calls.classify.push(description);
      return ANSWER;
    },
  };
  return { deps, calls };
}

describe('classifyTicketDescription', () => {
  it.each<[string, unknown, string]>([
    ['missing', undefined, 'REQUIRED'],
    ['null', null, 'NULL'],
    ['blank', ' \u200b ', 'BLANK'],
    ['too long', 'x'.repeat(TICKET_DESCRIPTION_MAX + 1), 'TOO_LONG'],
    ['not text', { text: 'x' }, 'INVALID_TYPE'],
  ])('refuses a description that is %s without spending the budget', async (_case, raw, code) => {
    const { deps, calls } = stubs();
    const error = await classifyTicketDescription(deps, UNTOUCHABLE_DB, 'client-a', raw).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketError);
    expect((error as TicketError).issues.map((i) => [i.field, i.code])).toEqual([['description', code]]);
    expect(calls).toEqual({ take: [], classify: [] });
  });

  it('refuses a client out of budget before calling the classifier', async () => {
    const { deps, calls } = stubs({ allowed: false, retryAfterSeconds: 12 });
    const error = await classifyTicketDescription(deps, UNTOUCHABLE_DB, 'client-a', 'Charged twice.').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassifierError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 12 });
    expect(calls.classify).toEqual([]);
  });
});

describe('ClassifierError', () => {
  it.each<[number, string]>([
    [1, 'Request was throttled. Expected available in 1 second.'],
    [2, 'Request was throttled. Expected available in 2 seconds.'],
  ])('words a wait of %i as DRF’s throttle does', (seconds, message) => {
    expect(new ClassifierError('RATE_LIMITED', seconds).message).toBe(message);
  });
});
