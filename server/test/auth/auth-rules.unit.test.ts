// The pure rules of identity, table-driven: who may do what, how a token header is
// read, and which new passwords, emails, scopes and expiries are refused.
import { describe, expect, it } from 'vitest';
import { anonymousActor, decideAccess, sessionActor, tokenActor, type Actor } from '../../src/auth/actor.js';
import type { Access } from '../../src/auth/auth.enums.js';
import type { AuthIssue } from '../../src/auth/auth.errors.js';
import { validateEmail, validateExpiry, validateNewPassword, validateScopes } from '../../src/auth/auth.validation.js';
import { tokenFromHeader } from '../../src/auth/authentication.js';

const anonymous = anonymousActor([]);
const anonymousWriter = anonymousActor(['tickets:read', 'tickets:write', 'classify']);
const agent = sessionActor(1, 'agent', 'hash');
const admin = sessionActor(2, 'admin', 'hash');
const readToken = tokenActor(3, 9, 'admin', ['tickets:read']);
// A token asking for admin from a user who is an agent today gets no admin.
const demotedToken = tokenActor(4, 10, 'agent', ['tickets:read', 'admin']);

describe('decideAccess', () => {
  it.each<[string, Actor, Access, string]>([
    ['anonymous', anonymous, 'public', 'allowed'],
    ['anonymous', anonymous, 'graphql', 'allowed'],
    ['anonymous', anonymous, 'tickets:read', 'unauthenticated'],
    ['anonymous', anonymous, 'page', 'unauthenticated'],
    ['anonymous', anonymous, 'session', 'unauthenticated'],
    ['anonymous with write access', anonymousWriter, 'tickets:write', 'allowed'],
    ['anonymous with write access', anonymousWriter, 'page', 'allowed'],
    ['anonymous with write access', anonymousWriter, 'admin', 'unauthenticated'],
    ['an agent', agent, 'tickets:write', 'allowed'],
    ['an agent', agent, 'classify', 'allowed'],
    ['an agent', agent, 'admin', 'forbidden'],
    ['an agent', agent, 'session', 'allowed'],
    ['an admin', admin, 'admin', 'allowed'],
    ['a read-only token', readToken, 'tickets:read', 'allowed'],
    ['a read-only token', readToken, 'tickets:write', 'forbidden'],
    ['a read-only token', readToken, 'admin', 'forbidden'],
    ['a read-only token', readToken, 'session', 'forbidden'],
    ['a token of a demoted admin', demotedToken, 'admin', 'forbidden'],
  ])('%s, for %s access… → %s', (_who, actor, access, decision) => {
    expect(decideAccess(actor, access)).toBe(decision);
  });
});

describe('tokenFromHeader', () => {
  it.each<[string | undefined, string | null | undefined]>([
    [undefined, undefined],
    ['Token abc', 'abc'],
    ['token abc', 'abc'],
    ['Bearer abc', 'abc'],
    ['  Bearer   abc  ', 'abc'],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Token', null],
    ['Token a b', null],
    [`Token ${'x'.repeat(201)}`, null],
  ])('%j → %j', (header, token) => {
    expect(tokenFromHeader(header)).toBe(token);
  });
});

function issuesOf(run: (issues: AuthIssue[]) => unknown): string[] {
  const issues: AuthIssue[] = [];
  run(issues);
  return issues.map((i) => i.code);
}

describe('validateNewPassword', () => {
  it.each<[unknown, string[]]>([
    ['correct horse battery staple', []],
    ['short', ['TOO_SHORT']],
    ['password123', ['TOO_COMMON']],
    ['PASSWORD123', ['TOO_COMMON']],
    ['qwertyuiop', ['TOO_COMMON']],
    ['x'.repeat(257), ['TOO_LONG']],
    ['é'.repeat(10), []],
    ['nul\u0000character', ['INVALID']],
    [undefined, ['REQUIRED']],
    ['', ['REQUIRED']],
    [12345678901, ['INVALID_TYPE']],
  ])('%j → %j', (password, codes) => {
    expect(issuesOf((issues) => validateNewPassword(issues, 'password', password))).toEqual(codes);
  });
});

describe('validateEmail', () => {
  it.each<[unknown, string[]]>([
    ['ada@example.com', []],
    ['  Ada@Example.com ', []],
    ['ada', ['INVALID']],
    ['ada@@example.com', ['INVALID']],
    ['a da@example.com', ['INVALID']],
    ['', ['BLANK']],
    [null, ['NULL']],
    [`${'a'.repeat(250)}@example.com`, ['TOO_LONG']],
  ])('%j → %j', (email, codes) => {
    expect(issuesOf((issues) => validateEmail(issues, 'email', email))).toEqual(codes);
  });
});

describe('validateScopes', () => {
  it.each<[unknown, readonly ('tickets:read' | 'tickets:write' | 'classify' | 'admin')[], string[]]>([
    [['tickets:read'], ['tickets:read', 'classify'], []],
    [['tickets:read', 'tickets:read'], ['tickets:read'], []],
    [['admin'], ['tickets:read'], ['NOT_ALLOWED']],
    [['root'], ['tickets:read'], ['INVALID_CHOICE']],
    [[], ['tickets:read'], ['REQUIRED']],
    ['tickets:read', ['tickets:read'], ['INVALID_TYPE']],
    [undefined, ['tickets:read'], ['REQUIRED']],
  ])('%j allowed %j → %j', (scopes, allowed, codes) => {
    expect(issuesOf((issues) => validateScopes(issues, 'scopes', scopes, allowed))).toEqual(codes);
  });
});

describe('validateExpiry', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it.each<[unknown, string[]]>([
    [undefined, []],
    [null, []],
    ['2026-02-01T00:00:00Z', []],
    ['2025-12-31T00:00:00Z', ['OUT_OF_RANGE']],
    ['2040-01-01T00:00:00Z', ['OUT_OF_RANGE']],
    ['soon', ['INVALID']],
    [42, ['INVALID']],
  ])('%j → %j', (expiry, codes) => {
    expect(issuesOf((issues) => validateExpiry(issues, 'expiresAt', expiry, now))).toEqual(codes);
  });
});
