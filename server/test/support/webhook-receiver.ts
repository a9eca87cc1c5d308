// A real HTTP receiver of webhooks on 127.0.0.1: records every request it gets (raw
// body, headers, when it started and ended) and answers as the test decides: a
// status, a redirect, or no answer at all until the sender gives up.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed body (every delivery is JSON). */
  json: Record<string, any>;
  /** What the receiver answered; null: it hung up or never answered. */
  answered: number | null;
}

/**
 * What to do with a request: answer a status (and headers), `hang` (never answer), or
 * answer a status once a promise settles (the request counts as received at once).
 */
export type Answer = number | { status: number; headers: Record<string, string> } | 'hang' | Promise<number>;

export interface WebhookReceiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Changes how later requests are answered. */
  answerWith(decide: (request: ReceivedRequest) => Answer): void;
  /** Resolves once `predicate` holds over the requests received (checked on each one). */
  until(predicate: (requests: ReceivedRequest[]) => boolean, what?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  decide: (request: ReceivedRequest) => Answer = () => 200,
  onRequest?: (request: ReceivedRequest, phase: 'start' | 'end') => void,
): Promise<WebhookReceiver> {
  let decider = decide;
  const requests: ReceivedRequest[] = [];
  const waiters: { predicate: (r: ReceivedRequest[]) => boolean; resolve: () => void }[] = [];
  const hanging = new Set<ServerResponse>();
  const check = () => {
    for (const waiter of [...waiters]) {
      if (waiter.predicate(requests)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedRequest = { path: req.url ?? '/', headers: req.headers, body, json: JSON.parse(body || '{}'), answered: null };
      onRequest?.(request, 'start');
      res.on('close', () => {
        hanging.delete(res);
        onRequest?.(request, 'end');
      });
      const answer = decider(request);
      if (answer === 'hang') {
        hanging.add(res);
      } else if (answer instanceof Promise) {
        hanging.add(res);
        void answer.then((status) => {
          if (!hanging.delete(res)) return;
          request.answered = status;
          res.writeHead(status).end('ok');
        });
      } else {
        const { status, headers } = typeof answer === 'number' ? { status: answer, headers: {} } : answer;
        request.answered = status;
        res.writeHead(status, headers).end('ok');
      }
      requests.push(request);
      check();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    answerWith(next) {
      decider = next;
    },
    until(predicate, what = 'the expected requests') {
      if (predicate(requests)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        // Within the test's own 30 s, so that a failure names what it waited for.
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${requests.length} requests`)), 20_000);
        waiters.push({
          predicate,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
