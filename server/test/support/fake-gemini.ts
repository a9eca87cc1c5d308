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
  | { kind: 'raw'; body: unknown; delayMs?: number }
  /**
   * 200 with a candidate whose text is `bytes` long, generated and streamed chunk by chunk
   * (never held in memory), with or without a Content-Length saying how long it is.
   * `sentBytes` records how much was written before the client hung up.
   */
  | { kind: 'huge'; bytes: number; declareLength?: boolean };

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
  /** Body bytes written for the last `huge` reply, final once `hugeReplyDone` resolves. */
  readonly sentBytes: number;
  /** Settles when the last `huge` reply has been written in full or its client went away. */
  hugeReplyDone(): Promise<void>;
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

  let sentBytes = 0;
  let hugeDone: Promise<void> = Promise.resolve();

  /** Writes with backpressure, as a real server would, until done or the socket closes. */
  const sendHuge = (res: ServerResponse, bytes: number, declareLength: boolean) => {
    const head = Buffer.from('{"candidates":[{"content":{"role":"model","parts":[{"text":"');
    const tail = Buffer.from('"}]},"finishReason":"STOP","index":0}]}');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    sentBytes = 0;
    hugeDone = new Promise<void>((resolve) => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=UTF-8',
        ...(declareLength ? { 'content-length': String(head.length + bytes + tail.length) } : {}),
      });
      let left = bytes;
      let closed = false;
      res.on('close', () => {
        closed = true;
        resolve();
      });
      const write = (buffer: Buffer) => {
        sentBytes += buffer.length;
        return res.write(buffer);
      };
      const pump = () => {
        while (!closed && left > 0) {
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= piece.length;
          if (!write(piece)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!closed) {
          write(tail);
          res.end();
        }
      };
      write(head);
      pump();
    });
  };

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
        case 'huge':
          sendHuge(res, reply.bytes, reply.declareLength ?? false);
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
    get sentBytes() {
      return sentBytes;
    },
    hugeReplyDone: () => hugeDone,
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
