// Unit tables for the REST shim's translation between Django's representation and the
// service: tickets and statistics out, bodies and query parameters in, and issues as DRF
// field-error bodies. The rules themselves are the service's; this is only the mapping.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { toDrfFieldErrors, NON_FIELD_ERRORS } from '../../src/rest/rest.errors.js';
import {
  bodyFields,
  queryValue,
  toCreateTicketRequest,
  toRestStats,
  toRestTicket,
  toTicketFilterRequest,
  toUpdateTicketRequest,
  withFormEmptyValues,
} from '../../src/rest/ticket.serializer.js';
import { TICKET_CATEGORIES, TicketCategory, TicketPriority, TicketStatus } from '../../src/tickets/ticket.enums.js';
import { TicketError, type TicketIssue } from '../../src/tickets/ticket.errors.js';
import type { TicketRow, TicketStatsRow } from '../../src/tickets/ticket.service.js';

describe('toRestTicket', () => {
  const row: TicketRow = {
    id: 7,
    title: 'Refund',
    description: 'Charged twice.',
    category: TicketCategory.BILLING,
    priority: TicketPriority.HIGH,
    status: TicketStatus.RESOLVED,
    createdAt: new Date('2024-05-01T10:00:00.000Z'),
    updatedAt: new Date('2024-05-02T11:00:00.000Z'),
    resolvedAt: new Date('2024-05-02T11:00:00.000Z'),
    suggestedCategory: TicketCategory.BILLING,
    suggestedPriority: TicketPriority.MEDIUM,
    classificationSource: null,
    createdByUserId: null,
    createdByTokenId: null,
    updatedByUserId: null,
    updatedByTokenId: null,
    version: 1,
  } as TicketRow;

  it('writes snake_case keys in the Django serializer’s order, times as UTC ISO 8601', () => {
    const rest = toRestTicket(row);
    expect(Object.keys(rest)).toEqual([
      'id',
      'title',
      'description',
      'category',
      'priority',
      'status',
      'created_at',
      'updated_at',
      'resolved_at',
      'suggested_category',
      'suggested_priority',
      'classification_source',
      'created_by',
      'updated_by',
      'version',
      'assignee',
    ]);
    expect(rest).toMatchObject({
      created_at: '2024-05-01T10:00:00.000Z',
      resolved_at: '2024-05-02T11:00:00.000Z',
      classification_source: null,
    });
  });

  it('writes an unresolved ticket’s resolved_at as null', () => {
    expect(toRestTicket({ ...row, resolvedAt: null }).resolved_at).toBeNull();
  });
});

describe('toRestStats', () => {
  const zero = { suggested: 0, accepted: 0 };
  const stats = {
    totalTickets: 10,
    openTickets: 4,
    avgTicketsPerDay: 2.5,
    byPriority: { low: 1, medium: 2, high: 3, critical: 4 },
    byCategory: { billing: 4, technical: 3, account: 2, general: 1 },
    byStatus: { open: 3, in_progress: 1, resolved: 5, closed: 1 },
    suggestions: {
      suggested: 8,
      accepted: 6,
      byCategory: { billing: { suggested: 4, accepted: 1 }, technical: zero, account: zero, general: { suggested: 4, accepted: 3 } },
    },
  } as unknown as TicketStatsRow;

  it.each<[string, number, number, object]>([
    ['nothing suggested: no rate', 0, 0, { suggested: 0, accepted: 0, overridden: 0, acceptance_rate: null }],
    ['some kept, some overridden', 4, 1, { suggested: 4, accepted: 1, overridden: 3, acceptance_rate: 0.25 }],
    ['all kept', 8, 8, { suggested: 8, accepted: 8, overridden: 0, acceptance_rate: 1 }],
  ])('acceptance: %s', (_case, suggested, accepted, figures) => {
    const rest = toRestStats({ ...stats, suggestions: { ...stats.suggestions, suggested, accepted } });
    expect(rest.suggestion_acceptance).toMatchObject(figures);
  });

  it('lists every category’s acceptance and every breakdown key, in the vocabulary’s order', () => {
    const rest = toRestStats(stats);
    expect(Object.keys(rest.suggestion_acceptance.by_category)).toEqual(TICKET_CATEGORIES);
    expect(rest.suggestion_acceptance.by_category.technical).toEqual({ suggested: 0, accepted: 0, overridden: 0, acceptance_rate: null });
    expect(Object.keys(rest.priority_breakdown)).toEqual(['low', 'medium', 'high', 'critical']);
    expect(Object.keys(rest.status_breakdown)).toEqual(['open', 'in_progress', 'resolved', 'closed']);
  });
});

/** Only the two parts of a request that bodyFields reads. */
const request = (contentType: string | undefined, body: unknown) =>
  ({ headers: contentType === undefined ? {} : { 'content-type': contentType }, body }) as FastifyRequest;

describe('bodyFields', () => {
  it.each<[string, string | undefined, unknown, Record<string, unknown>]>([
    ['no Content-Type is no body: an empty mapping', undefined, undefined, {}],
    ['a JSON object', 'application/json', { title: 'x' }, { title: 'x' }],
    ['an empty JSON object', 'application/json', {}, {}],
  ])('%s', (_case, contentType, body, fields) => {
    expect(bodyFields(request(contentType, body))).toEqual(fields);
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'No data provided'],
    ['a list', [1], 'Invalid data. Expected a dictionary, but got list.'],
    ['a string', 'x', 'Invalid data. Expected a dictionary, but got str.'],
    ['an integer', 3, 'Invalid data. Expected a dictionary, but got int.'],
    ['a float', 1.5, 'Invalid data. Expected a dictionary, but got float.'],
    ['a boolean', true, 'Invalid data. Expected a dictionary, but got bool.'],
  ])('refuses %s as DRF does, with Python’s type name', (_case, body, message) => {
    let thrown: unknown;
    try {
      bodyFields(request('application/json', body));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TicketError);
    expect((thrown as TicketError).issues).toEqual([{ field: null, code: 'INVALID_TYPE', message }]);
  });
});

describe('withFormEmptyValues', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['an empty choice with a default is not given', { category: '', priority: '', status: '' }, {}],
    [
      'an empty nullable field is null',
      { suggested_category: '', suggested_priority: '', classification_source: '' },
      {
        suggested_category: null,
        suggested_priority: null,
        classification_source: null,
      },
    ],
    ['empty text stays empty (and is refused as blank later)', { title: '', description: '' }, { title: '', description: '' }],
    ['values are kept', { category: 'billing', suggested_category: 'billing' }, { category: 'billing', suggested_category: 'billing' }],
  ])('%s', (_case, fields, read) => {
    expect(withFormEmptyValues(fields)).toEqual(read);
  });
});

describe('toCreateTicketRequest and toUpdateTicketRequest', () => {
  const body = {
    id: 99,
    created_at: '2020-01-01T00:00:00Z',
    title: 't',
    description: 'd',
    category: 'billing',
    priority: 'low',
    status: 'open',
    suggested_category: 'account',
    suggested_priority: 'high',
    classification_source: 'local',
  };

  it('maps Django’s names and ignores read-only keys', () => {
    expect(toCreateTicketRequest(body)).toEqual({
      title: 't',
      description: 'd',
      category: 'billing',
      priority: 'low',
      status: 'open',
      suggestion: { category: 'account', priority: 'high', source: 'local' },
    });
  });

  it('takes no suggestion in an update', () => {
    expect(toUpdateTicketRequest(body)).toEqual({ title: 't', description: 'd', category: 'billing', priority: 'low', status: 'open' });
  });
});

describe('queryValue and toTicketFilterRequest', () => {
  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['absent', {}, undefined],
    ['one value', { status: 'open' }, 'open'],
    ['repeated: the last one counts, as QueryDict.get', { status: ['open', 'closed'] }, 'closed'],
    ['empty: no filter, as django-filter', { status: '' }, undefined],
    ['repeated, last one empty', { status: ['open', ''] }, undefined],
  ])('%s', (_case, query, value) => {
    expect(queryValue(query, 'status')).toBe(value);
  });

  it('reads one value per filter, under Django’s names', () => {
    expect(
      toTicketFilterRequest({ category: 'billing', priority: '', status: ['open', 'resolved'], search: 'x', confidence: 'high' }),
    ).toEqual({
      categories: ['billing'],
      priorities: null,
      statuses: ['resolved'],
      assignee: null,
      suggestedCategories: null,
      suggestedPriorities: null,
      suggestionOutcomes: null,
      filedCategories: null,
      filedPriorities: null,
      suggestionConfidenceBands: ['high'],
    });
  });

  it.each([
    ['me', { me: true }],
    ['none', { none: true }],
    ['12', { userIds: ['12'] }],
    ['someone', { userIds: ['someone'] }],
  ])('reads assignee=%s as the AssigneeFilter it means', (value, assignee) => {
    expect(toTicketFilterRequest({ assignee: value }).assignee).toEqual(assignee);
  });
});

describe('toDrfFieldErrors', () => {
  const issue = (field: string | null, message: string): TicketIssue => ({ field, code: 'INVALID', message });

  it.each<[string, TicketIssue[], object]>([
    ['no issues', [], {}],
    ['one field', [issue('title', 'a')], { title: ['a'] }],
    ['two messages for one field, in order', [issue('title', 'a'), issue('title', 'b')], { title: ['a', 'b'] }],
    [
      'GraphQL names become Django’s',
      [issue('suggestedCategory', 'a'), issue('classificationSource', 'b')],
      {
        suggested_category: ['a'],
        classification_source: ['b'],
      },
    ],
    [
      'list filters become the one-value REST parameter',
      [issue('categories', 'a'), issue('priorities', 'b'), issue('statuses', 'c')],
      {
        category: ['a'],
        priority: ['b'],
        status: ['c'],
      },
    ],
    ['a request-wide issue', [issue(null, 'a')], { [NON_FIELD_ERRORS]: ['a'] }],
    [
      'an item of a list, nested under its index as DRF nests them',
      [issue('ids.3', 'a'), issue('ids.10', 'b'), issue('expectedVersions.0.version', 'c')],
      { ids: { '3': ['a'], '10': ['b'] }, versions: { '0': { version: ['c'] } } },
    ],
  ])('%s', (_case, issues, body) => {
    expect(toDrfFieldErrors(issues)).toEqual(body);
  });
});
