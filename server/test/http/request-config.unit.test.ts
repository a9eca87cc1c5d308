// ALLOWED_HOSTS and TRUST_PROXY are read once at start; a bad value stops the start
// naming the variable, rather than quietly trusting or refusing everyone.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('ALLOWED_HOSTS', () => {
  it("defaults to this machine's names, as Django does in development", () => {
    expect(parseConfig({}).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });

  it('reads a comma-separated list, lowercased', () => {
    expect(parseConfig({ ALLOWED_HOSTS: ' Tickets.Example.com , .example.org,*' }).allowedHosts).toEqual([
      'tickets.example.com',
      '.example.org',
      '*',
    ]);
  });

  it.each([['http://tickets.example.com'], ['tickets.example.com:8000'], ['tickets.example.com/api'], ['a b'], [','], ['*.example.com']])(
    'refuses %j, naming the variable',
    (value) => {
      expect(configError({ ALLOWED_HOSTS: value }).variable).toBe('ALLOWED_HOSTS');
    },
  );
});

describe('TRUST_PROXY', () => {
  it('is off by default, and with 0 or false', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes a hop count', () => {
    expect(parseConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('takes proxy addresses, CIDR ranges and the named ranges', () => {
    expect(parseConfig({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,fd00::/8, ::1, loopback,uniquelocal' }).trustProxy).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
      'fd00::/8',
      '::1',
      'loopback',
      'uniquelocal',
    ]);
  });

  it.each([['true'], ['yes'], ['-1'], ['10.0.0.0/33'], ['::/129'], ['proxy.internal'], ['10.0.0.256'], ['1.5'], ['10.0.0.1,']])(
    'refuses %j, naming the variable',
    (value) => {
      expect(configError({ TRUST_PROXY: value }).variable).toBe('TRUST_PROXY');
    },
  );
});
