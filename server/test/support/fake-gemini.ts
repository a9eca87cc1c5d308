// A real HTTP server standing in for the Gemini REST API in tests, so the real @google/genai SDK
// is exercised end to end (URL building, headers, body, error handling) without the network.
// Each test scripts the replies and inspects the recorded requests.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeGeminiReply =
  /** 200 with one candidate whose text is `text` (JSON or not, as the test needs). */
  | { kind: 'text'; text: string; delayMs?: number }
  /** An error status with a Gemini-shaped error body. */
  | { kind: 'status'; status: number; message?: string }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** 200 with `candidates: []`. */
  | { kind: 'empty' }
  /** 200 with no candidates and `promptFeedback.blockReason`. */
  | { kind: 'blocked'; reason?: string }
  /** 200 with an arbitrary JSON body. */
  | { kind: 'raw'; body: unknown; delayMs?: number };

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. /v1beta/models/gemini-2.5-flash:generateContent. */
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
}

export interface FakeGemini {
  /** Pass as GEMINI_BASE_URL / httpOptions.baseUrl. */
  readonly baseUrl: string;
  readonly requests: readonly RecordedRequest[];
  /** Replies used in order, one per request; the last one repeats once the queue is down to it. */
  script(...replies: FakeGeminiReply[]): void;
  reset(): void;
  close(): Promise<void>;
}

export function candidateBody(text: string): unknown {
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 100, candidatesTokenCount: 10, totalTokenCount: 110 },
    modelVersion: 'fake',
  };
}

const GENERATE_PATH = /^\/v1beta\/models\/[^/]+:generateContent$/;

export async function startFakeGemini(): Promise<FakeGemini> {
  const requests: RecordedRequest[] = [];
  let queue: FakeGeminiReply[] = [{ kind: 'text', text: '{"category":"general","priority":"medium"}' }];

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      requests.push({ method: req.method ?? '', path: url.pathname, query: url.search, headers: req.headers, rawBody, body });

      if (req.method !== 'POST' || !GENERATE_PATH.test(url.pathname)) {
        sendJson(res, 404, { error: { code: 404, message: `no route ${req.method} ${url.pathname}`, status: 'NOT_FOUND' } });
        return;
      }
      const reply = (queue.length > 1 ? queue.shift() : queue[0]) ?? { kind: 'empty' };
      const after = (delayMs: number | undefined, send: () => void) => (delayMs ? setTimeout(send, delayMs) : send());
      switch (reply.kind) {
        case 'text':
          after(reply.delayMs, () => sendJson(res, 200, candidateBody(reply.text)));
          return;
        case 'raw':
          after(reply.delayMs, () => sendJson(res, 200, reply.body));
          return;
        case 'status':
          sendJson(res, reply.status, { error: { code: reply.status, message: reply.message ?? 'scripted failure', status: 'SCRIPTED' } });
          return;
        case 'empty':
          sendJson(res, 200, { candidates: [], usageMetadata: { promptTokenCount: 100, totalTokenCount: 100 } });
          return;
        case 'blocked':
          sendJson(res, 200, { promptFeedback: { blockReason: reply.reason ?? 'SAFETY', safetyRatings: [] } });
          return;
        case 'hang':
          return; // keep the socket open and never write; close() destroys it
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script(...replies) {
      if (replies.length === 0) throw new Error('script() needs at least one reply');
      queue = replies;
    },
    reset() {
      requests.length = 0;
      queue = [{ kind: 'text', text: '{"category":"general","priority":"medium"}' }];
    },
    close() {
      // Hanging requests keep sockets open; without this, close() would wait for them forever.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
