// GET /api/tickets/ over HTTP, on every test database: newest first, DRF-style exact
// filters and search, and page/page_size pagination announced in Link and X-Total-Count.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { TOTAL_COUNT_CAP } from '../../src/tickets/ticket-query.js';
import { createTicket, createTickets } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';
import { linkQuery, parseLinks, TICKET_KEYS } from './rest.helpers.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));

describeOnDatabases(
  'listing tickets over REST',
  (ctx) => {
    const list = async (query = '', headers: Record<string, string> = {}) => {
      const res = await ctx.http({ method: 'GET', url: `/api/tickets/${query}`, headers });
      return { res, status: res.statusCode, body: res.json(), links: parseLinks(res.headers.link), total: res.headers['x-total-count'] };
    };
    const titles = (body: { title: string }[]) => body.map((t) => t.title);

    /** Many tickets in one statement: pagination limits need more rows than a loop should write. */
    const insertMany = (n: number, title: string) =>
      ctx.db.execute(
        sql`insert into tickets (title, description) select ${title} || ' ' || g, 'bulk row' from generate_series(1, ${n}::int) as g`,
      );

    it('answers a plain JSON array, empty when there are no tickets, with the total in a header', async () => {
      const { status, body, total, links } = await list();
      expect(status).toBe(200);
      expect(body).toEqual([]);
      expect(total).toBe('0');
      expect(Object.keys(links)).toEqual(['first', 'last']);
    });

    it('lists newest first, ties broken by the newer id, in the ticket representation', async () => {
      await createTicket(ctx.db, { title: 'oldest', createdAt: at(1) });
      await createTicket(ctx.db, { title: 'tie first', createdAt: at(5) });
      await createTicket(ctx.db, { title: 'tie second', createdAt: at(5) });
      await createTicket(ctx.db, { title: 'newest', createdAt: at(9) });
      const { body } = await list();
      expect(titles(body)).toEqual(['newest', 'tie second', 'tie first', 'oldest']);
      expect(Object.keys(body[0])).toEqual(TICKET_KEYS);
      expect(body[0].created_at).toBe(at(9).toISOString());
    });

    it('filters by category, priority and status exactly, combined with AND', async () => {
      await createTicket(ctx.db, { title: 'billing high open', category: 'billing', priority: 'high', status: 'open' });
      await createTicket(ctx.db, { title: 'billing high closed', category: 'billing', priority: 'high', status: 'closed' });
      await createTicket(ctx.db, { title: 'billing low open', category: 'billing', priority: 'low', status: 'open' });
      await createTicket(ctx.db, { title: 'technical high open', category: 'technical', priority: 'high', status: 'open' });

      expect(titles((await list('?category=billing')).body).sort()).toEqual([
        'billing high closed',
        'billing high open',
        'billing low open',
      ]);
      expect(titles((await list('?priority=high&status=open')).body).sort()).toEqual(['billing high open', 'technical high open']);
      const all = await list('?category=billing&priority=high&status=open');
      expect(titles(all.body)).toEqual(['billing high open']);
      expect(all.total).toBe('1');
      expect((await list('?status=in_progress')).body).toEqual([]);
    });

    it('ignores empty and unknown parameters, and takes the last of a repeated one', async () => {
      await createTicket(ctx.db, { title: 'billing', category: 'billing' });
      await createTicket(ctx.db, { title: 'account', category: 'account' });
      expect((await list('?category=&priority=&status=&search=&page=&page_size=&ordering=&format=json')).body).toHaveLength(2);
      expect(titles((await list('?category=billing&category=account')).body)).toEqual(['account']);
    });

    it('refuses invalid filter values with every failing field in the DRF shape', async () => {
      const one = await list('?category=urgent');
      expect(one.status).toBe(400);
      expect(one.body).toEqual({ category: ['"urgent" is not a valid choice.'] });
      const all = await list('?category=BILLING&priority=p1&status=done');
      expect(all.status).toBe(400);
      expect(all.body).toEqual({
        category: ['"BILLING" is not a valid choice.'],
        priority: ['"p1" is not a valid choice.'],
        status: ['"done" is not a valid choice.'],
      });
    });

    it('searches title and description case-insensitively, every term required', async () => {
      await createTicket(ctx.db, { title: 'Refund request', description: 'Charged twice in March' });
      await createTicket(ctx.db, { title: 'Login broken', description: 'Cannot REFUND anything either' });
      await createTicket(ctx.db, { title: 'Printer', description: 'Out of toner' });
      expect(titles((await list('?search=refund')).body).sort()).toEqual(['Login broken', 'Refund request']);
      expect(titles((await list('?search=REFUND%20march')).body)).toEqual(['Refund request']);
      expect(titles((await list('?search=refund+toner')).body)).toEqual([]);
    });

    it('combines search with filters', async () => {
      await createTicket(ctx.db, { title: 'Refund please', category: 'billing', status: 'open' });
      await createTicket(ctx.db, { title: 'Refund done', category: 'billing', status: 'resolved' });
      await createTicket(ctx.db, { title: 'Refund via account', category: 'account', status: 'open' });
      const { body, total } = await list('?search=refund&category=billing&status=open');
      expect(titles(body)).toEqual(['Refund please']);
      expect(total).toBe('1');
    });

    it('matches % and _ literally', async () => {
      await createTicket(ctx.db, { title: 'Discount of 100% applied', description: 'x' });
      await createTicket(ctx.db, { title: 'Discount of 100 applied', description: 'x' });
      await createTicket(ctx.db, { title: 'Field user_name is empty', description: 'x' });
      await createTicket(ctx.db, { title: 'Field username is empty', description: 'x' });
      expect(titles((await list('?search=%25')).body)).toEqual(['Discount of 100% applied']);
      expect(titles((await list('?search=100%25')).body)).toEqual(['Discount of 100% applied']);
      expect(titles((await list('?search=_')).body)).toEqual(['Field user_name is empty']);
      expect(titles((await list('?search=user_name')).body)).toEqual(['Field user_name is empty']);
    });

    it('refuses a search over 200 characters and survives a NUL character', async () => {
      const long = await list(`?search=${'x'.repeat(201)}`);
      expect(long.status).toBe(400);
      expect(long.body).toEqual({ search: ['Ensure this field has no more than 200 characters.'] });
      await createTicket(ctx.db, { title: 'abc' });
      const nul = await list('?search=a%00bc');
      expect(nul.status).toBe(200);
      expect(titles(nul.body)).toEqual(['abc']);
    });

    it('pages with page and page_size, announcing first/prev/next/last in Link and the total in X-Total-Count', async () => {
      await createTickets(ctx.db, 5, (i) => ({ title: `t${i}`, createdAt: at(i), category: 'billing' }));
      const first = await list('?category=billing&page_size=2');
      expect(titles(first.body)).toEqual(['t4', 't3']);
      expect(first.total).toBe('5');
      expect(Object.keys(first.links)).toEqual(['first', 'next', 'last']);
      expect(linkQuery(first.links.next)).toEqual({ category: 'billing', page_size: '2', page: '2' });
      expect(linkQuery(first.links.last)).toEqual({ category: 'billing', page_size: '2', page: '3' });

      const second = await list('?category=billing&page_size=2&page=2');
      expect(titles(second.body)).toEqual(['t2', 't1']);
      expect(Object.keys(second.links)).toEqual(['first', 'prev', 'next', 'last']);
      // Like DRF, the link to page 1 drops `page`.
      expect(linkQuery(second.links.prev)).toEqual({ category: 'billing', page_size: '2' });
      expect(linkQuery(second.links.next)).toEqual({ category: 'billing', page_size: '2', page: '3' });

      const third = await list('?category=billing&page_size=2&page=3');
      expect(titles(third.body)).toEqual(['t0']);
      expect(Object.keys(third.links)).toEqual(['first', 'prev', 'last']);

      const last = await list('?category=billing&page_size=2&page=last');
      expect(titles(last.body)).toEqual(['t0']);
    });

    it('makes the links absolute to the host the client called (one of ALLOWED_HOSTS)', async () => {
      await createTickets(ctx.db, 2);
      const { links } = await list('?page_size=1', { host: 'tickets.example.com:8443' });
      expect(links.next).toBe('http://tickets.example.com:8443/api/tickets/?page_size=1&page=2');
    });

    it.each([['0'], ['-1'], ['abc'], ['1.5'], ['4'], ['99999999999999999999']])(
      'answers 404 {"detail": "Invalid page."} for page=%s',
      async (page) => {
        await createTickets(ctx.db, 3);
        const { status, body } = await list(`?page=${page}&page_size=1`);
        expect(status).toBe(404);
        expect(body).toEqual({ detail: 'Invalid page.' });
      },
    );

    it('answers page 1 of nothing with an empty array rather than a 404', async () => {
      expect((await list('?page=1')).status).toBe(200);
    });

    it.each([['0'], ['-5'], ['abc'], ['2.5']])('falls back to the default page size of 100 for page_size=%s', async (pageSize) => {
      await insertMany(101, 'bulk');
      const { status, body, links } = await list(`?page_size=${pageSize}`);
      expect(status).toBe(200);
      expect(body).toHaveLength(100);
      expect(linkQuery(links.next).page).toBe('2');
    });

    it('clamps page_size to 1000', async () => {
      await insertMany(1001, 'bulk');
      const { body, total, links } = await list('?page_size=5000');
      expect(body).toHaveLength(1000);
      expect(total).toBe('1001');
      expect(linkQuery(links.last)).toEqual({ page_size: '5000', page: '2' });
    });

    it(`keeps paging when a search matches more tickets than are counted (${TOTAL_COUNT_CAP})`, async () => {
      await insertMany(TOTAL_COUNT_CAP + 1, 'needle');
      const lastFull = TOTAL_COUNT_CAP / 1000;
      const full = await list(`?search=needle&page_size=1000&page=${lastFull}`);
      expect(full.status).toBe(200);
      // The count is a lower bound: no total and no last page are claimed.
      expect(full.total).toBeUndefined();
      expect(Object.keys(full.links)).toEqual(['first', 'prev', 'next']);
      const beyond = await list(`?search=needle&page_size=1000&page=${lastFull + 1}`);
      expect(beyond.status).toBe(200);
      expect(beyond.body).toHaveLength(1);
      expect((await list(`?search=needle&page_size=1000&page=${lastFull + 2}`)).status).toBe(404);
      expect((await list('?search=needle&page=last')).status).toBe(404);
    });

    it('answers HEAD with the same headers and no body', async () => {
      await createTickets(ctx.db, 2);
      const res = await ctx.http({ method: 'HEAD', url: '/api/tickets/?page_size=1' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-total-count']).toBe('2');
      expect(parseLinks(res.headers.link).next).toBeDefined();
      expect(res.body).toBe('');
    });
  },
  { env: { ALLOWED_HOSTS: 'localhost,tickets.example.com' } },
);
