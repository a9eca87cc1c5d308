// The REST shim's one error mapping: every failure becomes a Django REST Framework
// body (`{"field": ["message", …]}` or `{"detail": "…"}`) with DRF's status, and
// anything unexpected becomes a 500 that tells the client nothing and is logged.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_ERROR_HTTP_STATUS, AuthError, authErrorHeaders, throttledDetail, type AuthErrorCode } from '../auth/auth.errors.js';
import { CLASSIFIER_ERROR_HTTP_STATUS, ClassifierError } from '../classifier/classifier.errors.js';
import { isServiceUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from '../db/database.errors.js';
import { TICKET_ERROR_HTTP_STATUS, TicketError, type TicketErrorCode, type TicketIssue } from '../tickets/ticket.errors.js';
import { SAVED_VIEW_ERROR_HTTP_STATUS, SavedViewError, type SavedViewErrorCode } from '../views/saved-view.errors.js';
import { toRestViewIssue } from './saved-view.serializer.js';
import { REST_FILTER_PARAMS } from './ticket.schemas.js';

/** A transport-level refusal (bad page, malformed JSON, …) answered as `{"detail": …}`. */
export class RestError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'RestError';
  }
}

/** Messages per field; an item of a list (`ids.3`) nests under the list's name and its index, as DRF's ListField does. */
export interface DrfFieldErrors {
  [field: string]: string[] | DrfFieldErrors;
}
export interface DrfDetail {
  detail: string;
}

// The service names some fields as GraphQL does; REST clients know Django's names.
// A list filter's field (`categories`) is named by its REST parameter (`category`).
const REST_FIELD_NAMES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(REST_FILTER_PARAMS).flatMap(([field, param]) => (param ? [[field, param.name]] : []))),
  suggestedCategory: 'suggested_category',
  suggestedPriority: 'suggested_priority',
  classificationSource: 'classification_source',
  suggestionId: 'suggestion_id',
  // A header, named as the client sent it.
  idempotencyKey: 'Idempotency-Key',
  expiresAt: 'expires_at',
  assigneeId: 'assignee',
  expectedVersions: 'versions',
  orderBy: 'ordering',
};

export const NON_FIELD_ERRORS = 'non_field_errors';

/** DRF's validation body: one list of messages per field, every failing field at once. */
export function toDrfFieldErrors(issues: readonly Pick<TicketIssue, 'field' | 'message'>[]): DrfFieldErrors {
  const body: DrfFieldErrors = {};
  for (const issue of issues) {
    const [first, ...rest] = issue.field === null ? [NON_FIELD_ERRORS] : issue.field.split('.');
    const path = [REST_FIELD_NAMES[first!] ?? first!, ...rest];
    let node = body;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as DrfFieldErrors;
    ((node[path.at(-1)!] ??= []) as string[]).push(issue.message);
  }
  return body;
}

/** The issues of the tickets of a bulk update (`ids.<index>`), nested as DRF field errors; none for a single ticket's. */
function ticketsAtFault(error: TicketError): DrfFieldErrors {
  return toDrfFieldErrors(error.issues.filter((issue) => issue.field?.startsWith('ids.')));
}

// Exhaustive: a new TicketErrorCode fails to compile until it has a REST body.
const TICKET_ERROR_BODY: Record<TicketErrorCode, (error: TicketError) => DrfFieldErrors | DrfDetail> = {
  VALIDATION_FAILED: (error) => toDrfFieldErrors(error.issues),
  NOT_FOUND: (error) => ({ detail: NOT_FOUND_DETAIL, ...ticketsAtFault(error) }),
  IDEMPOTENCY_KEY_REUSED: (error) => ({ detail: error.issues[0]?.message ?? error.message }),
  CONFLICT: (error) => {
    const tickets = ticketsAtFault(error);
    return Object.keys(tickets).length === 0 ? { detail: PRECONDITION_FAILED_DETAIL } : { detail: BULK_CONFLICT_DETAIL, ...tickets };
  },
};

// Exhaustive: a new SavedViewErrorCode fails to compile until it has a REST body.
const SAVED_VIEW_ERROR_BODY: Record<SavedViewErrorCode, (error: SavedViewError) => DrfFieldErrors | DrfDetail> = {
  VALIDATION_FAILED: (error) => toDrfFieldErrors(error.issues.map(toRestViewIssue)),
  NOT_FOUND: () => ({ detail: NOT_FOUND_DETAIL }),
};

// Exhaustive: a new AuthErrorCode fails to compile until it has a REST body.
const AUTH_ERROR_BODY: Record<AuthErrorCode, (error: AuthError) => DrfFieldErrors | DrfDetail> = {
  VALIDATION_FAILED: (error) => toDrfFieldErrors(error.issues),
  // DRF's obtain-token answers wrong credentials as a body-wide validation error.
  INVALID_CREDENTIALS: (error) => toDrfFieldErrors(error.issues),
  NOT_FOUND: () => ({ detail: NOT_FOUND_DETAIL }),
  UNAUTHENTICATED: (error) => ({ detail: error.message }),
  INVALID_TOKEN: (error) => ({ detail: error.message }),
  FORBIDDEN: (error) => ({ detail: error.message }),
  CSRF_FAILED: (error) => ({ detail: error.message }),
  THROTTLED: (error) => ({ detail: throttledDetail(error.retryAfterSeconds ?? 1) }),
};

export const NOT_FOUND_DETAIL = 'Not found.';
/** A stale `If-Match`: the ticket changed since the ETag the client holds. */
const PRECONDITION_FAILED_DETAIL = 'The ticket was changed since the version in If-Match (its ETag is now different). Nothing was changed.';
/** A bulk update's stale `versions`: the tickets are named under `ids`. */
const BULK_CONFLICT_DETAIL = 'Some tickets were changed since the versions given (see ids). Nothing was changed.';
const SERVER_ERROR_DETAIL = 'A server error occurred.';

/** The longest Content-Type echoed back in a 415, so a huge header is not reflected whole. */
const MEDIA_TYPE_ECHO_MAX = 200;

function unsupportedMediaType(request: FastifyRequest): string {
  const given = request.headers['content-type'] ?? '';
  const shown = given.length > MEDIA_TYPE_ECHO_MAX ? `${given.slice(0, MEDIA_TYPE_ECHO_MAX)}…` : given;
  return `Unsupported media type "${shown}" in request.`;
}

/**
 * Error bodies are serialized here rather than by the routes' response schemas: a
 * status such as 400 has two shapes (field errors, or a `detail` for malformed
 * JSON), and an error answer must never fail on a schema mismatch.
 */
function sendJson(reply: FastifyReply, status: number, body: DrfFieldErrors | DrfDetail) {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function createRestErrorHandler(bodyLimitBytes: number) {
  return function handleRestError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof AuthError) {
      const status = AUTH_ERROR_HTTP_STATUS[error.code];
      reply.headers(authErrorHeaders(error));
      return sendJson(reply, status, AUTH_ERROR_BODY[error.code](error));
    }
    if (error instanceof TicketError) {
      return sendJson(reply, TICKET_ERROR_HTTP_STATUS[error.code], TICKET_ERROR_BODY[error.code](error));
    }
    if (error instanceof SavedViewError) {
      return sendJson(reply, SAVED_VIEW_ERROR_HTTP_STATUS[error.code], SAVED_VIEW_ERROR_BODY[error.code](error));
    }
    if (error instanceof ClassifierError) {
      // DRF's throttled answer: its message, and when to come back.
      reply.header('retry-after', String(error.retryAfterSeconds));
      return sendJson(reply, CLASSIFIER_ERROR_HTTP_STATUS[error.code], { detail: error.message });
    }
    if (error instanceof RestError) {
      return sendJson(reply, error.statusCode, { detail: error.detail });
    }
    if (isServiceUnavailable(error)) {
      request.log.error({ err: error }, 'service unavailable');
      return sendJson(reply, 503, { detail: SERVICE_UNAVAILABLE_MESSAGE });
    }
    const { code, statusCode } = error as FastifyError;
    switch (code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendJson(reply, 415, { detail: unsupportedMediaType(request) });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendJson(reply, 413, { detail: `Request body exceeds the limit of ${bodyLimitBytes} bytes.` });
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendJson(reply, 400, { detail: 'Request body size did not match Content-Length.' });
    }
    // Other client errors raised by Fastify or a plugin keep their status; their
    // messages are written for clients.
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return sendJson(reply, statusCode, { detail: error.message });
    }
    // A bug or an infrastructure failure: the log gets everything (with the request
    // id the logger binds), the client gets nothing it could learn SQL or paths from.
    request.log.error({ err: error }, 'unexpected error in the REST API');
    return sendJson(reply, 500, { detail: SERVER_ERROR_DETAIL });
  };
}
