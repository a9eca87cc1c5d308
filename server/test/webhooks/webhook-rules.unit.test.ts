// Unit tests of the webhooks' pure rules: which addresses may be called, the backoff
// between attempts, and the body built from an outbox row (kinds from newer code too).
import { describe, expect, it } from 'vitest';
import { WebhookEventType } from '../../src/webhooks/webhook.enums.js';
import { webhookBody } from '../../src/webhooks/webhook-payload.js';
import { isPublicAddress } from '../../src/webhooks/webhook-url.js';
import { backoffMs } from '../../src/webhooks/webhook.worker.js';

describe('isPublicAddress', () => {
  it.each([
    ['93.184.215.14', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['10.0.0.1', false],
    ['172.31.255.255', false],
    ['192.168.0.10', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::a00:1', false],
    ['not an address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('backoffMs', () => {
  const settings = { backoffBaseMs: 1_000, backoffMaxMs: 60_000 };
  it.each([
    [1, 0, 500],
    [1, 0.999_999, 1_000],
    [2, 0, 1_000],
    [4, 1 - 1e-9, 8_000],
    [7, 0, 30_000],
    [40, 0.5, 45_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffMs(attempt, settings, () => random)).toBe(expected);
  });
});

describe('webhookBody', () => {
  const ticket = {
    id: 7,
    title: 'T',
    description: 'D',
    category: 'general',
    priority: 'high',
    status: 'open',
    created_at: '2026-01-01T00:00:00.123+00:00',
    updated_at: '2026-01-01T00:00:01+00:00',
    resolved_at: null,
    version: 3,
    created_by_token_id: 9,
  };
  const base = { firstEventId: 41, occurredAt: new Date('2026-01-01T00:00:01Z'), ticket };

  it('gives the ticket’s public fields only, with ISO times', () => {
    const body = webhookBody({ ...base, type: WebhookEventType.TICKET_CREATED, events: [{ kind: 'created' }] });
    expect(body).toEqual({
      id: '41',
      type: 'ticket.created',
      occurred_at: '2026-01-01T00:00:01.000Z',
      ticket: {
        id: 7,
        title: 'T',
        description: 'D',
        category: 'general',
        priority: 'high',
        status: 'open',
        created_at: '2026-01-01T00:00:00.123Z',
        updated_at: '2026-01-01T00:00:01.000Z',
        resolved_at: null,
        version: 3,
      },
    });
  });

  it('lists the changes of field, assignment and unknown kinds in event order', () => {
    const body = webhookBody({
      ...base,
      type: WebhookEventType.TICKET_CHANGED,
      events: [
        { kind: 'field_changed', field: 'status', from_value: 'open', to_value: 'closed' },
        { kind: 'assigned', assignee_user_id: 3, previous_assignee_user_id: 2 },
        { kind: 'unassigned', assignee_user_id: 3 },
        { kind: 'escalated', field: null, from_value: null, to_value: null },
      ],
    });
    expect(body.changes).toEqual([
      { field: 'status', from: 'open', to: 'closed' },
      { field: 'assignee', from: 2, to: 3 },
      { field: 'assignee', from: 3, to: null },
      { field: 'escalated', from: null, to: null },
    ]);
  });

  it('names the note of note.added', () => {
    const body = webhookBody({ ...base, type: WebhookEventType.NOTE_ADDED, events: [{ kind: 'note_added', note_id: 12 }] });
    expect(body.note).toEqual({ id: 12 });
    expect(body.changes).toBeUndefined();
  });
});
