// No secret leaves the place it belongs: with every log line captured at debug level,
// a whole identity journey (sign-in, tokens, invitations, password change, refusals,
// a GraphQL error) must log no password, token, session id, CSRF token or
// invitation secret, and each server-made secret must appear in exactly the one
// response that handed it out (passwords in none).
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeEach, expect, it } from 'vitest';
import { createUser, FACTORY_PASSWORD } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';
import { SIGN_IN } from './auth.helpers.js';

const lines: string[] = [];
const logStream = { write: (line: string) => void lines.push(line) };

const WRONG_PASSWORD = 'Wrong-Password-Marker-1';
const INVITEE_PASSWORD = 'Invitee-Password-Marker-2';
const NEW_PASSWORD = 'New-Password-Marker-3';
const UNKNOWN_TOKEN = 'stk_UnknownTokenMarker4UnknownTokenMarker4Unknown';

interface Exchange {
  label: string;
  res: LightMyRequestResponse;
}

/** Everything a response shows the client: status line, headers (Set-Cookie included) and body. */
function visible(res: LightMyRequestResponse): string {
  return `${res.statusCode}\n${JSON.stringify(res.headers)}\n${res.body}`;
}

describeOnDatabases(
  'secrets in logs and responses',
  (ctx) => {
    beforeEach(() => {
      lines.length = 0;
    });

    it('a whole identity journey logs no secret, and each secret is only in the response that created it', async () => {
      const exchanges: Exchange[] = [];
      const send = async (label: string, options: InjectOptions) => {
        const res = await ctx.app.inject(options);
        exchanges.push({ label, res });
        return res;
      };
      const graphql = (label: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
        send(label, {
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json', ...headers },
          payload: { query, variables },
        });
      const cookiesOf = (res: LightMyRequestResponse) => Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));

      const admin = await createUser(ctx.db, { role: 'admin' });
      const agent = await createUser(ctx.db);

      // Sign-in: a failure, then a success.
      await graphql('signIn wrong', SIGN_IN, { input: { email: admin.email, password: WRONG_PASSWORD } });
      const adminSignIn = await graphql('signIn admin', SIGN_IN, { input: { email: admin.email, password: FACTORY_PASSWORD } });
      const adminCookies = cookiesOf(adminSignIn);
      const adminBrowser = {
        cookie: `sessionid=${adminCookies.sessionid}; csrftoken=${adminCookies.csrftoken}`,
        'x-csrftoken': adminCookies.csrftoken!,
      };

      // A token obtained with a password, and used.
      const obtained = await send('obtain token', {
        method: 'POST',
        url: '/api/auth/token/',
        headers: { 'content-type': 'application/json' },
        payload: { email: agent.email, password: FACTORY_PASSWORD },
      });
      const obtainedToken: string = obtained.json().token;
      await send('use obtained token', { method: 'GET', url: '/api/tickets/', headers: { authorization: `Token ${obtainedToken}` } });
      await graphql('use obtained token (GraphQL)', '{ me { id } }', {}, { authorization: `Bearer ${obtainedToken}` });

      // The cookie, on both APIs.
      await send('use cookie', { method: 'GET', url: '/api/tickets/', headers: { cookie: adminBrowser.cookie } });
      await send('use cookie to write', {
        method: 'POST',
        url: '/api/tickets/',
        headers: { ...adminBrowser, 'content-type': 'application/json' },
        payload: { title: 'Logged', description: 'Written with a session cookie.' },
      });

      // An admin creates a token, and invites someone who accepts.
      const created = await graphql(
        'createApiToken',
        'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id prefix } } }',
        { input: { name: 'Logged token', scopes: ['TICKETS_READ'] } },
        adminBrowser,
      );
      const createdToken: string = created.json().data.createApiToken.token;
      await send('use created token', { method: 'GET', url: '/api/tickets/', headers: { authorization: `Token ${createdToken}` } });
      await graphql('list tokens', '{ apiTokens { id prefix name } }', {}, adminBrowser);

      const invited = await graphql(
        'inviteUser',
        'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { invitationUrl user { id } } }',
        { input: { email: 'logged.invitee@example.com', displayName: 'Invitee', role: 'AGENT' } },
        adminBrowser,
      );
      const invitationUrl = new URL(invited.json().data.inviteUser.invitationUrl);
      const invitationSecret = invitationUrl.searchParams.get('token')!;
      // The invitee's browser opens the link, sends a malformed accept (a GraphQL
      // error about an input carrying the link's secret and a password), then accepts.
      await send('open invitation link', {
        method: 'GET',
        url: `${invitationUrl.pathname}${invitationUrl.search}`,
        headers: { accept: 'text/html' },
      });
      await graphql(
        'GraphQL error with the link',
        'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } } }',
        { input: { token: invitationSecret, password: INVITEE_PASSWORD, rememberMe: true } },
      );
      const accepted = await graphql(
        'acceptInvitation',
        'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } userErrors { code } } }',
        { input: { token: invitationSecret, password: INVITEE_PASSWORD } },
      );
      const inviteeCookies = cookiesOf(accepted);
      const inviteeBrowser = {
        cookie: `sessionid=${inviteeCookies.sessionid}; csrftoken=${inviteeCookies.csrftoken}`,
        'x-csrftoken': inviteeCookies.csrftoken!,
      };
      await graphql(
        'changePassword',
        'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } userErrors { code } } }',
        { input: { currentPassword: INVITEE_PASSWORD, newPassword: NEW_PASSWORD } },
        inviteeBrowser,
      );

      // Refusals and errors.
      await send('invalid token', { method: 'GET', url: '/api/tickets/', headers: { authorization: `Token ${UNKNOWN_TOKEN}` } });
      await graphql('invalid token (GraphQL)', '{ me { id } }', {}, { authorization: `Bearer ${UNKNOWN_TOKEN}` });
      await graphql('CSRF refused', '{ me { id } }', {}, { cookie: adminBrowser.cookie, 'x-csrftoken': 'wrong' });
      // A GraphQL error about an input that carries a password.
      await graphql('GraphQL error', SIGN_IN, { input: { email: admin.email, password: WRONG_PASSWORD, remember: true } });
      await graphql('GraphQL syntax error', `mutation { signIn(input: {email: "${admin.email}", password: "${WRONG_PASSWORD}" }`, {});

      // Every step did what it should (a leak check over failed steps would prove nothing).
      expect(adminSignIn.json().data.signIn.user).not.toBeNull();
      expect(obtained.statusCode).toBe(201);
      expect(createdToken).toMatch(/^stk_/);
      expect(accepted.json().data.acceptInvitation.userErrors).toEqual([]);
      expect(exchanges.find((e) => e.label === 'changePassword')!.res.json().data.changePassword.userErrors).toEqual([]);
      expect(exchanges.find((e) => e.label === 'use cookie to write')!.res.statusCode).toBe(201);
      for (const label of ['GraphQL error', 'GraphQL error with the link']) {
        expect(exchanges.find((e) => e.label === label)!.res.json().errors[0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'input',
        });
      }

      /** Each secret, and the responses allowed to show it. */
      const secrets: [name: string, value: string, shownBy: string[]][] = [
        ['factory password', FACTORY_PASSWORD, []],
        ['wrong password', WRONG_PASSWORD, []],
        ['invitee password', INVITEE_PASSWORD, []],
        ['new password', NEW_PASSWORD, []],
        ['admin session id', adminCookies.sessionid!, ['signIn admin']],
        ['admin csrf token', adminCookies.csrftoken!, ['signIn admin']],
        ['invitee session id', inviteeCookies.sessionid!, ['acceptInvitation']],
        ['invitee csrf token', inviteeCookies.csrftoken!, ['acceptInvitation']],
        ['obtained token', obtainedToken, ['obtain token']],
        ['created token', createdToken, ['createApiToken']],
        ['invitation secret', invitationSecret, ['inviteUser']],
        ['unknown token', UNKNOWN_TOKEN, []],
      ];
      expect(lines.length).toBeGreaterThan(exchanges.length);
      for (const [name, value, shownBy] of secrets) {
        expect(value.length, name).toBeGreaterThanOrEqual(12);
        const logged = lines.filter((line) => line.includes(value) || line.includes(encodeURIComponent(value)));
        expect.soft(logged, `${name} in the log`).toEqual([]);
        const showing = exchanges.filter((e) => visible(e.res).includes(value)).map((e) => e.label);
        expect.soft(showing, `responses showing the ${name}`).toEqual(shownBy);
      }
    });
  },
  { env: { LOG_LEVEL: 'debug' }, logStream },
);
