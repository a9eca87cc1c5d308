// The people a ticket can be assigned to, as any agent may read them: active users who
// can sign in (not deactivated, not invited without a password yet), by name; their
// names and ids only: emails stay for the person themselves and admins.
import { expect, it } from 'vitest';
import { createCaller, createUser } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';
import { postGraphQL } from './auth.helpers.js';

describeOnDatabases('assignable users', (ctx) => {
  it('lists active users who can sign in, by name, to an agent', async () => {
    const agent = await createCaller(ctx.db, 'agent');
    const zoe = await createUser(ctx.db, { displayName: 'Zoë Assignable' });
    const adam = await createUser(ctx.db, { displayName: 'Adam Assignable', role: 'admin' });
    const gone = await createUser(ctx.db, { displayName: 'Gone Assignable', active: false });
    const invited = await createUser(ctx.db, { displayName: 'Invited Assignable', password: null });

    const res = await postGraphQL(ctx, {
      query: '{ assignableUsers { id displayName role } }',
      headers: { authorization: agent.authorization },
    });
    const body = res.json();
    expect(body.errors).toBeUndefined();
    const listed: { id: string; displayName: string }[] = body.data.assignableUsers;
    const ids = listed.map((u) => u.id);
    expect(ids).toContain(String(agent.user.id));
    expect(ids).not.toContain(String(gone.id));
    expect(ids).not.toContain(String(invited.id));
    expect(listed.filter((u) => u.displayName.endsWith(' Assignable'))).toEqual([
      { id: String(adam.id), displayName: 'Adam Assignable', role: 'ADMIN' },
      { id: String(zoe.id), displayName: 'Zoë Assignable', role: 'AGENT' },
    ]);
  });

  it("keeps colleagues' emails from an agent (FORBIDDEN on the field), and gives them to an admin", async () => {
    const agent = await createCaller(ctx.db, 'agent');
    const admin = await createCaller(ctx.db, 'admin');
    const colleague = await createUser(ctx.db, { displayName: 'Colleague With Email' });
    const query = '{ assignableUsers { id email } }';

    const asAgent = (await postGraphQL(ctx, { query, headers: { authorization: agent.authorization } })).json();
    expect(asAgent.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(asAgent)).not.toContain(colleague.email);

    const asAdmin = (await postGraphQL(ctx, { query, headers: { authorization: admin.authorization } })).json();
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data.assignableUsers).toContainEqual({ id: String(colleague.id), email: colleague.email });
  });
});
