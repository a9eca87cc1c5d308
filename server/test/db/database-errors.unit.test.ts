// Which failures are "the service cannot answer right now" (503) and which stay bugs (500).
import { describe, expect, it } from 'vitest';
import { DatabaseTimeoutError, isServiceUnavailable } from '../../src/db/database.errors.js';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isServiceUnavailable', () => {
  it.each([
    'CONNECT_TIMEOUT',
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECTION_DESTROYED',
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    '57014', // statement_timeout
    '57P01', // admin_shutdown
    '57P03', // cannot_connect_now
    '53300', // too_many_connections
    '08006', // connection_failure
    '08001', // sqlclient_unable_to_establish_sqlconnection
    'FST_ERR_HANDLER_TIMEOUT',
  ])('%s is unavailable', (code) => {
    expect(isServiceUnavailable(withCode(code))).toBe(true);
  });

  it.each([
    '42P01', // undefined_table: a broken deployment, not an outage
    '23505', // unique_violation
    '40P01', // deadlock: a retry, not an outage
    'FST_ERR_CTP_BODY_TOO_LARGE',
  ])('%s is not', (code) => {
    expect(isServiceUnavailable(withCode(code))).toBe(false);
  });

  it('looks through wrappers (drizzle puts the driver error in `cause`)', () => {
    expect(isServiceUnavailable(new Error('Failed query', { cause: withCode('CONNECT_TIMEOUT') }))).toBe(true);
    expect(isServiceUnavailable(new Error('Failed query', { cause: withCode('42P01') }))).toBe(false);
  });

  it('knows our own probe deadline, and nothing without a code', () => {
    expect(isServiceUnavailable(new DatabaseTimeoutError(1000))).toBe(true);
    expect(isServiceUnavailable(new Error('boom'))).toBe(false);
    expect(isServiceUnavailable('CONNECT_TIMEOUT')).toBe(false);
    expect(isServiceUnavailable(undefined)).toBe(false);
  });
});
