// Shutdown without resetting kept-alive connections. Node's server.close() destroys
// every idle keep-alive socket at once, and a client that had just sent a request on
// one (a browser, a proxy's pool) sees ECONNRESET, not knowing whether it was served.
// Instead, while the server drains, those sockets stay open: a request arriving on one
// is answered 503 with `Connection: close` (Fastify does so once closing), and the idle
// ones are closed only when nothing is in flight any more and a short window has passed.
import type { Server, ServerResponse } from 'node:http';

/**
 * How long kept-alive sockets stay open after shutdown begins even with nothing in
 * flight, so that requests already on their way get their 503 instead of a reset.
 */
const KEEP_ALIVE_DRAIN_MS = 500;

export interface KeepAliveDrain {
  /** Call before closing the server: idle sockets then close once the drain is over. */
  begin(): void;
}

export function trackKeepAlive(server: Server): KeepAliveDrain {
  const inFlight = new Set<ServerResponse>();
  const closeIdleConnections = server.closeIdleConnections.bind(server);
  let draining = false;
  let windowOver = false;

  const closeIdleWhenDrained = () => {
    if (draining && windowOver && inFlight.size === 0) closeIdleConnections();
  };

  // First, so that even a response Fastify ends at once (its 503 while closing) is seen.
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      closeIdleWhenDrained();
    });
  });

  return {
    begin() {
      draining = true;
      // server.close() calls this; the sockets are closed by closeIdleWhenDrained instead.
      server.closeIdleConnections = () => {};
      // Responses still to come tell their client not to reuse the connection.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      setTimeout(() => {
        windowOver = true;
        closeIdleWhenDrained();
      }, KEEP_ALIVE_DRAIN_MS).unref();
    },
  };
}
