// The cache-update rules of live activity, case by case: whose change it is, what the
// list does with it, whether a new ticket may belong to a filtered list, and how new
// events and notes join a cached page.
import { describe, expect, it } from 'vitest';
import type { TicketFilter } from '../../gql/graphql.js';
import {
  appendToConnection,
  isOwnActivity,
  listEffect,
  mayBelong,
  type CachedConnection,
  type FilterableTicket,
} from './ticket-activity.js';

const user = (id: string) => ({ actor: { __typename: 'User', id } });
const token = (id: string) => ({ actor: { __typename: 'ApiToken', id } });

describe('isOwnActivity', () => {
  it.each([
    ['every event by me', [user('7'), user('7')], '7', true],
    ['one event by a colleague', [user('7'), user('8')], '7', false],
    ['by a colleague', [user('8')], '7', false],
    ['through an API token with my user id as its id', [token('7')], '7', false],
    ['by the system (no actor)', [{ actor: null }], '7', false],
    ['no events', [], '7', false],
    ['nobody signed in', [user('7')], null, false],
  ])('%s', (_case, events, me, own) => {
    expect(isOwnActivity(events, me)).toBe(own);
  });
});

describe('listEffect', () => {
  it.each([
    ['a colleague changes a row on screen', { kind: 'CHANGED', own: false, listed: true, mayBelong: true }, 'highlight'],
    ['I change a row on screen', { kind: 'CHANGED', own: true, listed: true, mayBelong: true }, 'none'],
    ['a colleague changes a ticket not on screen', { kind: 'CHANGED', own: false, listed: false, mayBelong: true }, 'none'],
    ['a note is added to a row on screen', { kind: 'NOTE_ADDED', own: false, listed: true, mayBelong: true }, 'none'],
    ['a ticket is created that may belong', { kind: 'CREATED', own: false, listed: false, mayBelong: true }, 'new'],
    ['I create a ticket elsewhere that may belong', { kind: 'CREATED', own: true, listed: false, mayBelong: true }, 'new'],
    ['a ticket is created that the filter leaves out', { kind: 'CREATED', own: false, listed: false, mayBelong: false }, 'none'],
    ['a created ticket already listed (my own, shown at once)', { kind: 'CREATED', own: true, listed: true, mayBelong: true }, 'none'],
  ] as const)('%s: %s', (_case, activity, effect) => {
    expect(listEffect(activity)).toBe(effect);
  });
});

describe('mayBelong', () => {
  const ticket: FilterableTicket = {
    category: 'BILLING',
    priority: 'HIGH',
    status: 'OPEN',
    createdAt: '2026-01-05T10:00:00.000Z',
    assignee: null,
  };
  const mine: FilterableTicket = { ...ticket, assignee: { id: '7' } };

  it.each<[string, FilterableTicket, TicketFilter | null, boolean]>([
    ['no filter', ticket, null, true],
    ['empty filter', ticket, {}, true],
    ['its status', ticket, { statuses: ['OPEN', 'IN_PROGRESS'] }, true],
    ['another status', ticket, { statuses: ['RESOLVED'] }, false],
    ['an empty list of statuses', ticket, { statuses: [] }, true],
    ['its category and another priority', ticket, { categories: ['BILLING'], priorities: ['LOW'] }, false],
    ['its priority', ticket, { priorities: ['HIGH'] }, true],
    ['unassigned, asked for unassigned', ticket, { assignee: { none: true } }, true],
    ['unassigned, asked for mine', ticket, { assignee: { me: true } }, false],
    ['mine, asked for mine', mine, { assignee: { me: true } }, true],
    ['mine, asked for unassigned', mine, { assignee: { none: true } }, false],
    ['mine, asked for mine or unassigned', mine, { assignee: { me: true, none: true } }, true],
    ['assigned to user 7, asked for users 3 and 7', mine, { assignee: { userIds: ['3', '7'] } }, true],
    ['assigned to user 7, asked for user 3', mine, { assignee: { userIds: ['3'] } }, false],
    ['an assignee filter choosing nothing', ticket, { assignee: { me: false, none: false } }, true],
    ['created at the instant it starts', ticket, { createdAfter: '2026-01-05T10:00:00.000Z' }, true],
    ['created before it starts', ticket, { createdAfter: '2026-01-06T00:00:00.000Z' }, false],
    ['created at the instant it ends (exclusive)', ticket, { createdBefore: '2026-01-05T10:00:00.000Z' }, false],
    ['how the suggestion fared: the server knows', ticket, { suggestionOutcomes: ['ACCEPTED'] }, true],
    ['the suggested category: the server knows', ticket, { suggestedCategories: ['ACCOUNT'] }, true],
  ])('%s', (_case, candidate, filter, expected) => {
    expect(mayBelong(candidate, filter, '7')).toBe(expected);
  });

  it('finds nothing of mine when nobody is signed in', () => {
    expect(mayBelong(mine, { assignee: { me: true } }, null)).toBe(false);
  });
});

describe('appendToConnection', () => {
  const ref = (id: string) => ({ __ref: `TicketEvent:${id}` });
  const page = (ids: string[], hasNextPage = false): CachedConnection => ({
    edges: ids.map((id) => ({ __typename: 'TicketEventEdge', cursor: `c${id}`, node: ref(id) })),
    pageInfo: { hasNextPage },
  });
  const ids = (connection: CachedConnection) => connection.edges.map((edge) => edge.node.__ref.split(':')[1]);

  it.each([
    ['appends new nodes in order', page(['1', '2']), ['3', '4'], ['1', '2', '3', '4']],
    ['leaves out nodes already there', page(['1', '2']), ['2', '3'], ['1', '2', '3']],
    ['leaves out repeats among the new', page(['1']), ['2', '2'], ['1', '2']],
    ['starts an empty list', page([]), ['1'], ['1']],
    ['leaves a list whose later pages are not read yet', page(['1', '2'], true), ['9'], ['1', '2']],
  ])('%s', (_case, connection, added, expected) => {
    expect(ids(appendToConnection(connection, added.map(ref), 'TicketEventEdge'))).toEqual(expected);
  });

  it('answers the same object when nothing is added, so the cache sees no change', () => {
    const connection = page(['1']);
    expect(appendToConnection(connection, [ref('1')], 'TicketEventEdge')).toBe(connection);
    expect(appendToConnection(connection, [], 'TicketEventEdge')).toBe(connection);
  });

  it('gives new edges local cursors, keeping the server’s page info', () => {
    const connection = { ...page(['1']), pageInfo: { hasNextPage: false, endCursor: 'c1' } };
    const appended = appendToConnection(connection, [ref('2')], 'TicketEventEdge');
    expect(appended.edges[1]).toEqual({ __typename: 'TicketEventEdge', cursor: 'live:TicketEvent:2', node: ref('2') });
    expect(appended.pageInfo).toEqual({ hasNextPage: false, endCursor: 'c1' });
  });
});
