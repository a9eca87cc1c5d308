// How long a connection may take to deliver its request, and what happens to a
// client too slow to do so. All of it derives from REQUEST_TIMEOUT_MS: headers and
// body must arrive within it, the handler must answer within it, and a request cut
// off is answered with `Connection: close` and its socket closed, so that a client
// trickling bytes can never hold a connection open for longer.
import type { Socket } from 'node:net';
import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';

/** Fastify's (and Node's) connection timeouts for a request deadline of `requestMs`. */
export function connectionDeadlines(
  requestMs: number,
): Pick<FastifyHttpOptions<Server>, 'requestTimeout' | 'connectionTimeout' | 'http' | 'clientErrorHandler'> {
  return {
    // The whole request, headers and body, from its first byte; then Node answers 408
    // (clientErrorHandler below) and closes the socket. Fastify's default, 0, disabled
    // Node's own bound.
    requestTimeout: requestMs,
    http: {
      // Headers get no longer than the whole request (Node's default would be 60 s).
      headersTimeout: requestMs,
      // Node looks for requests past those deadlines this often (its default is 30 s,
      // which would let a slow client outlive the deadline by that much).
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(requestMs / 4)),
    },
    // A socket silent both ways for this long is destroyed: a client that stopped
    // reading its response. Twice the deadline, since a handler may rightly send
    // nothing until the deadline passes. Between requests, Fastify's keep-alive
    // timeout (72 s) applies instead.
    connectionTimeout: 2 * requestMs,
    clientErrorHandler: answerClientError,
  };
}

const CLIENT_ERROR_STATUS: Record<string, number> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
};

/**
 * Node's 'clientError' (request past its deadline, malformed or oversized headers):
 * as Fastify's default, but saying `Connection: close`, which it is, and never
 * writing after a response already under way on the socket.
 */
function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400;
  this.log.debug({ err: error }, 'client error on the connection');
  const response = (socket as { _httpMessage?: ServerResponse | null })._httpMessage;
  if (socket.writable && !response?.headersSent) {
    const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], message: STATUS_CODES[status] });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * A response sent before its request has fully arrived (the deadline passed while the
 * body trickled in, or the body was refused unread) closes the connection: otherwise
 * Node keeps reading, and discarding, whatever the client still sends.
 */
export function closeUnfinishedRequests(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    if (!req.raw.complete) reply.header('connection', 'close');
  });
}
