// The subscribers of `npm run bench:fanout`, in a process of their own (started by
// subscription-fanout.ts, driven over its IPC channel): their CPU is not the
// server's, and each message's receipt is timed here, on the client's side of the
// socket, as the first thing done with it. Each subscriber is one WebSocket speaking
// graphql-transport-ws (graphql-ws's protocol, what Apollo Client speaks) by hand,
// with no client library between the socket and the clock; its token goes in
// `connection_init`, as an integrator sends it.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export type ToClients =
  /** Opens `count` more subscribers (each: connect, `connection_init`, once acknowledged `subscribe`). */
  | { type: 'open'; url: string; authorization: string; count: number; query: string; operationName: string }
  /** How many activities each subscriber has received so far. */
  | { type: 'counts' }
  /** From now on, CPU time and event-loop use are counted for `collect`. */
  | { type: 'mark' }
  | { type: 'collect' }
  | { type: 'close' };

export type FromClients =
  | { type: 'opened'; subscribers: number }
  | { type: 'counts'; received: number[]; closed: number; errors: number }
  | {
      type: 'records';
      /** One entry per `next` message received: its subscriber, the last event id it carries, and when (epoch ms, µs resolution). */
      subscriber: number[];
      eventId: number[];
      receivedAt: number[];
      /** Messages whose payload had errors, and sockets the server closed, with their close codes. */
      errors: number;
      closeCodes: number[];
      /** Since `mark`: this process's CPU time, and how busy its event loop was (0..1). */
      cpuMs: number;
      eventLoopUtilization: number;
      /** Date.now() minus this process's µs clock, at the end: the two agree (a check of the clock used). */
      clockSkewMs: number;
    }
  | { type: 'failed'; message: string };

/** Subscribers opened at once: 200 simultaneous handshakes would measure the server's accept queue, not fan-out. */
const OPEN_BATCH = 25;

/** Wall-clock time in ms with µs resolution: performance.now() anchored at timeOrigin (both CLOCK_REALTIME-based at start). */
const now = () => performance.timeOrigin + performance.now();

const sockets: WebSocket[] = [];
const received: number[] = [];
const subscriberOf: number[] = [];
const eventIdOf: number[] = [];
const receivedAtOf: number[] = [];
let errors = 0;
const closeCodes: number[] = [];
let markCpu = process.cpuUsage();
let markElu = performance.eventLoopUtilization();

function send(message: FromClients): void {
  process.send!(message);
}

interface NextMessage {
  type: string;
  payload?: { data?: { ticketActivity?: { events?: { id: string }[] } } | null; errors?: unknown[] };
}

function openOne(index: number, url: string, authorization: string, query: string, operationName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    sockets[index] = socket;
    received[index] = 0;
    let acknowledged = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } })));
    socket.on('message', (data) => {
      const at = now();
      const message = JSON.parse(String(data)) as NextMessage;
      switch (message.type) {
        case 'next': {
          if (message.payload?.errors) errors += 1;
          const events = message.payload?.data?.ticketActivity?.events ?? [];
          let last = 0;
          for (const event of events) last = Math.max(last, Number(event.id));
          received[index] = (received[index] ?? 0) + 1;
          subscriberOf.push(index);
          eventIdOf.push(last);
          receivedAtOf.push(at);
          return;
        }
        case 'connection_ack':
          acknowledged = true;
          // A fresh id per subscription, as graphql-ws's client (Apollo's) makes them: no two messages alike.
          socket.send(JSON.stringify({ id: randomUUID(), type: 'subscribe', payload: { query, operationName } }));
          resolve();
          return;
        case 'ping':
          socket.send(JSON.stringify({ type: 'pong' }));
          return;
        case 'error':
        case 'complete':
          errors += 1;
          return;
      }
    });
    socket.on('error', (error) => {
      if (!acknowledged) reject(error);
    });
    socket.on('close', (code) => {
      closeCodes.push(code);
      if (!acknowledged) reject(new Error(`subscriber ${index} closed before connection_ack (${code})`));
    });
  });
}

async function open(message: Extract<ToClients, { type: 'open' }>): Promise<void> {
  const first = sockets.length;
  for (let start = 0; start < message.count; start += OPEN_BATCH) {
    const batch = Array.from({ length: Math.min(OPEN_BATCH, message.count - start) }, (_, i) =>
      openOne(first + start + i, message.url, message.authorization, message.query, message.operationName),
    );
    await Promise.all(batch);
  }
  send({ type: 'opened', subscribers: sockets.length });
}

process.on('message', (raw: unknown) => {
  const message = raw as ToClients;
  switch (message.type) {
    case 'open':
      open(message).catch((error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
      return;
    case 'counts':
      send({ type: 'counts', received, closed: closeCodes.length, errors });
      return;
    case 'mark':
      markCpu = process.cpuUsage();
      markElu = performance.eventLoopUtilization();
      return;
    case 'collect': {
      const cpu = process.cpuUsage(markCpu);
      send({
        type: 'records',
        subscriber: subscriberOf,
        eventId: eventIdOf,
        receivedAt: receivedAtOf,
        errors,
        closeCodes,
        cpuMs: (cpu.user + cpu.system) / 1000,
        eventLoopUtilization: performance.eventLoopUtilization(markElu).utilization,
        clockSkewMs: Date.now() - now(),
      });
      return;
    }
    case 'close':
      for (const socket of sockets) socket.terminate();
      process.disconnect?.();
      return;
  }
});
