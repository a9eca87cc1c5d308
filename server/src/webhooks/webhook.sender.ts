// One HTTP attempt of a delivery: POST the signed body, wait at most the timeout for
// the whole answer, follow no redirect (a 3xx is a failed attempt), and connect only
// to addresses checked as public (webhook-url.ts) unless private ones are allowed.
// node:http rather than fetch: it takes the lookup that checks the address connected to.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { WebhookAttemptError } from './webhook.enums.js';
import { AddressRefusedError, guardedLookup, refusedLiteralHost } from './webhook-url.js';

export type AttemptOutcome = { statusCode: number } | { error: WebhookAttemptError };

export interface SendOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
  /** Aborts the attempt (the process is stopping). */
  signal?: AbortSignal;
}

function outcomeOf(error: unknown, timedOut: boolean, stopping: boolean): AttemptOutcome {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof AddressRefusedError) return { error: WebhookAttemptError.ADDRESS_REFUSED };
  }
  if (timedOut) return { error: WebhookAttemptError.TIMEOUT };
  if (stopping) return { error: WebhookAttemptError.ABORTED };
  return { error: WebhookAttemptError.CONNECTION_FAILED };
}

export function sendWebhook(options: SendOptions): Promise<AttemptOutcome> {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return Promise.resolve({ error: WebhookAttemptError.CONNECTION_FAILED });
  }
  if (refusedLiteralHost(url, options.allowPrivate) !== null) return Promise.resolve({ error: WebhookAttemptError.ADDRESS_REFUSED });
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<AttemptOutcome>((resolve) => {
    const settle = (outcome: AttemptOutcome) => resolve(outcome);
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        lookup: guardedLookup(options.allowPrivate),
        signal,
        // A fresh connection per attempt: a kept-alive one could outlive a check of its address.
        agent: false,
      },
      (res: IncomingMessage) => {
        // The answer's body is not kept: read to its end (within the timeout), then settle.
        res.on('data', () => {});
        res.on('end', () => settle({ statusCode: res.statusCode ?? 0 }));
        res.on('error', (error) => settle(outcomeOf(error, timeout.aborted, options.signal?.aborted ?? false)));
      },
    );
    req.on('error', (error) => settle(outcomeOf(error, timeout.aborted, options.signal?.aborted ?? false)));
    req.end(options.body);
  });
}
