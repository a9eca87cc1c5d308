// The error serializer on errors that need no database: what stays, what goes.
import { describe, expect, it } from 'vitest';
import { serializeError } from '../../src/http/logger.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

describe('serializeError', () => {
  it('drops the body excerpt of a JSON syntax error, keeping what went wrong', () => {
    // V8 quotes the start of the text: `Unexpected token 'm', "my card 44"... is not valid JSON`.
    const error = thrown(() => JSON.parse('my card 4417 was charged twice'));
    const out = serializeError(error);
    expect(out.type).toBe('SyntaxError');
    expect(out.message).toMatch(/JSON/);
    expect(JSON.stringify(out)).not.toContain('my card');
  });

  it('keeps only allow-listed fields, so a driver field carrying data never leaks', () => {
    const error = Object.assign(new Error('boom'), { code: 'E1', detail: 'Failing row contains (secret words)', body: 'secret words' });
    const out = serializeError(error);
    expect(out).toMatchObject({ type: 'Error', message: 'boom', code: 'E1' });
    expect(JSON.stringify(out)).not.toContain('secret');
  });

  it('keeps where a connection failed', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
      address: '127.0.0.1',
      port: 5432,
    });
    expect(serializeError(error)).toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port: 5432 });
  });

  it('follows causes, removing bound values found anywhere in the chain', () => {
    const cause = Object.assign(new Error('value "Hi" and my long secret text'), { code: 'XX000' });
    const error = Object.assign(new Error('Failed query: select 1\nparams: Hi,my long secret text', { cause }), {
      query: 'select 1',
      params: ['Hi', 'my long secret text'],
    });
    const out = serializeError(error);
    expect(out.message).toBe('Failed query');
    expect((out.cause as { message: string }).message).toBe('value "[redacted]" and [redacted]');
  });

  it('turns a thrown non-Error into its type and text, never its fields', () => {
    expect(serializeError({ password: 'x' })).toEqual({ type: 'object', message: '[object Object]', stack: '' });
  });
});
