// The last line of defence behind the response-size estimate: a serialised response
// over OPERATION_LIMITS.maxResponseBytes (or too large for a JavaScript string at all)
// is answered as a GraphQL error with a code, never sent whole, never a 500.
import type { FormattedExecutionResult } from 'graphql';
import type { ErrorLogger } from './errors.js';
import { describeLimit, OPERATION_LIMIT_CODES, OPERATION_LIMITS } from './operation-limits.js';
import { requestLoggerOf } from './request-logger.plugin.js';

/** Apollo's `stringifyResult`, bounded; `fallbackLog` where the result is not a request's (request-logger.plugin.ts). */
export function createBoundedStringify(fallbackLog: ErrorLogger, maxBytes: number = OPERATION_LIMITS.maxResponseBytes) {
  const refusal = `${JSON.stringify({
    errors: [
      {
        message: describeLimit('maxResponseBytes', maxBytes),
        extensions: { code: OPERATION_LIMIT_CODES.maxResponseBytes, maxResponseBytes: maxBytes },
      },
    ],
  })}\n`;
  return (result: FormattedExecutionResult): string => {
    const log = requestLoggerOf(result.data ?? result.errors, fallbackLog);
    let body: string;
    try {
      body = `${JSON.stringify(result)}\n`;
    } catch (error) {
      // V8's "Invalid string length": the response would be hundreds of megabytes.
      if (!(error instanceof RangeError)) throw error;
      log.error({ err: error }, 'GraphQL response too large to serialise');
      return refusal;
    }
    // A UTF-16 length within a third of the bound cannot exceed it in UTF-8.
    const bytes = body.length * 3 <= maxBytes ? body.length : Buffer.byteLength(body);
    if (bytes <= maxBytes) return body;
    // The static estimate should have refused this operation: a bound in response-size.ts is wrong.
    log.error({ bytes, maxBytes }, 'GraphQL response over the byte limit');
    return refusal;
  };
}
