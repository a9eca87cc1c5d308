// An existing client of the Django API, unchanged, against a real listening server:
// plain fetch calls shaped like a `requests`-based integration script (JSON and form
// bodies, URLs with and without trailing slashes, Link-header paging). It sends no
// credentials, as the original API needed none: ANONYMOUS_ACCESS=write is how an
// operator keeps it working on a trusted network.
import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.js';

describeOnDatabases(
  'an existing Django API client',
  (ctx) => {
    let api: string;
    beforeAll(async () => {
      const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      api = `${address}/api`;
    });

    const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const getJson = async (url: string) => {
      const res = await fetch(url, { headers: { Accept: 'application/json' } });
      expect(res.status, url).toBe(200);
      return { res, body: (await res.json()) as any };
    };

    it('lists, filters, searches, creates, patches and reads stats as it did against Django', async () => {
      // requests.post(f"{API}/tickets/", json={...})
      let res = await fetch(`${api}/tickets/`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          title: 'Charged twice',
          description: 'My card was charged twice for the March invoice.',
          category: 'billing',
          priority: 'high',
        }),
      });
      expect(res.status).toBe(201);
      const charged = (await res.json()) as any;
      expect(charged).toMatchObject({ title: 'Charged twice', category: 'billing', priority: 'high', status: 'open' });
      expect(typeof charged.id).toBe('number');

      // requests.post(f"{API}/tickets/", data={...}): a form body, defaults applied.
      res = await fetch(`${api}/tickets/`, {
        method: 'POST',
        body: new URLSearchParams({ title: 'Password reset mail never arrives', description: 'Tried three times, nothing in spam.' }),
      });
      expect(res.status).toBe(201);
      const reset = (await res.json()) as any;
      expect(reset).toMatchObject({ category: 'general', priority: 'medium', status: 'open' });

      // A client that forgot the trailing slash: redirected with method and body kept.
      res = await fetch(`${api}/tickets`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          title: 'API returns 500 on export',
          description: 'Export of the refund report fails.',
          category: 'technical',
          priority: 'critical',
        }),
      });
      expect(res.status).toBe(201);
      expect(res.redirected).toBe(true);

      // Validation errors are DRF's, so the client's error display keeps working.
      res = await fetch(`${api}/tickets/`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ title: '', priority: 'urgent' }),
      });
      expect(res.status).toBe(400);
      expect((await res.json()) as any).toEqual({
        title: ['This field may not be blank.'],
        description: ['This field is required.'],
        priority: ['"urgent" is not a valid choice.'],
      });

      // requests.get(f"{API}/tickets/"): a plain array, newest first.
      const all = await getJson(`${api}/tickets/`);
      expect(all.body.map((t: { title: string }) => t.title)).toEqual([
        'API returns 500 on export',
        'Password reset mail never arrives',
        'Charged twice',
      ]);
      expect(all.res.headers.get('x-total-count')).toBe('3');

      // Filters and search, alone and together.
      expect((await getJson(`${api}/tickets/?category=billing`)).body.map((t: { id: number }) => t.id)).toEqual([charged.id]);
      expect((await getJson(`${api}/tickets/?priority=critical&status=open`)).body).toHaveLength(1);
      expect((await getJson(`${api}/tickets/?search=refund`)).body).toHaveLength(1);
      expect((await getJson(`${api}/tickets/?search=CHARGED%20march`)).body.map((t: { id: number }) => t.id)).toEqual([charged.id]);
      expect((await getJson(`${api}/tickets/?search=refund&category=billing`)).body).toEqual([]);

      // requests.patch(f"{API}/tickets/{id}/", json={"status": "resolved"})
      res = await fetch(`${api}/tickets/${charged.id}/`, {
        method: 'PATCH',
        headers: JSON_HEADERS,
        body: JSON.stringify({ status: 'resolved' }),
      });
      expect(res.status).toBe(200);
      const resolved = (await res.json()) as any;
      expect(resolved).toMatchObject({ id: charged.id, title: 'Charged twice', status: 'resolved' });
      expect(resolved.created_at).toBe(charged.created_at);

      res = await fetch(`${api}/tickets/${charged.id}/`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify(resolved) });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, PATCH, HEAD, OPTIONS');
      res = await fetch(`${api}/tickets/not-a-number/`, { method: 'PATCH', headers: JSON_HEADERS, body: '{}' });
      expect(res.status).toBe(404);
      expect((await res.json()) as any).toEqual({ detail: 'Not found.' });

      // requests.get(f"{API}/tickets/stats/")
      const stats = (await getJson(`${api}/tickets/stats/`)).body;
      expect(stats).toMatchObject({
        total_tickets: 3,
        open_tickets: 2,
        priority_breakdown: { low: 0, medium: 1, high: 1, critical: 1 },
        category_breakdown: { billing: 1, technical: 1, account: 0, general: 1 },
      });
      expect(typeof stats.avg_tickets_per_day).toBe('number');

      // A client that pages by following Link rel="next" sees every ticket once.
      const seen: number[] = [];
      let next: string | null = `${api}/tickets/?page_size=2`;
      while (next) {
        const page = await getJson(next);
        seen.push(...page.body.map((t: { id: number }) => t.id));
        next = /<([^>]+)>;\s*rel="next"/.exec(page.res.headers.get('link') ?? '')?.[1] ?? null;
      }
      expect(seen).toEqual(all.body.map((t: { id: number }) => t.id));
    });
  },
  { env: { ANONYMOUS_ACCESS: 'write' }, caller: 'anonymous' },
);

describeOnDatabases(
  'the same client without ANONYMOUS_ACCESS',
  (ctx) => {
    it.each([
      ['GET', '/api/tickets/'],
      ['POST', '/api/tickets/'],
      ['GET', '/api/tickets/stats/'],
      ['POST', '/api/tickets/classify/'],
    ])('%s %s is refused with DRF 401 and WWW-Authenticate', async (method, url) => {
      const res = await ctx.http({
        method: method as 'GET',
        url,
        payload: method === 'POST' ? { description: 'x', title: 'x' } : undefined,
      });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Token');
      expect(res.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    });
  },
  { caller: 'anonymous' },
);
