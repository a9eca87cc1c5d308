// What the logs may say. Every `{ err }` line goes through one error serializer that
// keeps what an operator needs (type, SQLSTATE, which statement, where) and drops
// what a customer wrote: query parameters, PostgreSQL's detail (a failing row),
// values quoted in data-error messages, and body snippets in JSON syntax errors.
// Request lines keep a URL's path but of its query string only what an allow-list
// says is harmless: a search or a GraphQL query sent by GET is what a customer typed.
// Request ids: `reqId` is always ours; a caller's well-formed x-request-id is logged
// beside it as `clientRequestId`, so a caller can never make lines look like ours.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '../tickets/ticket.enums.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const CLIENT_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

const REDACTED = '[redacted]';
const MAX_CAUSE_DEPTH = 5;

/** Fields a database driver sets that name things (SQLSTATE, constraint, table), never data. */
const IDENTIFYING_FIELDS: Record<string, string> = {
  code: 'code',
  severity: 'severity',
  routine: 'routine',
  schema: 'schema',
  schema_name: 'schema',
  table: 'table',
  table_name: 'table',
  column: 'column',
  column_name: 'column',
  constraint: 'constraint',
  constraint_name: 'constraint',
  // Node's network errors (an unreachable database): where, not what.
  errno: 'errno',
  syscall: 'syscall',
  address: 'address',
  port: 'port',
  statusCode: 'statusCode',
};

export type SerializedError = { type: string; message: string; stack: string; [field: string]: unknown };

function describeStatement(query: string): { name: string; hash: string } {
  const text = query.replace(/\s+/g, ' ').trim();
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  // A write with its history in one statement (`with written as (insert into tickets …)`)
  // is named by its first write, as the write alone would be.
  const write = /^with\b/i.test(text)
    ? /\b(insert) into\s+"?([\w.]+)"?|\b(update)\s+"?([\w.]+)"?|\b(delete) from\s+"?([\w.]+)"?/i.exec(text)
    : null;
  if (write) {
    const [verb, table] = [write[1] ?? write[3] ?? write[5], write[2] ?? write[4] ?? write[6]];
    return { name: `${verb!.toLowerCase()} ${table}`, hash };
  }
  const verb = /^\w+/.exec(text)?.[0].toLowerCase() ?? 'statement';
  const table = /\b(?:from|into|update)\s+"?([\w.]+)"?/i.exec(text)?.[1];
  return { name: table ? `${verb} ${table}` : verb, hash };
}

/** String values bound to a statement anywhere in the chain: drizzle and PGlite `params`, postgres.js `parameters` (not enumerable). */
function boundValues(error: unknown): string[] {
  const values = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value !== '') values.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
  };
  for (let e = error, depth = 0; e instanceof Object && depth <= MAX_CAUSE_DEPTH; e = (e as { cause?: unknown }).cause, depth += 1) {
    collect((e as { params?: unknown }).params);
    collect((e as { parameters?: unknown }).parameters);
  }
  // Longest first, so that a value containing another is removed whole.
  return [...values].sort((a, b) => b.length - a.length);
}

function queryOf(error: object): string | undefined {
  const query = (error as { query?: unknown }).query;
  return typeof query === 'string' ? query : undefined;
}

function redact(text: string, values: readonly string[], quotesHoldData: boolean): string {
  let safe = text;
  for (const value of values) {
    // A short value is removed only where quoted, so that "low" does not eat "allow".
    safe = value.length >= 4 ? safe.replaceAll(value, REDACTED) : safe.replaceAll(`"${value}"`, `"${REDACTED}"`);
  }
  return quotesHoldData ? safe.replace(/"(?:[^"\\]|\\.)*"/g, `"${REDACTED}"`) : safe;
}

function serialize(error: Error, values: readonly string[], depth: number): SerializedError {
  const fields = error as unknown as Record<string, unknown>;
  // A bundled driver's class name is minified (PGlite's is one letter); its `name` says more then.
  const className = error.constructor?.name ?? '';
  const type = className.length > 2 && className !== 'Object' ? className : error.name;
  const out: SerializedError = { type, message: '', stack: '' };
  const query = queryOf(error);
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  // SQLSTATE class 22 (data exception) quotes the offending value; a JSON syntax
  // error quotes a piece of the body. Identifiers are quoted elsewhere and stay.
  const quotesHoldData = (code !== undefined && /^22[0-9A-Z]{3}$/.test(code)) || error instanceof SyntaxError;
  let message = typeof error.message === 'string' ? error.message : String(error.message);
  // drizzle's wrapper: "Failed query: <sql>\nparams: <values>".
  if (query !== undefined && message.startsWith('Failed query')) message = 'Failed query';
  else if (query !== undefined) message = message.replaceAll(query, '<statement>');
  out.message = redact(message, values, quotesHoldData);
  for (const [field, name] of Object.entries(IDENTIFYING_FIELDS)) {
    const value = fields[field];
    if ((typeof value === 'string' || typeof value === 'number') && !(name in out)) out[name] = value;
  }
  if (query !== undefined) out.statement = describeStatement(query);
  // The stack's frames, under the safe message (its first lines repeat the raw one).
  const frames = typeof error.stack === 'string' ? error.stack.split('\n').filter((line) => /^\s+at /.test(line)) : [];
  out.stack = [`${type}: ${out.message}`, ...frames].join('\n');
  if (depth < MAX_CAUSE_DEPTH) {
    if (error.cause !== undefined) out.cause = serializeAny(error.cause, values, depth + 1);
    if (error instanceof AggregateError) out.errors = error.errors.slice(0, 5).map((e) => serializeAny(e, values, depth + 1));
  }
  return out;
}

function serializeAny(value: unknown, values: readonly string[], depth: number): SerializedError {
  if (value instanceof Error) return serialize(value, values, depth);
  // Something thrown that is not an Error: its type and text, never its fields.
  return { type: typeof value, message: redact(String(value), values, false), stack: '' };
}

/**
 * pino's `serializers.err`: an error as it may be logged. Only an allow-list of fields
 * is kept, so a field a driver adds later does not leak by default.
 */
export function serializeError(error: unknown): SerializedError {
  return serializeAny(error, boundValues(error), 0);
}

const oneOf =
  (values: readonly string[]) =>
  (value: string): boolean =>
    values.includes(value);

/** Query parameters whose value is logged when it has the one form given: closed vocabularies and numbers. */
const LOGGED_VALUES = new Map<string, (value: string) => boolean>([
  ['page', (value) => /^([1-9][0-9]{0,8}|last)$/.test(value)],
  ['page_size', (value) => /^[0-9]{1,9}$/.test(value)],
  ['category', oneOf(TICKET_CATEGORIES)],
  ['priority', oneOf(TICKET_PRIORITIES)],
  ['status', oneOf(TICKET_STATUSES)],
]);
/** Other parameters the APIs read: named in the log, their values never. */
const LOGGED_NAMES = new Set(['search', 'query', 'variables', 'operationName', 'extensions']);

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** A URL as it may be logged: the path, and of the query string only the names and values allowed above. */
function loggableUrl(target: string): string {
  // The line is written before the request guards turn an absolute-form target
  // (`GET http://user:pass@host/path`) into its path: its authority is never logged.
  const url = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const at = url.indexOf('?');
  if (at === -1) return url;
  const params = url
    .slice(at + 1)
    .split('&')
    .filter((param) => param !== '')
    .map((param) => {
      const eq = param.indexOf('=');
      const name = decoded(eq === -1 ? param : param.slice(0, eq)) ?? '';
      const loggedValue = LOGGED_VALUES.get(name);
      if (loggedValue === undefined && !LOGGED_NAMES.has(name)) return `${REDACTED}=${REDACTED}`;
      if (eq === -1) return name;
      const value = decoded(param.slice(eq + 1));
      return `${name}=${value !== undefined && loggedValue?.(value) ? value : REDACTED}`;
    });
  return `${url.slice(0, at)}?${params.join('&')}`;
}

/** pino's `serializers.req`: Fastify's, with the URL made loggable. */
function serializeRequest(req: FastifyRequest): Record<string, unknown> {
  return { method: req.method, url: loggableUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/** Fastify's logging options: level, redaction, the error and request serializers, and request ids. */
export function loggingOptions(
  config: Pick<Config, 'logLevel'>,
  stream?: { write(line: string): void },
): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'childLoggerFactory'> {
  return {
    logger: {
      level: config.logLevel,
      // Secrets never reach a log line, even if a header carries one.
      redact: ['req.headers.authorization', 'req.headers["x-goog-api-key"]', 'req.headers.cookie'],
      serializers: { err: serializeError, req: serializeRequest },
      ...(stream ? { stream } : {}),
    },
    genReqId: () => randomUUID(),
    // A caller's id correlates our lines with its own; it is only ever a label beside ours.
    childLoggerFactory(logger, bindings, options, rawReq) {
      const given = rawReq.headers[REQUEST_ID_HEADER];
      const clientRequestId = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : undefined;
      return logger.child(clientRequestId ? { ...bindings, clientRequestId } : bindings, options);
    },
  };
}
