// Safe retries of ticket creates: an idempotency key (REST `Idempotency-Key` header,
// GraphQL `idempotencyKey`) makes a retry answer the first result instead of writing
// a duplicate, even when the retries race each other, on every test database.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { executeRows } from '../../src/db/statements.js';
import { describeOnDatabases } from '../support/harness.js';

const CREATE = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) {
    ticket { id title description category priority status createdAt updatedAt resolvedAt suggestion { category } }
    userErrors { field code }
    suggestionIgnored
  }
}`;

const BODY = { title: 'Charged twice', description: 'My card was charged twice.', category: 'billing' };
/** Concurrent retries per race: more than the test pool's 4 PostgreSQL connections. */
const RACERS = 8;

describeOnDatabases('idempotent ticket creates', (ctx) => {
  const postRest = (payload: string | object, key?: string) =>
    ctx.http({
      method: 'POST',
      url: '/api/tickets/',
      headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload,
    });
  const createGql = async (input: Record<string, unknown>) => (await ctx.gql(CREATE, { input })).data!.createTicket;
  const count = async (table: 'tickets' | 'idempotency_keys') => {
    const [row] = await executeRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    return Number(row!.n);
  };

  it('REST: a retry with the same key and body answers the first 201 again and writes nothing', async () => {
    const first = await postRest(BODY, 'retry-1');
    expect(first.statusCode).toBe(201);
    // The same body with keys reordered, other spacing and an explicit default.
    const again = await postRest(
      `{ "category" : "billing",\n "description": "  My card was charged twice. ", "title":"Charged twice", "status": "open" }`,
      'retry-1',
    );
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(await count('tickets')).toBe(1);
  });

  it('REST: the replay is the first answer as it was, even after the ticket changed', async () => {
    const first = await postRest(BODY, 'retry-2');
    await ctx.http({ method: 'PATCH', url: `/api/tickets/${first.json().id}/`, payload: { status: 'resolved' } });
    const again = await postRest(BODY, 'retry-2');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
  });

  it('REST: the same key with another body is a 422 with a detail, and writes nothing', async () => {
    await postRest(BODY, 'retry-3');
    const other = await postRest({ ...BODY, priority: 'high' }, 'retry-3');
    expect(other.statusCode).toBe(422);
    expect(Object.keys(other.json())).toEqual(['detail']);
    expect(await count('tickets')).toBe(1);
  });

  it('REST: without a key, or with another key, each create is a new ticket', async () => {
    await postRest(BODY);
    await postRest(BODY);
    await postRest(BODY, 'a');
    await postRest(BODY, 'b');
    expect(await count('tickets')).toBe(4);
  });

  it.each([
    ['blank', '   ', 'This field may not be blank.'],
    ['too long', 'k'.repeat(256), 'Ensure this field has no more than 255 characters.'],
  ])('REST: a %s key is a 400 naming the header, with the body’s errors too', async (_name, key, message) => {
    const res = await postRest({ title: '', description: 'd' }, key);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ title: ['This field may not be blank.'], 'Idempotency-Key': [message] });
    expect(await count('tickets')).toBe(0);
  });

  it('REST: a key of 255 printable characters is accepted', async () => {
    const res = await postRest(BODY, `${' !~'.repeat(84)}abc`);
    expect(res.statusCode).toBe(201);
  });

  it('GraphQL: a retry with the same key and input answers the same payload', async () => {
    const input = { ...BODY, category: 'BILLING', idempotencyKey: 'gql-1' };
    const first = await createGql(input);
    expect(first.userErrors).toEqual([]);
    const again = await createGql({ ...input, title: '  Charged twice  ' });
    expect(again).toEqual(first);
    expect(await count('tickets')).toBe(1);
  });

  it('GraphQL: the same key with another input is a userError on idempotencyKey', async () => {
    await createGql({ ...BODY, category: 'BILLING', idempotencyKey: 'gql-2' });
    const other = await createGql({ ...BODY, category: 'ACCOUNT', idempotencyKey: 'gql-2' });
    expect(other.ticket).toBeNull();
    expect(other.userErrors).toEqual([{ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }]);
    expect(await count('tickets')).toBe(1);
  });

  it('one key across both APIs: spaces and tabs around it are not part of it, as in an HTTP header', async () => {
    const first = await createGql({ ...BODY, category: 'BILLING', idempotencyKey: '  pad  ' });
    expect(first.userErrors).toEqual([]);
    expect(await createGql({ ...BODY, category: 'BILLING', idempotencyKey: 'pad' })).toEqual(first);
    expect(await createGql({ ...BODY, category: 'BILLING', idempotencyKey: '\tpad ' })).toEqual(first);
    const rest = await postRest(BODY, 'pad');
    expect(rest.statusCode).toBe(201);
    expect(String(rest.json().id)).toBe(first.ticket.id);
    expect(await count('tickets')).toBe(1);
    // Inner spaces are the key's own.
    expect((await createGql({ ...BODY, category: 'BILLING', idempotencyKey: 'p ad' })).ticket.id).not.toBe(first.ticket.id);
  });

  it.each([
    ['', 'BLANK'],
    [' \t ', 'BLANK'],
    ['k'.repeat(256), 'TOO_LONG'],
    ['clé', 'INVALID'],
    ['line\nbreak', 'INVALID'],
  ])('GraphQL: refuses the key %j with a field error', async (key, code) => {
    const res = await createGql({ ...BODY, category: 'BILLING', idempotencyKey: key });
    expect(res.userErrors).toEqual([{ field: 'idempotencyKey', code }]);
    expect(await count('tickets')).toBe(0);
  });

  it('REST: concurrent retries with one key create exactly one ticket and all get its answer', async () => {
    const answers = await Promise.all(Array.from({ length: RACERS }, () => postRest(BODY, 'race-1')));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(RACERS).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await count('tickets')).toBe(1);
    expect(await count('idempotency_keys')).toBe(1);
  });

  it('GraphQL: concurrent retries with one key create exactly one ticket', async () => {
    const input = { ...BODY, category: 'BILLING', idempotencyKey: 'race-2' };
    const answers = await Promise.all(Array.from({ length: RACERS }, () => createGql(input)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]!.ticket).not.toBeNull();
    expect(await count('tickets')).toBe(1);
  });

  it('concurrent creates with one key and different bodies: one wins, the others are refused', async () => {
    const answers = await Promise.all(Array.from({ length: RACERS }, (_, i) => postRest({ ...BODY, title: `Variant ${i}` }, 'race-3')));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(RACERS - 1).fill(422)]);
    expect(await count('tickets')).toBe(1);
  });

  it('forgets a key after 24 hours: the key then creates anew, and expired keys are purged', async () => {
    const first = await postRest(BODY, 'old-key');
    await postRest(BODY, 'other-old-key');
    await ctx.db.execute(sql`update idempotency_keys set created_at = now() - interval '25 hours'`);
    const again = await postRest({ ...BODY, priority: 'high' }, 'old-key');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(first.json().id);
    // The other expired key went with the purge that runs as keys arrive.
    expect(await count('idempotency_keys')).toBe(1);
  });
});
