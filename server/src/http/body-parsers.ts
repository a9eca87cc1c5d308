// Request bodies and query strings decoded as strict UTF-8, for GraphQL and the REST shim
// alike. Fastify's own parsers (and @fastify/formbody, URLSearchParams) turn bytes that are
// not UTF-8 into U+FFFD or leave their escapes as text, so a client's text would be stored
// or searched for changed without anyone being told. Here such a request is refused as a
// validation error naming the fields that held the bytes, before any handler runs; nothing
// of it is used.
import type { FastifyInstance } from 'fastify';
import { TicketError, type TicketIssue } from '../tickets/ticket.errors.js';
import { hasLoneSurrogate } from '../tickets/ticket-text.js';
import { MESSAGES } from '../tickets/ticket.validation.js';
import { isGraphQLPath } from './request-guards.js';

// ignoreBOM keeps a leading BOM in the text, as Buffer#toString did: a JSON body that
// starts with one stays a parse error rather than silently changing meaning.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A JSON path from the body's root: object keys and array indexes. */
export type BodyPath = readonly (string | number)[];

/** Which input field a path in the body is, or null when it is not one field. */
export type FieldOfPath = (path: BodyPath) => string | null;

/** REST: the top-level key of the body (`{"title": …}`), as DRF names its fields. */
export const restFieldOf: FieldOfPath = (path) => (typeof path[0] === 'string' ? path[0] : null);

/**
 * GraphQL: the innermost named field under `variables` (`variables.input.title` is
 * `title`, `variables.search` is `search`), as variable coercion errors name theirs.
 * Bytes in the document itself or in `operationName` are not one input field.
 */
export const graphqlFieldOf: FieldOfPath = (path) => {
  const rest = path.slice(path.findIndex((p) => typeof p === 'string'));
  if (rest[0] !== 'variables') return null;
  const named = rest.slice(1).filter((p): p is string => typeof p === 'string');
  return named.at(-1) ?? null;
};

/**
 * The body as text. When it is not UTF-8, throws a TicketError (VALIDATION_FAILED) with
 * one INVALID issue per field whose string held the bad bytes, or one without a field
 * when they are elsewhere (a key, between values) or the body is not JSON.
 */
export function decodeJsonBody(body: Buffer, fieldOf: FieldOfPath): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw invalidUtf8Error(locateInvalidBytes(body, fieldOf), MESSAGES.invalidUtf8);
  }
}

/**
 * An `application/x-www-form-urlencoded` body, read as the WHATWG URL standard reads it
 * (`+` is a space, `%XX` a byte, malformed escapes stay literal) but with strict UTF-8,
 * whether the bad bytes came raw or percent-encoded. The last value of a repeated field
 * counts, as with Django's `QueryDict`.
 */
export function parseFormBody(body: Buffer): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  const bad = new Set<string | null>();
  for (const [rawName, rawValue] of formPairs(body)) {
    const name = decodeFormComponent(rawName);
    const value = decodeFormComponent(rawValue);
    if (name === null) bad.add(null);
    else if (value === null) bad.add(name);
    else fields[name] = value;
  }
  if (bad.size > 0) throw invalidUtf8Error([...bad], MESSAGES.invalidUtf8);
  return fields;
}

/** The `name=value` pairs of a form body or query string, still encoded; empty pairs skipped. */
function* formPairs(bytes: Buffer): Generator<[Buffer, Buffer]> {
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x26 /* & */, start);
    if (end === -1) end = bytes.length;
    const pair = bytes.subarray(start, end);
    start = end + 1;
    if (pair.length === 0) continue;
    const eq = pair.indexOf(0x3d /* = */);
    yield eq === -1 ? [pair, Buffer.alloc(0)] : [pair.subarray(0, eq), pair.subarray(eq + 1)];
  }
}

/** The bytes a form component stands for: `%XX` is a byte, `+` a space, anything else itself. */
function unescapeFormComponent(raw: Buffer): Buffer {
  const bytes = Buffer.alloc(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    const hex = byte === 0x25 /* % */ && i + 2 < raw.length ? raw.toString('latin1', i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes[n++] = parseInt(hex, 16);
      i += 2;
    } else {
      bytes[n++] = byte === 0x2b /* + */ ? 0x20 : byte;
    }
  }
  return bytes.subarray(0, n);
}

function decodeFormComponent(raw: Buffer): string | null {
  try {
    return strictUtf8.decode(unescapeFormComponent(raw));
  } catch {
    return null;
  }
}

function invalidUtf8Error(fields: readonly (string | null)[], message: string): TicketError {
  const issues: TicketIssue[] = fields.map((field) => ({ field, code: 'INVALID', message }));
  return new TicketError('VALIDATION_FAILED', issues);
}

/** A parsed query string: a repeated parameter is an array of its values, in order. */
export type ParsedQuery = Record<string, string | string[]>;

/**
 * The app's query string parser (Fastify's `routerOptions.querystringParser`), read as a
 * form body is. It runs while routing, where a throw would not reach the error handlers,
 * so a name or value holding bytes that are not UTF-8 is kept with each such byte as a
 * lone surrogate, which text decoded from UTF-8 never holds; `refuseInvalidQueryStrings`
 * then refuses the request.
 */
export function parseQueryString(query: string): ParsedQuery {
  const params: ParsedQuery = Object.create(null);
  // Node refuses raw bytes above 0x7f in a request line, so the URL is ASCII here.
  for (const [rawName, rawValue] of formPairs(Buffer.from(query, 'utf8'))) {
    const name = decodeEscapingInvalid(unescapeFormComponent(rawName));
    const value = decodeEscapingInvalid(unescapeFormComponent(rawValue));
    const earlier = params[name];
    if (earlier === undefined) params[name] = value;
    else if (Array.isArray(earlier)) earlier.push(value);
    else params[name] = [earlier, value];
  }
  return params;
}

/**
 * Refuses, before any handler runs, a request whose query string held bytes that are not
 * UTF-8, naming the parameters (REST: `{"search": […]}`) or, for GraphQL's GET, the
 * innermost field of `variables` that held them, as for a body.
 */
export function refuseInvalidQueryStrings(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const query = req.query as ParsedQuery;
    const graphql = isGraphQLPath(req.url);
    const found = new Set<string | null>();
    for (const [name, value] of Object.entries(query)) {
      if (hasLoneSurrogate(name)) {
        found.add(null);
      } else if (graphql) {
        for (const text of [value].flat()) {
          if (hasLoneSurrogate(text)) for (const field of locateInGraphqlParam(name, text)) found.add(field);
        }
      } else if ([value].flat().some(hasLoneSurrogate)) {
        found.add(name);
      }
    }
    if (found.size > 0) throw invalidUtf8Error([...found], MESSAGES.invalidUtf8Query);
  });
}

/** `variables` is JSON: the fields within it that held the bytes. Elsewhere, no one field. */
function locateInGraphqlParam(name: string, text: string): (string | null)[] {
  if (name !== 'variables') return [null];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [null];
  }
  return locateLoneSurrogates(value, ['variables'], graphqlFieldOf);
}

/**
 * Which fields held the bytes that are not UTF-8. The body is decoded with each bad byte
 * turned into a lone surrogate (Python's "surrogateescape"), which valid UTF-8 never
 * decodes to, then parsed, and every string or key holding a lone surrogate is located.
 * A `\ud800` escape the client wrote is found too: it is refused all the same.
 */
function locateInvalidBytes(body: Buffer, fieldOf: FieldOfPath): (string | null)[] {
  let value: unknown;
  try {
    value = JSON.parse(decodeEscapingInvalid(body));
  } catch {
    return [null];
  }
  return locateLoneSurrogates(value, [], fieldOf);
}

/** The fields of a parsed JSON value (at `root`) whose strings hold a lone surrogate; a key holding one is no field. */
function locateLoneSurrogates(value: unknown, root: BodyPath, fieldOf: FieldOfPath): (string | null)[] {
  const found = new Set<string | null>();
  const visit = (node: unknown, path: (string | number)[]) => {
    if (typeof node === 'string') {
      if (hasLoneSurrogate(node)) found.add(fieldOf(path));
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, i]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        if (hasLoneSurrogate(key)) found.add(null);
        else visit(item, [...path, key]);
      }
    }
  };
  visit(value, [...root]);
  return found.size > 0 ? [...found] : [null];
}

function decodeEscapingInvalid(bytes: Buffer): string {
  let text = '';
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += strictUtf8.decode(bytes.subarray(start, i)) + String.fromCharCode(0xdc00 + bytes[i]!);
    start = ++i;
  }
  return text + strictUtf8.decode(bytes.subarray(start));
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629, table 3-7), or 0. */
function validSequenceLength(bytes: Buffer, i: number): number {
  const lead = bytes[i]!;
  const within = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return within(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    // E0 would be overlong below A0; ED above 9F would encode a surrogate.
    return within(1, lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf) && within(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    // F0 would be overlong below 90; F4 above 8F would pass U+10FFFF.
    return within(1, lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf) && within(2) && within(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Replaces the app's JSON parser (the one GraphQL reads) with the same parser behind a
 * strict UTF-8 decode. Fastify's checks (empty body, `__proto__` keys) are kept.
 */
export function useStrictUtf8Json(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = decodeJsonBody(body as Buffer, graphqlFieldOf);
    } catch (error) {
      return done(error as Error, undefined);
    }
    parseJson(req, text, done);
  });
}
