// With introspection off the schema is not public, so no error may name a field,
// type or enum value that the client did not write. Apollo's
// hideSchemaDetailsFromClientErrors strips "Did you mean …?" from validation errors;
// this does the same for the rest (a mistyped enum value or input field in variables).
import type { GraphQLFormattedError } from 'graphql';

// The wording graphql-js uses for every suggestion, as Apollo matches it.
const SUGGESTION = / ?Did you mean(.+?)\?$/;

export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return SUGGESTION.test(formatted.message) ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
}
