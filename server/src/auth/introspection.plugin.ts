// The schema is described only to callers with an identity (or the access that
// ANONYMOUS_ACCESS grants): nothing but the listed public operations answers an
// anonymous caller, and introspection is not one of them.
import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { AUTH_ERROR_GRAPHQL_CODE, AUTH_ERROR_HTTP_STATUS, AuthError, authErrorHeaders } from './auth.errors.js';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!INTROSPECTION_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

export const introspectionNeedsIdentity: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document }) {
        const { actor } = contextValue;
        if (actor.kind !== 'anonymous' || actor.scopes.size > 0 || !introspects(document)) return;
        // A request error (the operation does not run): Apollo answers it with this status.
        const refusal = new AuthError('UNAUTHENTICATED');
        throw new GraphQLError(refusal.message, {
          extensions: {
            code: AUTH_ERROR_GRAPHQL_CODE[refusal.code],
            http: { status: AUTH_ERROR_HTTP_STATUS[refusal.code], headers: new Map(Object.entries(authErrorHeaders(refusal))) },
          },
        });
      },
    };
  },
};
