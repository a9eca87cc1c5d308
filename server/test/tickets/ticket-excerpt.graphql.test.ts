// `Ticket.excerpt` over GraphQL: search results show the piece of each description
// where the search's first term appears, bounded in length, and a length or search
// text out of bounds is BAD_USER_INPUT naming the argument.
import { expect, it } from 'vitest';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const SEARCH = `query($search: String, $length: Int) {
  tickets(search: $search, first: 10) { edges { node { title excerpt(around: $search, length: $length) } } }
}`;

const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');

describeOnDatabases('ticket excerpts over GraphQL', (ctx) => {
  it('shows the part of each description where the search matched, within the length', async () => {
    await createTicket(ctx.db, { title: 'Billing question', description: `${filler(200)} the INVOICE was sent twice ${filler(200)}` });
    await createTicket(ctx.db, { title: 'Invoice missing', description: `${filler(200)} nothing else here` });
    const res = await ctx.gql(SEARCH, { search: 'invoice', length: 80 });
    expect(res.errors).toBeUndefined();
    const excerpts = Object.fromEntries(
      res.data!.tickets.edges.map((e: { node: { title: string; excerpt: string } }) => [e.node.title, e.node.excerpt]),
    );
    expect(excerpts['Billing question']).toMatch(/^….* the INVOICE was sent twice .*…$/);
    expect([...excerpts['Billing question']].length).toBeLessThanOrEqual(80);
    // Matched by its title: the description's start.
    expect(excerpts['Invoice missing']).toMatch(/^filler0 filler1 .*…$/);
  });

  it('starts at the description without a search, 160 characters by default', async () => {
    await createTicket(ctx.db, { title: 'Plain', description: filler(100) });
    const res = await ctx.gql('{ tickets { edges { node { excerpt } } } }');
    expect(res.errors).toBeUndefined();
    const excerpt: string = res.data!.tickets.edges[0].node.excerpt;
    expect(excerpt.startsWith('filler0 filler1')).toBe(true);
    expect([...excerpt].length).toBeLessThanOrEqual(160);
    expect([...excerpt].length).toBeGreaterThan(140);
  });

  it.each([
    [{ search: 'x', length: 19 }, 'length'],
    [{ search: 'x', length: 501 }, 'length'],
    [{ search: 'x', length: -1 }, 'length'],
    [{ search: 'y'.repeat(201), length: 100 }, 'around'],
  ])('refuses %o with BAD_USER_INPUT naming the argument', async (vars, field) => {
    const { id } = await createTicket(ctx.db, { title: 'x y', description: 'x y' });
    const res = await ctx.gql(
      'query($id: ID!, $search: String, $length: Int) { ticket(id: $id) { excerpt(around: $search, length: $length) } }',
      {
        id: String(id),
        ...vars,
      },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
