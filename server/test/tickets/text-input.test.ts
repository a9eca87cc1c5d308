// Text that is not really text, over both APIs: titles made only of invisible characters,
// lone UTF-16 surrogates, and bodies and query strings whose bytes are not UTF-8. Each is
// refused with the field named and nothing written, never quietly turned into U+FFFD.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeRows } from '../../src/db/statements.js';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const CREATE = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) { ticket { id title description } userErrors { field code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) {
  updateTicket(id: $id, input: $input) { ticket { id } userErrors { field code } } }`;
const SEARCH = `query($s: String) { tickets(search: $s) { nodes { id } } }`;
const CLASSIFY = `query($d: String!) { classifyDescription(description: $d) { category } }`;

const BLANK = 'This field may not be blank.';

/** Text with no character that is text by itself: invisible or blank-drawn characters, combining marks alone. */
const INVISIBLE: [string, string][] = [
  ['zero-width space', '\u200b'],
  ['zero-width non-joiner and joiner', '\u200c\u200d'],
  ['word joiner', '\u2060'],
  ['byte order mark', '\ufeff'],
  ['bidi marks between spaces', ' \u200e \u200f\u202a '],
  ['soft hyphen and a tab', '\u00ad\t'],
  ['Mongolian vowel separator', '\u180e'],
  ['Hangul filler', '\u3164'],
  ['a variation selector', '\ufe0f'],
  ['a tag character (outside the BMP)', '\u{e0041}'],
  ['a Braille pattern blank', '\u2800'],
  ['a musical null notehead', '\u{1d159}'],
  ['combining marks with no base', '\u0301\u0301'],
  ['a combining mark on a space', ' \u20dd '],
];

const LONE_SURROGATES: [string, string][] = [
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate inside text', 'Printer \udc00 jammed'],
  ['half an emoji at the end', 'Broken \ud83d'],
  ['a pair in the wrong order', 'x\ude00\ud83dy'],
];

/** The bytes of `parts` joined, where numbers are raw bytes (0xff is never UTF-8). */
function bytes(...parts: (string | number)[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'number' ? Buffer.from([p]) : Buffer.from(p, 'utf8'))));
}

describeOnDatabases('text that is not text', (ctx) => {
  const countRows = async () => {
    const [row] = await executeRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from tickets`);
    return Number(row!.n);
  };
  const userErrors = (res: { data?: Record<string, any> | null }, op: string) =>
    res.data![op].userErrors.map((e: { field: string; code: string }) => [e.field, e.code]);
  const rawGraphql = (payload: Buffer) =>
    ctx.http({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload });
  const rawRest = (payload: Buffer, contentType = 'application/json', method: 'POST' | 'PATCH' = 'POST', url = '/api/tickets/') =>
    ctx.http({ method, url, headers: { 'content-type': contentType }, payload });

  describe('blank: only whitespace and invisible characters', () => {
    it.each(INVISIBLE)('GraphQL refuses a title and a description of %s as BLANK', async (_name, text) => {
      const res = await ctx.gql(CREATE, { input: { title: text, description: `${text}\n${text}` } });
      expect(userErrors(res, 'createTicket')).toEqual([
        ['title', 'BLANK'],
        ['description', 'BLANK'],
      ]);
      expect(await countRows()).toBe(0);
    });

    it.each(INVISIBLE)('GraphQL refuses an update to %s as BLANK', async (_name, text) => {
      const t = await createTicket(ctx.db, { title: 'Keep me' });
      const res = await ctx.gql(UPDATE, { id: String(t.id), input: { title: text } });
      expect(userErrors(res, 'updateTicket')).toEqual([['title', 'BLANK']]);
    });

    it.each(INVISIBLE)('REST refuses %s with DRF’s blank message', async (_name, text) => {
      const res = await ctx.http({ method: 'POST', url: '/api/tickets/', payload: { title: text, description: text } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ title: [BLANK], description: [BLANK] });
      expect(await countRows()).toBe(0);
    });

    it('classify refuses an invisible description as BLANK on both APIs', async () => {
      const gql = await ctx.gql(CLASSIFY, { d: '\u200b\u2060' });
      expect(gql.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
      const rest = await ctx.http({ method: 'POST', url: '/api/tickets/classify/', payload: { description: '\u200b\u2060' } });
      expect(rest.statusCode).toBe(400);
      expect(rest.json()).toEqual({ description: [BLANK] });
    });

    it('keeps text that has one visible character among invisible ones, and emoji with joiners', async () => {
      const res = await ctx.gql(CREATE, { input: { title: '\u200bA\u200b', description: '👩\u200d💻\ufe0f' } });
      expect(userErrors(res, 'createTicket')).toEqual([]);
      expect(res.data!.createTicket.ticket.description).toBe('👩\u200d💻\ufe0f');
    });

    it('keeps letters with combining marks, and one visible character among blank-rendering ones', async () => {
      for (const title of ['e\u0301', 'नमस्ते', '\u2800.\u2800']) {
        const res = await ctx.gql(CREATE, { input: { title, description: 'ok' } });
        expect(userErrors(res, 'createTicket')).toEqual([]);
        expect(res.data!.createTicket.ticket.title).toBe(title);
      }
    });
  });

  describe('lone surrogates', () => {
    it.each(LONE_SURROGATES)('GraphQL refuses %s in title and description (INVALID)', async (_name, text) => {
      const res = await ctx.gql(CREATE, { input: { title: text, description: `ok ${text}` } });
      expect(userErrors(res, 'createTicket')).toEqual([
        ['title', 'INVALID'],
        ['description', 'INVALID'],
      ]);
      expect(await countRows()).toBe(0);
    });

    it.each(LONE_SURROGATES)('GraphQL refuses %s in an update, search and classify', async (_name, text) => {
      const t = await createTicket(ctx.db, { title: 'Keep me' });
      const update = await ctx.gql(UPDATE, { id: String(t.id), input: { description: text } });
      expect(userErrors(update, 'updateTicket')).toEqual([['description', 'INVALID']]);
      const search = await ctx.gql(SEARCH, { s: text });
      expect(search.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
      const classify = await ctx.gql(CLASSIFY, { d: text });
      expect(classify.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    });

    it.each(LONE_SURROGATES)('REST refuses %s in create, update and classify', async (_name, text) => {
      // JSON.stringify writes a lone surrogate as a `\ud800` escape, as any client would send it.
      const created = await ctx.http({ method: 'POST', url: '/api/tickets/', payload: { title: text, description: 'ok' } });
      expect(created.statusCode).toBe(400);
      expect(Object.keys(created.json())).toEqual(['title']);
      expect(await countRows()).toBe(0);
      const t = await createTicket(ctx.db, { title: 'Keep me' });
      const updated = await ctx.http({ method: 'PATCH', url: `/api/tickets/${t.id}/`, payload: { description: text } });
      expect(updated.statusCode).toBe(400);
      expect(Object.keys(updated.json())).toEqual(['description']);
      const classify = await ctx.http({ method: 'POST', url: '/api/tickets/classify/', payload: { description: text } });
      expect(classify.statusCode).toBe(400);
      expect(Object.keys(classify.json())).toEqual(['description']);
    });

    it('keeps well-formed pairs (emoji, CJK extension B)', async () => {
      const res = await ctx.gql(CREATE, { input: { title: '😀 𠀀', description: 'ok' } });
      expect(userErrors(res, 'createTicket')).toEqual([]);
      expect(res.data!.createTicket.ticket.title).toBe('😀 𠀀');
    });
  });

  describe('bodies that are not UTF-8', () => {
    const mutation = JSON.stringify(CREATE);

    it('GraphQL: BAD_USER_INPUT naming the variable field, nothing written', async () => {
      const res = await rawGraphql(bytes(`{"query":${mutation},"variables":{"input":{"title":"Caf`, 0xe9, `","description":"ok"}}}`));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      expect(await countRows()).toBe(0);
    });

    it('GraphQL: invalid bytes in the document are refused without a field', async () => {
      const res = await rawGraphql(bytes(`{"query":"{ tickets(search: \\"`, 0xff, `\\") { nodes { id } } }"}`));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: null });
    });

    it.each([
      ['a Latin-1 byte', [0xe9]],
      ['a stray continuation byte', [0x80]],
      ['a truncated sequence', [0xe2, 0x82]],
      ['an overlong encoding', [0xc0, 0xaf]],
      ['an encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
      ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ])('REST JSON: %s in the title is a field error, nothing written', async (_name, raw) => {
      const res = await rawRest(bytes('{"title":"x', ...raw, '","description":"ok"}'));
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual(['title']);
      expect(await countRows()).toBe(0);
    });

    it('REST JSON: every field holding invalid bytes is named', async () => {
      const res = await rawRest(bytes('{"title":"', 0xff, '","description":"', 0xfe, '","category":"billing"}'));
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json()).sort()).toEqual(['description', 'title']);
    });

    it('REST JSON: invalid bytes outside any field are a non-field error', async () => {
      const res = await rawRest(bytes('{"title":"ok",', 0xff, '"description":"ok"}'));
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual(['non_field_errors']);
      expect(await countRows()).toBe(0);
    });

    it('REST JSON: an update with invalid bytes leaves the row unchanged', async () => {
      const t = await createTicket(ctx.db, { title: 'Keep me' });
      const res = await rawRest(bytes('{"title":"', 0xc3, '"}'), 'application/json', 'PATCH', `/api/tickets/${t.id}/`);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual(['title']);
      const read = await ctx.http({ method: 'GET', url: `/api/tickets/${t.id}/` });
      expect(read.json().title).toBe('Keep me');
    });

    it.each([
      ['percent-encoded', 'title=Caf%E9&description=ok'],
      ['a raw byte', bytes('title=Caf', 0xe9, '&description=ok')],
      ['half a percent-encoded character', 'title=%E2%82&description=ok'],
    ])('REST form: %s invalid byte is a field error, nothing written', async (_name, body) => {
      const res = await rawRest(Buffer.from(body), 'application/x-www-form-urlencoded');
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual(['title']);
      expect(await countRows()).toBe(0);
    });

    it('REST classify: invalid bytes in the description are a field error', async () => {
      const res = await rawRest(bytes('{"description":"', 0xff, '"}'), 'application/json', 'POST', '/api/tickets/classify/');
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual(['description']);
    });

    it('still accepts valid UTF-8, including U+FFFD written by the client itself', async () => {
      const json = await rawRest(bytes('{"title":"Café ☕ 😀 \uFFFD","description":"naïve"}'));
      expect(json.statusCode).toBe(201);
      expect(json.json().title).toBe('Café ☕ 😀 \uFFFD');
      const form = await rawRest(
        Buffer.from('title=Caf%C3%A9+%F0%9F%98%80&description=a%26b%3Dc&description=last'),
        'application/x-www-form-urlencoded',
      );
      expect(form.statusCode).toBe(201);
      expect(form.json()).toMatchObject({ title: 'Café 😀', description: 'last' });
      const gql = await rawGraphql(bytes(`{"query":${mutation},"variables":{"input":{"title":"Café","description":"ok"}}}`));
      expect(gql.json().data.createTicket.ticket.title).toBe('Café');
    });
  });

  describe('query strings that are not UTF-8', () => {
    const graphqlGet = (params: string) =>
      ctx.http({ method: 'GET', url: `/graphql?${params}`, headers: { 'apollo-require-preflight': 'true' } });
    const searchQuery = encodeURIComponent(SEARCH);

    it.each([
      ['two bytes that are never UTF-8', 'search=%ff%fe'],
      ['an encoded surrogate (CESU-8)', 'search=%ED%A0%80'],
      ['a truncated sequence after valid text', 'search=Caf%C3%A9%E2%82'],
      ['a bad byte in a repeated parameter', 'search=ok&search=%ff'],
    ])('REST list: %s is a field error naming the parameter', async (_name, query) => {
      await createTicket(ctx.db, { title: '\uFFFD' });
      const res = await ctx.http({ method: 'GET', url: `/api/tickets/?${query}` });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual(['search']);
    });

    it('REST: a filter and stats name theirs; a bad parameter name is a non-field error', async () => {
      const list = await ctx.http({ method: 'GET', url: '/api/tickets/?category=%ff' });
      expect(list.statusCode).toBe(400);
      expect(Object.keys(list.json())).toEqual(['category']);
      const stats = await ctx.http({ method: 'GET', url: '/api/tickets/stats/?status=%c3' });
      expect(stats.statusCode).toBe(400);
      expect(Object.keys(stats.json())).toEqual(['status']);
      const name = await ctx.http({ method: 'GET', url: '/api/tickets/?%ff=1' });
      expect(name.statusCode).toBe(400);
      expect(Object.keys(name.json())).toEqual(['non_field_errors']);
    });

    it('GraphQL GET: BAD_USER_INPUT naming the variable field', async () => {
      const res = await graphqlGet(`query=${searchQuery}&variables=${encodeURIComponent('{"s":"')}%ff${encodeURIComponent('"}')}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 's' });
    });

    it('GraphQL GET: bad bytes in the document are refused without a field', async () => {
      const res = await graphqlGet(
        `query=${encodeURIComponent('{ tickets(search: "')}%ED%A0%80${encodeURIComponent('") { nodes { id } } }')}`,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: null });
    });

    it('still reads valid query strings: UTF-8 escapes, `+` as a space, malformed escapes as text, repeats', async () => {
      const cafe = await createTicket(ctx.db, { title: 'Café au lait' });
      const percent = await createTicket(ctx.db, { title: '100% broken' });
      const ids = async (query: string) => {
        const res = await ctx.http({ method: 'GET', url: `/api/tickets/?${query}` });
        expect(res.statusCode).toBe(200);
        return res.json().map((t: { id: number }) => t.id);
      };
      expect(await ids('search=Caf%C3%A9+au')).toEqual([cafe.id]);
      expect(await ids('search=100%+broken')).toEqual([percent.id]);
      expect(await ids('search=nothing&search=caf%c3%a9')).toEqual([cafe.id]);
      const gql = await graphqlGet(`query=${searchQuery}&variables=${encodeURIComponent('{"s":"Café"}')}`);
      expect(gql.json().data.tickets.nodes).toEqual([{ id: String(cafe.id) }]);
    });
  });
});
