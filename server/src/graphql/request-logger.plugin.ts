// Which request a GraphQL error or response belongs to, for the two hooks Apollo calls
// without the request (formatError, stringifyResult), so that their log lines carry
// its request id. Remembered weakly by the error or result object itself, and only
// there: an AsyncLocalStorage did this for every promise of every request (on Node 20
// its promise hooks cost 8 to 16 % of a GraphQL request's CPU in A/B runs) for the rare line.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context.js';
import type { ErrorLogger } from './errors.js';

const loggers = new WeakMap<object, ErrorLogger>();

export const requestLoggerPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) loggers.set(error, contextValue.logger);
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        // Apollo hands stringifyResult a copy of the result holding these same objects.
        const { data, errors } = response.body.singleResult;
        const key = data ?? errors;
        if (key) loggers.set(key, contextValue.logger);
      },
    };
  },
};

/**
 * The logger of the request that raised or answered `value`; `fallback` outside one: the
 * live transport, tests, and the errors Apollo formats outside a request's pipeline (the
 * context failing to build, a plugin throwing), which it never shows to didEncounterErrors.
 */
export function requestLoggerOf(value: unknown, fallback: ErrorLogger): ErrorLogger {
  return (typeof value === 'object' && value !== null && loggers.get(value)) || fallback;
}
