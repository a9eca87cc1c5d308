// A ticket records only a suggestion the server issued: classify hands out an id for
// its answer, a create refers to it (GraphQL `suggestionId`, REST `suggestion_id`, or
// the original REST API's copied values), and anything else is ignored and said so
// (an id that is not even of the issued shape is a field error). The statistics
// therefore count no forged suggestion.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Classifier } from '../../src/classifier/classifier.js';
import { executeRows } from '../../src/db/statements.js';
import { ClassificationSource, TicketCategory, TicketPriority } from '../../src/tickets/ticket.enums.js';
import { findTicketById } from '../../src/tickets/ticket.repository.js';
import { describeOnDatabases } from '../support/harness.js';

const CLASSIFY = `query($d: String!) { classifyDescription(description: $d) { category priority source suggestionId } }`;
const CREATE = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) { ticket { id suggestion { category priority source accepted } } userErrors { field code } suggestionIgnored } }`;
const SUGGESTED = `{ stats { suggestionAcceptance { suggested accepted } } }`;

// A classifier that answers like Gemini, so a forged "gemini" claim would look real.
const classify: Classifier['classify'] = async () => ({
  category: TicketCategory.BILLING,
  priority: TicketPriority.HIGH,
  source: ClassificationSource.GEMINI,
  reason: 'Duplicate charge',
});

const DESCRIPTION = 'I was charged twice for the March invoice.';

describeOnDatabases(
  'server-issued suggestions',
  (ctx) => {
    const classifyGql = async (d = DESCRIPTION) => (await ctx.gql(CLASSIFY, { d })).data!.classifyDescription;
    const createGql = async (input: Record<string, unknown>) =>
      (await ctx.gql(CREATE, { input: { title: 'Charged twice', description: DESCRIPTION, ...input } })).data!.createTicket;
    const classifyRest = async (description = DESCRIPTION) =>
      (await ctx.http({ method: 'POST', url: '/api/tickets/classify/', payload: { description } })).json();
    const createRest = (payload: Record<string, unknown>) =>
      ctx.http({ method: 'POST', url: '/api/tickets/', payload: { title: 'Charged twice', description: DESCRIPTION, ...payload } });
    const suggestedCount = async () => (await ctx.gql(SUGGESTED)).data!.stats.suggestionAcceptance.suggested as number;

    it('records the suggestion classify issued, from the server’s own record', async () => {
      const answer = await classifyGql();
      expect(answer.suggestionId).toMatch(/^[0-9a-f-]{36}$/);
      const created = await createGql({ category: 'BILLING', priority: 'HIGH', suggestionId: answer.suggestionId });
      expect(created.userErrors).toEqual([]);
      expect(created.suggestionIgnored).toBe(false);
      expect(created.ticket.suggestion).toEqual({ category: 'BILLING', priority: 'HIGH', source: 'GEMINI', accepted: true });
      expect(await suggestedCount()).toBe(1);
    });

    it('honours a description that differs only in case and whitespace, as the classifier does', async () => {
      const answer = await classifyGql('  i was CHARGED twice\nfor the March invoice.');
      const created = await createGql({ suggestionId: answer.suggestionId });
      expect(created.suggestionIgnored).toBe(false);
      expect(created.ticket.suggestion).toMatchObject({ source: 'GEMINI' });
    });

    it.each([
      ['an unknown id', async () => '00000000-0000-4000-8000-000000000000'],
      ['an unknown id in capitals', async () => 'ABCDEF00-0000-4000-8000-000000000000'],
    ])('ignores %s and says so: no suggestion, nothing counted', async (_name, id) => {
      const created = await createGql({ suggestionId: await id() });
      expect(created.userErrors).toEqual([]);
      expect(created.suggestionIgnored).toBe(true);
      expect(created.ticket.suggestion).toBeNull();
      expect(await suggestedCount()).toBe(0);
    });

    it.each([
      ['empty', '', 'BLANK'],
      ['not an id', 'not-an-id', 'INVALID'],
      ['a number', '12', 'INVALID'],
      ['an id with whitespace around it', ' 00000000-0000-4000-8000-000000000000 ', 'INVALID'],
      ['an id missing a digit', '00000000-0000-4000-8000-00000000000', 'INVALID'],
    ])('refuses a suggestionId that is %s as a field error, nothing written', async (_name, suggestionId, code) => {
      const created = await createGql({ suggestionId });
      expect(created.userErrors).toEqual([{ field: 'suggestionId', code }]);
      expect(created.ticket).toBeNull();
      const rest = await createRest({ suggestion_id: suggestionId });
      expect(rest.statusCode).toBe(400);
      expect(Object.keys(rest.json())).toEqual(['suggestion_id']);
      const rows = await ctx.db.execute(sql`select count(*)::int as n from tickets`);
      const [row] = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
      expect(Number((row as { n: number }).n)).toBe(0);
    });

    it('ignores an id issued for another description', async () => {
      const answer = await classifyGql('My invoice shows the wrong address.');
      const created = await createGql({ suggestionId: answer.suggestionId });
      expect(created.suggestionIgnored).toBe(true);
      expect(created.ticket.suggestion).toBeNull();
    });

    it('ignores an expired id (issued more than 24 hours ago)', async () => {
      const answer = await classifyGql();
      await ctx.db.execute(sql`update ticket_suggestions set created_at = now() - interval '25 hours'`);
      const created = await createGql({ suggestionId: answer.suggestionId });
      expect(created.suggestionIgnored).toBe(true);
      expect(created.ticket.suggestion).toBeNull();
    });

    it('lets one classify answer back one ticket only', async () => {
      const answer = await classifyGql();
      const first = await createGql({ suggestionId: answer.suggestionId });
      const second = await createGql({ suggestionId: answer.suggestionId });
      expect([first.suggestionIgnored, second.suggestionIgnored]).toEqual([false, true]);
      expect(await suggestedCount()).toBe(1);
    });

    it('keeps the suggestion when the ticket is refused, so the corrected retry can use it', async () => {
      const answer = await classifyGql();
      const refused = await createGql({ title: '', suggestionId: answer.suggestionId });
      expect(refused.userErrors).toEqual([{ field: 'title', code: 'BLANK' }]);
      const saved = await createGql({ suggestionId: answer.suggestionId });
      expect(saved.suggestionIgnored).toBe(false);
    });

    it('purges expired suggestions a batch at a time as new ones are issued', async () => {
      await classifyGql();
      await classifyGql();
      await ctx.db.execute(sql`update ticket_suggestions set created_at = now() - interval '25 hours'`);
      await classifyGql();
      const [row] = await executeRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from ticket_suggestions`);
      expect(Number(row!.n)).toBe(1);
    });

    it('REST: a forged suggestion (no classify call) is not recorded, and the answer says so', async () => {
      const res = await createRest({ suggested_category: 'billing', suggested_priority: 'high', classification_source: 'gemini' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        suggested_category: null,
        suggested_priority: null,
        classification_source: null,
        suggestion_ignored: true,
      });
      const stored = await findTicketById(ctx.db, res.json().id);
      expect(stored?.classificationSource).toBeNull();
      expect(await suggestedCount()).toBe(0);
    });

    it('REST: an original client copying the classify answer for the same description is honoured', async () => {
      const answer = await classifyRest();
      const res = await createRest({
        suggested_category: answer.suggested_category,
        suggested_priority: answer.suggested_priority,
        classification_source: answer.source,
      });
      expect(res.json()).toMatchObject({
        suggested_category: 'billing',
        suggested_priority: 'high',
        classification_source: 'gemini',
        suggestion_ignored: false,
      });
    });

    it('REST: values that differ from what the server suggested, or another description’s, are ignored', async () => {
      await classifyRest();
      const otherValues = await createRest({ suggested_category: 'billing', suggested_priority: 'low', classification_source: 'gemini' });
      expect(otherValues.json()).toMatchObject({ suggested_category: null, suggestion_ignored: true });
      const otherText = await createRest({
        description: 'Something else entirely.',
        suggested_category: 'billing',
        suggested_priority: 'high',
        classification_source: 'gemini',
      });
      expect(otherText.json()).toMatchObject({ suggested_category: null, suggestion_ignored: true });
    });

    it('REST: suggestion_id refers to the answer, whatever suggested_* values come with it', async () => {
      const answer = await classifyRest();
      const res = await createRest({
        suggestion_id: answer.suggestion_id,
        suggested_category: 'account',
        suggested_priority: 'low',
        classification_source: 'local',
      });
      // The server's record, never the client's words.
      expect(res.json()).toMatchObject({
        suggested_category: 'billing',
        suggested_priority: 'high',
        classification_source: 'gemini',
        suggestion_ignored: false,
      });
    });

    it('REST: a suggestion_id that is not a string is a field error; null and an empty form value are none', async () => {
      const wrong = await createRest({ suggestion_id: 12 });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toEqual({ suggestion_id: ['Not a valid string.'] });
      const none = await createRest({ suggestion_id: null });
      expect(none.json()).toMatchObject({ suggestion_ignored: false, suggested_category: null });
      const form = await ctx.http({
        method: 'POST',
        url: '/api/tickets/',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'title=t&description=d&suggestion_id=',
      });
      expect(form.json()).toMatchObject({ suggestion_ignored: false, suggested_category: null });
    });
  },
  { classify },
);
