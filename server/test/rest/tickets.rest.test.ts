// The REST shim's ticket endpoints (create, read, partial update) over HTTP, on every
// test database: DRF's status codes and bodies, message for message.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { executeRows } from '../../src/db/statements.js';
import { findTicketById } from '../../src/tickets/ticket.repository.js';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';
import { ISO_UTC_MS, TICKET_KEYS } from './rest.helpers.js';

const REQUIRED = 'This field is required.';
const BLANK = 'This field may not be blank.';

describeOnDatabases('tickets over REST', (ctx) => {
  const post = (payload: unknown) => ctx.http({ method: 'POST', url: '/api/tickets/', payload: payload as object });
  const patch = (id: number | string, payload: unknown) =>
    ctx.http({ method: 'PATCH', url: `/api/tickets/${id}/`, payload: payload as object });
  const countRows = async () => {
    const [row] = await executeRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from tickets`);
    return Number(row!.n);
  };

  it('creates a ticket: 201, the contract keys in order, defaults, trimmed text, UTC milliseconds', async () => {
    const res = await post({ title: '  Cannot log in ', description: ' It says my password is wrong. ' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    // The ticket's keys, then whether a suggestion referred to was ignored.
    expect(Object.keys(body)).toEqual([...TICKET_KEYS, 'suggestion_ignored']);
    expect(body.suggestion_ignored).toBe(false);
    expect(body).toMatchObject({
      title: 'Cannot log in',
      description: 'It says my password is wrong.',
      category: 'general',
      priority: 'medium',
      status: 'open',
      resolved_at: null,
      suggested_category: null,
      suggested_priority: null,
      classification_source: null,
    });
    expect(body.created_at).toMatch(ISO_UTC_MS);
    const stored = await findTicketById(ctx.db, body.id);
    expect(stored?.createdAt.toISOString()).toBe(body.created_at);
    expect(stored?.title).toBe('Cannot log in');
  });

  it('ignores id, created_at and unknown keys in the body, as DRF ignores read-only fields', async () => {
    const res = await post({
      id: 999,
      created_at: '2001-01-01T00:00:00Z',
      resolved_at: '2001-01-01T00:00:00Z',
      colour: 'red',
      title: 't',
      description: 'd',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.id).not.toBe(999);
    expect(body.created_at.startsWith('2001')).toBe(false);
    expect(body.resolved_at).toBeNull();
    expect(body).not.toHaveProperty('colour');
  });

  it('takes category, priority and status, and stamps resolved_at for a resolved ticket', async () => {
    const res = await post({ title: 't', description: 'd', category: 'billing', priority: 'critical', status: 'resolved' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ category: 'billing', priority: 'critical', status: 'resolved' });
    expect(res.json().resolved_at).toMatch(ISO_UTC_MS);
  });

  it('stores the suggestion classify issued for the description and returns it', async () => {
    const description = 'I was charged twice.';
    const answer = (await ctx.http({ method: 'POST', url: '/api/tickets/classify/', payload: { description } })).json();
    const res = await post({
      title: 'Double charge',
      description,
      category: 'billing',
      priority: 'low',
      // As a client of the original API sends it: the values classify answered, no id.
      suggested_category: answer.suggested_category,
      suggested_priority: answer.suggested_priority,
      classification_source: answer.source,
    });
    expect(res.statusCode).toBe(201);
    const expected = [answer.suggested_category, answer.suggested_priority, answer.source];
    expect(res.json()).toMatchObject({
      suggested_category: expected[0],
      suggested_priority: expected[1],
      classification_source: expected[2],
      suggestion_ignored: false,
    });
    const stored = await findTicketById(ctx.db, res.json().id);
    expect([stored?.suggestedCategory, stored?.suggestedPriority, stored?.classificationSource]).toEqual(expected);
  });

  it('accepts a number as text, as DRF CharField does', async () => {
    const res = await post({ title: 404, description: 12.5 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: '404', description: '12.5' });
  });

  it.each([
    ['nothing', {}, { title: [REQUIRED], description: [REQUIRED] }],
    ['blank text', { title: '', description: ' \n ' }, { title: [BLANK], description: [BLANK] }],
    ['null text', { title: null, description: 'x' }, { title: ['This field may not be null.'] }],
    ['non-string text', { title: true, description: ['x'] }, { title: ['Not a valid string.'], description: ['Not a valid string.'] }],
    [
      'text over the limits',
      { title: 't'.repeat(201), description: 'd'.repeat(20_001) },
      {
        title: ['Ensure this field has no more than 200 characters.'],
        description: ['Ensure this field has no more than 20000 characters.'],
      },
    ],
    ['a NUL character', { title: 'a\u0000b', description: 'x' }, { title: ['Null characters are not allowed.'] }],
    [
      'values outside the vocabularies',
      { title: 't', description: 'd', category: 'urgent', priority: 'HIGH', status: null },
      {
        category: ['"urgent" is not a valid choice.'],
        priority: ['"HIGH" is not a valid choice.'],
        status: ['This field may not be null.'],
      },
    ],
    [
      'part of a suggestion',
      { title: 't', description: 'd', suggested_category: 'billing' },
      { suggested_priority: [REQUIRED], classification_source: [REQUIRED] },
    ],
    [
      'a suggestion outside the vocabularies',
      { title: 't', description: 'd', suggested_category: 'x', suggested_priority: 'high', classification_source: 'oracle' },
      { suggested_category: ['"x" is not a valid choice.'], classification_source: ['"oracle" is not a valid choice.'] },
    ],
    [
      'non-string choices, quoted as Python prints them',
      { title: 't', description: 'd', category: ['billing'], priority: true, status: { s: "it's" } },
      {
        category: ['"[\'billing\']" is not a valid choice.'],
        priority: ['"True" is not a valid choice.'],
        status: ['"{\'s\': "it\'s"}" is not a valid choice.'],
      },
    ],
    [
      'a null in a suggestion',
      { title: 't', description: 'd', suggested_category: 'billing', suggested_priority: null, classification_source: 'local' },
      { suggested_priority: ['This field may not be null.'] },
    ],
    [
      'every failing field at once',
      { title: '', category: 'x' },
      { title: [BLANK], description: [REQUIRED], category: ['"x" is not a valid choice.'] },
    ],
  ])('refuses %s with DRF field errors and writes nothing', async (_name, payload, expected) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(expected);
    expect(await countRows()).toBe(0);
  });

  it.each([
    ['null', 'null', 'No data provided'],
    ['a list', '[{"title": "t"}]', 'Invalid data. Expected a dictionary, but got list.'],
    ['a string', '"t"', 'Invalid data. Expected a dictionary, but got str.'],
    ['a number', '5', 'Invalid data. Expected a dictionary, but got int.'],
  ])('refuses a JSON body that is %s as non_field_errors', async (_name, payload, message) => {
    const res = await ctx.http({ method: 'POST', url: '/api/tickets/', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ non_field_errors: [message] });
  });

  it('accepts a title of exactly 200 characters and a description of exactly 20,000', async () => {
    const res = await post({ title: 't'.repeat(200), description: 'd'.repeat(20_000) });
    expect(res.statusCode).toBe(201);
  });

  it('reads one ticket in the same representation', async () => {
    const { suggestion_ignored: _, ...created } = (await post({ title: 't', description: 'd', category: 'account' })).json();
    const res = await ctx.http({ method: 'GET', url: `/api/tickets/${created.id}/` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
  });

  it.each([['abc'], ['99999999999'], ['2147483648'], ['0'], ['-1'], ['1.5'], ['12345']])(
    'answers 404 {"detail": "Not found."} for ticket id %s, on GET and on PATCH',
    async (id) => {
      await createTicket(ctx.db);
      for (const method of ['GET', 'PATCH'] as const) {
        const res = await ctx.http({ method, url: `/api/tickets/${id}/`, ...(method === 'PATCH' ? { payload: { title: 'x' } } : {}) });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ detail: 'Not found.' });
      }
    },
  );

  it('answers 404 before validating the body of a PATCH to an unknown ticket, as DRF does', async () => {
    const res = await ctx.http({ method: 'PATCH', url: '/api/tickets/4242/', payload: { title: '', status: 'nope' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: 'Not found.' });
  });

  it('partially updates a ticket and answers the whole updated ticket', async () => {
    const row = await createTicket(ctx.db, { title: 'Old', description: 'Keep me', category: 'general' });
    const res = await patch(row.id, { title: '  New  ', category: 'technical', status: 'in_progress' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(TICKET_KEYS);
    expect(body).toMatchObject({
      id: row.id,
      title: 'New',
      description: 'Keep me',
      category: 'technical',
      priority: 'medium',
      status: 'in_progress',
    });
    expect(body.created_at).toBe(row.createdAt.toISOString());
    expect(Date.parse(body.updated_at)).toBeGreaterThanOrEqual(row.updatedAt.getTime());
  });

  it('stamps resolved_at when resolving and clears it when reopening', async () => {
    const row = await createTicket(ctx.db);
    const resolved = (await patch(row.id, { status: 'resolved' })).json();
    expect(resolved.resolved_at).toMatch(ISO_UTC_MS);
    const reopened = (await patch(row.id, { status: 'open' })).json();
    expect(reopened.resolved_at).toBeNull();
  });

  it('ignores read-only and unknown keys on PATCH (id, created_at, the suggestion)', async () => {
    const row = await createTicket(ctx.db);
    const res = await patch(row.id, {
      id: row.id + 100,
      created_at: '2001-01-01T00:00:00Z',
      suggested_category: 'billing',
      priority: 'high',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: row.id, created_at: row.createdAt.toISOString(), suggested_category: null, priority: 'high' });
  });

  it('answers the unchanged ticket for an empty PATCH, with or without a body', async () => {
    const row = await createTicket(ctx.db, { title: 'Same' });
    for (const res of [await patch(row.id, {}), await ctx.http({ method: 'PATCH', url: `/api/tickets/${row.id}/` })]) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: row.id, title: 'Same' });
    }
  });

  it.each([
    [{ title: '' }, { title: [BLANK] }],
    [{ title: '', status: 'resolved' }, { title: [BLANK] }],
    [
      { description: null, priority: 'urgent' },
      { description: ['This field may not be null.'], priority: ['"urgent" is not a valid choice.'] },
    ],
    [{ status: 'done', category: 'billing' }, { status: ['"done" is not a valid choice.'] }],
  ])('refuses PATCH %j with field errors and leaves the row exactly as it was', async (payload, expected) => {
    const before = await createTicket(ctx.db, { title: 'Before', description: 'Unchanged', category: 'general', priority: 'low' });
    const res = await patch(before.id, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(expected);
    expect(await findTicketById(ctx.db, before.id)).toEqual(before);
  });

  it.each([
    ['PUT', '/api/tickets/1/', 'GET, PATCH, HEAD, OPTIONS'],
    ['DELETE', '/api/tickets/1/', 'GET, PATCH, HEAD, OPTIONS'],
    ['POST', '/api/tickets/1/', 'GET, PATCH, HEAD, OPTIONS'],
    ['PUT', '/api/tickets/', 'GET, POST, HEAD, OPTIONS'],
    ['DELETE', '/api/tickets/', 'GET, POST, HEAD, OPTIONS'],
    ['PATCH', '/api/tickets/', 'GET, POST, HEAD, OPTIONS'],
    ['POST', '/api/tickets/stats/', 'GET, HEAD, OPTIONS'],
    ['GET', '/api/tickets/classify/', 'POST, OPTIONS'],
  ] as const)('answers %s %s with 405, its Allow header and DRF detail, and changes nothing', async (method, url, allow) => {
    const row = await createTicket(ctx.db, { title: 'Stays' });
    const res = await ctx.http({ method, url, ...(method === 'GET' ? {} : { payload: { title: 'Changed' } }) });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.json()).toEqual({ detail: `Method "${method}" not allowed.` });
    expect((await findTicketById(ctx.db, row.id))?.title).toBe('Stays');
  });

  it('refuses a disallowed method before reading its body (a malformed PUT is still a 405)', async () => {
    const res = await ctx.http({
      method: 'PUT',
      url: '/api/tickets/1/',
      headers: { 'content-type': 'application/json' },
      payload: '{"oops',
    });
    expect(res.statusCode).toBe(405);
  });

  it('creates and updates from form-encoded bodies, as DRF accepts them', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const created = await ctx.http({
      method: 'POST',
      url: '/api/tickets/',
      headers: form,
      payload: 'title=Printer+%26+scanner&description=Both+offline&category=technical&priority=high',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      title: 'Printer & scanner',
      description: 'Both offline',
      category: 'technical',
      priority: 'high',
    });

    // A repeated field counts once, its last value, as in Django's QueryDict.
    const patched = await ctx.http({
      method: 'PATCH',
      url: `/api/tickets/${created.json().id}/`,
      headers: form,
      payload: 'status=in_progress&status=resolved',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().status).toBe('resolved');

    const refused = await ctx.http({ method: 'POST', url: '/api/tickets/', headers: form, payload: 'title=&category=x' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ title: [BLANK], description: [REQUIRED], category: ['"x" is not a valid choice.'] });
  });

  it('reads empty form values as DRF does: the default for category, priority and status, null for the suggestion', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const created = await ctx.http({
      method: 'POST',
      url: '/api/tickets/',
      headers: form,
      payload: 'title=t&description=d&category=&priority=&status=&suggested_category=&suggested_priority=&classification_source=',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      category: 'general',
      priority: 'medium',
      status: 'open',
      suggested_category: null,
      classification_source: null,
    });

    const patched = await ctx.http({
      method: 'PATCH',
      url: `/api/tickets/${created.json().id}/`,
      headers: form,
      payload: 'priority=&status=resolved',
    });
    expect(patched.json()).toMatchObject({ priority: 'medium', status: 'resolved' });
    const blankTitle = await ctx.http({ method: 'PATCH', url: `/api/tickets/${created.json().id}/`, headers: form, payload: 'title=' });
    expect(blankTitle.json()).toEqual({ title: [BLANK] });

    // JSON keeps "" as a value, and DRF refuses it.
    const json = await post({ title: 't', description: 'd', category: '' });
    expect(json.json()).toEqual({ category: ['"" is not a valid choice.'] });
  });
});
