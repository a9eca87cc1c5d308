// The last line of defence behind the response-size estimate: a response over the
// byte bound, or too large to serialise at all, becomes a GraphQL error with a code.
import { describe, expect, it } from 'vitest';
import { OPERATION_LIMITS } from '../../src/graphql/operation-limits.js';
import { requestLoggerPlugin } from '../../src/graphql/request-logger.plugin.js';
import { createBoundedStringify } from '../../src/graphql/response-limit.js';

function recordingLog() {
  const lines: string[] = [];
  return { lines, error: (_obj: object, msg: string) => void lines.push(msg) };
}

describe('the bounded response serialiser', () => {
  it('sends a response within the bound unchanged', () => {
    const log = recordingLog();
    const result = { data: { stats: { totalTickets: 3 } } };
    expect(createBoundedStringify(log)(result)).toBe(`${JSON.stringify(result)}\n`);
    expect(log.lines).toEqual([]);
  });

  it('answers a response over the byte bound with RESPONSE_LIMIT_EXCEEDED and the bound', () => {
    const log = recordingLog();
    // 100 characters of three UTF-8 bytes each: 300 bytes, within 100 UTF-16 units.
    const body = createBoundedStringify(log, 200)({ data: { text: '€'.repeat(100) } });
    expect(JSON.parse(body)).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'RESPONSE_LIMIT_EXCEEDED', maxResponseBytes: 200 } }],
    });
    expect(log.lines).toHaveLength(1);
  });

  it('logs through the logger of the request whose result it is, as Apollo hands it over (a copy of the result)', async () => {
    const server = recordingLog();
    const request = recordingLog();
    const data = { text: '€'.repeat(100) };
    const hooks = await requestLoggerPlugin.requestDidStart!({ contextValue: { logger: request } } as never);
    await hooks!.willSendResponse!({ response: { body: { kind: 'single', singleResult: { data } } } } as never);
    createBoundedStringify(server, 200)({ errors: undefined, data, extensions: undefined });
    expect(request.lines).toHaveLength(1);
    expect(server.lines).toEqual([]);
  });

  it("answers a response too large for a string (V8's RangeError) the same way, not with a 500", () => {
    const log = recordingLog();
    const huge = {
      toJSON() {
        throw new RangeError('Invalid string length');
      },
    };
    const body = createBoundedStringify(log)({ data: { huge } as never });
    expect(JSON.parse(body).errors[0].extensions).toEqual({
      code: 'RESPONSE_LIMIT_EXCEEDED',
      maxResponseBytes: OPERATION_LIMITS.maxResponseBytes,
    });
  });

  it('does not hide other serialisation failures', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => createBoundedStringify(recordingLog())({ data: cyclic })).toThrow(TypeError);
  });
});
