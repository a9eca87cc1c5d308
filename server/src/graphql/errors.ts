// The one place where errors become GraphQL errors: feature errors are mapped to
// their codes, known GraphQL errors pass, and everything else is masked.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AUTH_ERROR_GRAPHQL_CODE, AuthError } from '../auth/auth.errors.js';
import { CLASSIFIER_ERROR_GRAPHQL_CODE, ClassifierError } from '../classifier/classifier.errors.js';
import { isServiceUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from '../db/database.errors.js';
import { TICKET_ERROR_GRAPHQL_CODE, TicketError } from '../tickets/ticket.errors.js';
import { SAVED_VIEW_ERROR_GRAPHQL_CODE, SavedViewError } from '../views/saved-view.errors.js';
import { WEBHOOK_ERROR_GRAPHQL_CODE, WebhookError } from '../webhooks/webhook.errors.js';
import { OPERATION_LIMIT_CODES } from './operation-limits.js';
import { requestLoggerOf } from './request-logger.plugin.js';
import { TOO_MANY_SUBSCRIPTIONS } from '../live/live.transport.js';

// Codes that Apollo and our own code produce for a client's mistake: safe to show.
const CLIENT_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'RATE_LIMITED',
  // Raised as a request error (introspection without an identity): auth/introspection.plugin.ts.
  'UNAUTHENTICATED',
  // A subscription past LIVE_MAX_SUBSCRIPTIONS on its WebSocket: live/live.transport.ts.
  TOO_MANY_SUBSCRIPTIONS,
  ...Object.values(OPERATION_LIMIT_CODES),
]);

/** The code of an operation refused because the database or its deadline failed; HTTP 503. */
export const SERVICE_UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';

export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

/** `log` for errors raised outside a request's pipeline; the request's own logger otherwise (request-logger.plugin.ts). */
export function createFormatError(fallbackLog: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const log = requestLoggerOf(error, fallbackLog);
    const original = unwrapResolverError(error);
    if (original instanceof TicketError) {
      return { ...formatTicketError(original), locations: formatted.locations, path: formatted.path };
    }
    if (original instanceof WebhookError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: WEBHOOK_ERROR_GRAPHQL_CODE[original.code], field: original.issues[0]?.field ?? null, issues: original.issues },
      };
    }
    // Answered as userErrors by every mutation; raised only should a query refuse one.
    if (original instanceof SavedViewError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: SAVED_VIEW_ERROR_GRAPHQL_CODE[original.code],
          field: original.issues[0]?.field ?? null,
          issues: original.issues,
        },
      };
    }
    // Refusals by @Access (UNAUTHENTICATED, FORBIDDEN) and a throttled sign-in
    // (RATE_LIMITED, which rateLimitHttpPlugin turns into a 429): the client's to know.
    if (original instanceof AuthError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: AUTH_ERROR_GRAPHQL_CODE[original.code],
          ...(original.retryAfterSeconds !== undefined && { retryAfter: original.retryAfterSeconds }),
          ...(original.issues.length > 0 && { field: original.issues[0]!.field, issues: original.issues }),
        },
      };
    }
    if (original instanceof ClassifierError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: CLASSIFIER_ERROR_GRAPHQL_CODE[original.code], retryAfter: original.retryAfterSeconds },
      };
    }
    if (isServiceUnavailable(original)) {
      log.error({ err: original, path: formatted.path }, 'service unavailable');
      return {
        message: SERVICE_UNAVAILABLE_MESSAGE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: SERVICE_UNAVAILABLE_CODE },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      if (code !== 'BAD_USER_INPUT') return { ...formatted, extensions };
      const field = variableErrorField(formatted.message);
      const reason = original instanceof GraphQLError ? original.originalError?.message : undefined;
      return {
        ...formatted,
        message: withoutInvalidValue(formatted.message, reason),
        extensions: field ? { ...extensions, field } : extensions,
      };
    }
    // Anything else is a bug or an infrastructure failure: log it in full, tell
    // the client nothing about SQL, parameters or stacks.
    log.error({ err: original, path: formatted.path }, 'unexpected GraphQL error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** A ticket validation error as GraphQL reports it: its code, the first field at fault, every issue. */
export function formatTicketError(error: TicketError): GraphQLFormattedError {
  return {
    message: error.message,
    extensions: { code: TICKET_ERROR_GRAPHQL_CODE[error.code], field: error.issues[0]?.field ?? null, issues: error.issues },
  };
}

/**
 * Answers 429 with Retry-After when an operation was refused for its rate limit,
 * as the REST shim does, so HTTP clients and proxies back off.
 */
export const rateLimitHttpPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        const limited = errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
        // Only when nothing was answered: a partial result keeps its 200 and data.
        if (!limited || (data != null && Object.values(data).some((v) => v != null))) return;
        response.http.status = 429;
        response.http.headers.set('retry-after', String(limited.extensions?.retryAfter ?? 60));
      },
    };
  },
};

/**
 * Answers 503 when the database (or the deadline) failed every field asked for, so
 * that load balancers and HTTP clients see an outage as one, as on the REST side.
 */
export const serviceUnavailableHttpPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE_CODE)) return;
        if (data != null && Object.values(data).some((v) => v != null)) return;
        response.http.status = 503;
      },
    };
  },
};

/**
 * The input field a variable-coercion error is about, so that every refused input
 * names its field as our own validation does. graphql-js reports coercion failures
 * only in the message: `Variable "$input" got invalid value 5 at "input.title"; …`
 * names `title`; `…; Field "description" of required type "String!" was not
 * provided.` names `description`; `Variable "$first" got invalid value "x"; …` names `first`.
 */
export function variableErrorField(message: string): string | null {
  const variable = /^Variable "\$(\w+)" /.exec(message)?.[1];
  if (!variable) return null;
  const missing = /; Field "(\w+)" of required type "[^"]+" was not provided\.$/.exec(message)?.[1];
  if (missing) return missing;
  const at = /^Variable "\$\w+" got invalid value .*? at "([\w.[\]]+)"; /s.exec(message)?.[1];
  const path = at?.replace(/\[\d+\]/g, '').split('.') ?? [];
  return path.length > 1 ? path[path.length - 1]! : variable;
}

/**
 * A variable-coercion message without the value it quotes. graphql-js writes the
 * whole invalid value (`Variable "$input" got invalid value { email: "…", password:
 * "…", remember: true } at …; <reason>`), which for signIn, acceptInvitation or
 * completeSetup is a password or a one-time link's secret, echoed into a response
 * that clients log and display. Which variable, where in it, and why all stay.
 */
function withoutInvalidValue(message: string, reason: string | undefined): string {
  const head = /^Variable "\$\w+" got invalid value /.exec(message)?.[0];
  if (head === undefined || reason === undefined || !message.endsWith(`; ${reason}`)) return message;
  const value = message.slice(head.length, message.length - reason.length - 2);
  // The path graphql-js appends; a quoted string in the value cannot end so (its quotes are escaped).
  const at = / at "[\w.[\]]+"$/.exec(value)?.[0] ?? '';
  // A scalar's own reason quotes the value too ("String cannot represent a non string
  // value: [\"hunter2\"]"): what it says stays, the value goes.
  const said = reason.replace(/^(\w+ cannot represent [^:]*?value): [\s\S]*$/, '$1.');
  return `${head.trimEnd()}${at}; ${said}`;
}
