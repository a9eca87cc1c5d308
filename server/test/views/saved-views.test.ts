// Saved views on every test database, over GraphQL and REST: a person saves the
// list's filter, search and order under a name, finds it again from another client
// (a token acting for them), renames, changes and deletes it; the list's own rules
// check what is saved; and nobody sees or changes another person's views (not found,
// as if they did not exist).
import { beforeAll, describe, expect, it } from 'vitest';
import { SAVED_VIEWS_MAX } from '../../src/views/saved-view.validation.js';
import { createCaller, createTicket, createToken } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const VIEW = `id name search orderBy createdAt updatedAt
  filter { categories priorities statuses createdAfter createdBefore suggestedCategories suggestedPriorities suggestionOutcomes assignee { me none userIds } }`;
const LIST = `{ savedViews { ${VIEW} } }`;
const CREATE = `mutation($input: CreateSavedViewInput!) { createSavedView(input: $input) { savedView { ${VIEW} } userErrors { field code message } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSavedViewInput!) { updateSavedView(id: $id, input: $input) { savedView { ${VIEW} } userErrors { field code } } }`;
const DELETE = `mutation($id: ID!) { deleteSavedView(id: $id) { deletedId userErrors { field code } } }`;

type Headers = Record<string, string>;

/** A value as GraphQL gave it, without `__typename`s or nulls: what `tickets(filter:)` takes. */
function asArgument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asArgument);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => key !== '__typename' && v !== null)
      .map(([key, v]) => [key, asArgument(v)]),
  );
}

describeOnDatabases('saved views', (ctx) => {
  let agent: Awaited<ReturnType<typeof createCaller>>;
  let other: Headers;
  const asAgent = () => ({ authorization: agent.authorization });
  const gqlAs = <T = Record<string, any>>(headers: Headers, query: string, variables?: Record<string, unknown>) =>
    ctx.gqlWith<T>(headers, query, variables);
  const create = async (headers: Headers, input: Record<string, unknown>) => {
    const res = await gqlAs(headers, CREATE, { input });
    expect(res.errors).toBeUndefined();
    return res.data!.createSavedView;
  };

  beforeAll(async () => {
    agent = await createCaller(ctx.db, 'agent');
    other = { authorization: (await createCaller(ctx.db, 'agent')).authorization };
  });

  describe('over GraphQL', () => {
    it('saves a view and lists it back in the shapes `tickets` takes, and the list shows what it says', async () => {
      await createTicket(ctx.db, { title: 'critical refund', priority: 'critical', status: 'open', assigneeUserId: agent.user.id });
      await createTicket(ctx.db, { title: 'low refund', priority: 'low', status: 'open', assigneeUserId: agent.user.id });
      await createTicket(ctx.db, { title: 'closed refund', priority: 'critical', status: 'closed', assigneeUserId: agent.user.id });
      await createTicket(ctx.db, { title: 'not mine refund', priority: 'critical', status: 'open' });
      const { savedView, userErrors } = await create(asAgent(), {
        name: '  My open refunds  ',
        filter: { statuses: ['OPEN', 'IN_PROGRESS'], assignee: { me: true } },
        search: ' refund ',
        orderBy: 'PRIORITY',
      });
      expect(userErrors).toEqual([]);
      expect(savedView).toMatchObject({
        name: 'My open refunds',
        search: 'refund',
        orderBy: 'PRIORITY',
        filter: { statuses: ['OPEN', 'IN_PROGRESS'], categories: null, assignee: { me: true, none: false, userIds: [] } },
      });
      const listed = (await gqlAs(asAgent(), LIST)).data!.savedViews;
      expect(listed).toEqual([savedView]);

      const view = listed[0];
      const tickets = await gqlAs(
        asAgent(),
        `query($filter: TicketFilter, $search: String, $orderBy: TicketOrder) { tickets(filter: $filter, search: $search, orderBy: $orderBy) { nodes { title } } }`,
        { filter: asArgument(view.filter), search: view.search, orderBy: view.orderBy },
      );
      expect(tickets.data!.tickets.nodes.map((n: { title: string }) => n.title)).toEqual(['critical refund', 'low refund']);
    });

    it('keeps `me` as whoever opens the view, and saves no filter as none', async () => {
      const { savedView } = await create(asAgent(), { name: 'Everything' });
      expect(savedView).toMatchObject({ search: null, orderBy: 'NEWEST_FIRST' });
      expect(Object.values(savedView.filter).every((v) => v === null)).toBe(true);
      const mine = (await create(asAgent(), { name: 'Mine', filter: { assignee: { me: true, userIds: ['7', '3', '7'] } } })).savedView;
      expect(mine.filter.assignee).toEqual({ me: true, none: false, userIds: ['3', '7'] });
    });

    it('lists the views of the person a token acts for, whichever client saved them', async () => {
      const { savedView } = await create(asAgent(), { name: 'Queue' });
      const secondToken = await createToken(ctx.db, agent.user);
      const listed = await gqlAs({ authorization: `Token ${secondToken.token}` }, LIST);
      expect(listed.data!.savedViews.map((v: { id: string }) => v.id)).toEqual([savedView.id]);
    });

    it('refuses a bad name, filter, search and order, every field at once, with the list’s codes', async () => {
      const res = await create(asAgent(), {
        name: ' ',
        filter: { createdAfter: '0000-06-01T00:00:00Z', assignee: {} },
        search: 'x'.repeat(201),
      });
      expect(res.savedView).toBeNull();
      expect(res.userErrors.map(({ field, code }: { field: string; code: string }) => ({ field, code }))).toEqual([
        { field: 'name', code: 'BLANK' },
        { field: 'filter.createdAfter', code: 'OUT_OF_RANGE' },
        { field: 'filter.assignee', code: 'REQUIRED' },
        { field: 'search', code: 'TOO_LONG' },
      ]);
      const long = await create(asAgent(), { name: 'n'.repeat(81) });
      expect(long.userErrors).toMatchObject([{ field: 'name', code: 'TOO_LONG' }]);
      expect((await gqlAs(asAgent(), LIST)).data!.savedViews).toEqual([]);
    });

    it('refuses a name one of the person’s views has, case aside, but not another person’s', async () => {
      const first = (await create(asAgent(), { name: 'Critical' })).savedView;
      const again = await create(asAgent(), { name: 'cRITICAL' });
      expect(again.userErrors).toMatchObject([{ field: 'name', code: 'TAKEN' }]);
      expect((await create(other, { name: 'critical' })).userErrors).toEqual([]);
      // Renaming a view to its own name in another case is no clash.
      const renamed = await gqlAs(asAgent(), UPDATE, { id: first.id, input: { name: 'CRITICAL' } });
      expect(renamed.data!.updateSavedView).toMatchObject({ savedView: { name: 'CRITICAL' }, userErrors: [] });
      const second = (await create(asAgent(), { name: 'Second' })).savedView;
      const clash = await gqlAs(asAgent(), UPDATE, { id: second.id, input: { name: 'critical' } });
      expect(clash.data!.updateSavedView).toMatchObject({ savedView: null, userErrors: [{ field: 'name', code: 'TAKEN' }] });
    });

    it(`keeps at most ${SAVED_VIEWS_MAX} views a person`, async () => {
      for (let i = 0; i < SAVED_VIEWS_MAX; i += 1) expect((await create(asAgent(), { name: `View ${i}` })).userErrors).toEqual([]);
      const refused = await create(asAgent(), { name: 'One too many' });
      expect(refused).toMatchObject({ savedView: null, userErrors: [{ field: null, code: 'TOO_MANY' }] });
      expect((await gqlAs(asAgent(), LIST)).data!.savedViews).toHaveLength(SAVED_VIEWS_MAX);
      // Another person's limit is their own.
      expect((await create(other, { name: 'Mine' })).userErrors).toEqual([]);
    });

    it('changes only what is given: null clears the filter, search and order', async () => {
      const { savedView } = await create(asAgent(), {
        name: 'Billing',
        filter: { categories: ['BILLING'] },
        search: 'invoice',
        orderBy: 'OLDEST_FIRST',
      });
      const renamed = (await gqlAs(asAgent(), UPDATE, { id: savedView.id, input: { name: 'Invoices' } })).data!.updateSavedView.savedView;
      expect(renamed).toMatchObject({ name: 'Invoices', search: 'invoice', orderBy: 'OLDEST_FIRST', filter: { categories: ['BILLING'] } });
      const resorted = (await gqlAs(asAgent(), UPDATE, { id: savedView.id, input: { orderBy: 'RECENTLY_CHANGED' } })).data!.updateSavedView
        .savedView;
      expect(resorted).toMatchObject({
        name: 'Invoices',
        search: 'invoice',
        orderBy: 'RECENTLY_CHANGED',
        filter: { categories: ['BILLING'] },
      });
      const cleared = (await gqlAs(asAgent(), UPDATE, { id: savedView.id, input: { filter: null, search: null, orderBy: null } })).data!
        .updateSavedView.savedView;
      expect(cleared).toMatchObject({ name: 'Invoices', search: null, orderBy: 'NEWEST_FIRST', filter: { categories: null } });
      const nullName = await gqlAs(asAgent(), UPDATE, { id: savedView.id, input: { name: null } });
      expect(nullName.data!.updateSavedView.userErrors).toEqual([{ field: 'name', code: 'NULL' }]);
    });

    it('deletes a view once', async () => {
      const { savedView } = await create(asAgent(), { name: 'Short-lived' });
      expect((await gqlAs(asAgent(), DELETE, { id: savedView.id })).data!.deleteSavedView).toEqual({
        deletedId: savedView.id,
        userErrors: [],
      });
      expect((await gqlAs(asAgent(), DELETE, { id: savedView.id })).data!.deleteSavedView).toEqual({
        deletedId: null,
        userErrors: [{ field: 'id', code: 'NOT_FOUND' }],
      });
      expect((await gqlAs(asAgent(), LIST)).data!.savedViews).toEqual([]);
    });

    it('does not show, change or delete another person’s view: it is not found, as one that does not exist', async () => {
      const { savedView } = await create(asAgent(), { name: 'Private' });
      expect((await gqlAs(other, LIST)).data!.savedViews).toEqual([]);
      for (const id of [savedView.id, '999999', 'not-an-id']) {
        const rename = await gqlAs(other, UPDATE, { id, input: { name: 'Mine now' } });
        expect(rename.data!.updateSavedView).toEqual({ savedView: null, userErrors: [{ field: 'id', code: 'NOT_FOUND' }] });
        const remove = await gqlAs(other, DELETE, { id });
        expect(remove.data!.deleteSavedView).toEqual({ deletedId: null, userErrors: [{ field: 'id', code: 'NOT_FOUND' }] });
      }
      expect((await gqlAs(asAgent(), LIST)).data!.savedViews).toMatchObject([{ id: savedView.id, name: 'Private' }]);
    });
  });

  describe('over REST', () => {
    const rest = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
      ctx.http({
        method,
        url,
        headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        payload: payload as object,
      });

    it('saves, lists, reads, renames and deletes a view, in the DRF shapes', async () => {
      const created = await rest(asAgent(), 'POST', '/api/views/', {
        name: 'Open critical',
        filter: { priorities: ['critical'], statuses: ['open'], created_after: '2026-01-01T00:00:00Z', assignee: { none: true } },
        search: 'outage',
        ordering: '-updated_at',
      });
      expect(created.statusCode).toBe(201);
      const view = created.json();
      expect(view).toEqual({
        id: expect.any(Number),
        name: 'Open critical',
        filter: {
          priorities: ['critical'],
          statuses: ['open'],
          created_after: '2026-01-01T00:00:00.000Z',
          assignee: { me: false, none: true, user_ids: [] },
        },
        search: 'outage',
        ordering: '-updated_at',
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      expect((await rest(asAgent(), 'GET', '/api/views/')).json()).toEqual([view]);
      expect((await rest(asAgent(), 'GET', `/api/views/${view.id}/`)).json()).toEqual(view);
      // The same view over GraphQL, in its names.
      expect((await gqlAs(asAgent(), LIST)).data!.savedViews[0]).toMatchObject({
        id: String(view.id),
        orderBy: 'RECENTLY_CHANGED',
        filter: { priorities: ['CRITICAL'], statuses: ['OPEN'], createdAfter: '2026-01-01T00:00:00.000Z' },
      });

      const renamed = await rest(asAgent(), 'PATCH', `/api/views/${view.id}/`, { name: 'Outages', ordering: 'priority' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ name: 'Outages', ordering: 'priority', search: 'outage', filter: view.filter });

      const deleted = await rest(asAgent(), 'DELETE', `/api/views/${view.id}/`);
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe('');
      expect((await rest(asAgent(), 'GET', '/api/views/')).json()).toEqual([]);
    });

    it.each([
      [{ name: '' }, { name: ['This field may not be blank.'] }],
      [{}, { name: ['This field is required.'] }],
      [{ name: 'V', filter: 'open' }, { filter: ['Invalid data. Expected a dictionary, but got str.'] }],
      [
        { name: 'V', filter: { categories: ['urgent'], created_before: 'yesterday' } },
        { filter: { categories: ['"urgent" is not a valid choice.'], created_before: ['Enter a valid date/time.'] } },
      ],
      [{ name: 'V', ordering: 'sideways' }, { ordering: ['"sideways" is not a valid choice.'] }],
    ])('refuses %j with a DRF-shaped 400', async (body, errors) => {
      const res = await rest(asAgent(), 'POST', '/api/views/', body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(errors);
    });

    it('answers a name in use and the limit as DRF field errors', async () => {
      expect((await rest(asAgent(), 'POST', '/api/views/', { name: 'Mine' })).statusCode).toBe(201);
      const taken = await rest(asAgent(), 'POST', '/api/views/', { name: 'MINE' });
      expect(taken.statusCode).toBe(400);
      expect(taken.json()).toEqual({ name: ['You already have a view with this name.'] });
      for (let i = 1; i < SAVED_VIEWS_MAX; i += 1) await create(asAgent(), { name: `View ${i}` });
      const tooMany = await rest(asAgent(), 'POST', '/api/views/', { name: 'Another' });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json()).toEqual({ non_field_errors: [`You can keep at most ${SAVED_VIEWS_MAX} views: delete one first.`] });
    });

    it('answers 404 for another person’s view, whatever the method', async () => {
      const view = (await rest(asAgent(), 'POST', '/api/views/', { name: 'Private' })).json();
      for (const [method, payload] of [['GET'], ['PATCH', { name: 'Taken over' }], ['DELETE']] as const) {
        const res = await rest(other, method, `/api/views/${view.id}/`, payload);
        expect(res.statusCode, method).toBe(404);
        expect(res.json()).toEqual({ detail: 'Not found.' });
      }
      expect((await rest(asAgent(), 'GET', `/api/views/${view.id}/`)).json()).toMatchObject({ name: 'Private' });
    });
  });
});

describeOnDatabases(
  'saved views of a caller who is no user',
  (ctx) => {
    it('are refused as unauthenticated even where anonymous callers may work tickets', async () => {
      const list = await ctx.gql('{ savedViews { id } }');
      expect(list.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      const save = await ctx.gql('mutation { createSavedView(input: { name: "Mine" }) { userErrors { code } } }');
      expect(save.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      const rest = await ctx.http({ method: 'POST', url: '/api/views/', payload: { name: 'Mine' } });
      expect(rest.statusCode).toBe(401);
      expect(rest.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
      // The tickets themselves stay open to them.
      expect((await ctx.http({ method: 'GET', url: '/api/tickets/' })).statusCode).toBe(200);
    });
  },
  { caller: 'anonymous', env: { ANONYMOUS_ACCESS: 'write' } },
);
