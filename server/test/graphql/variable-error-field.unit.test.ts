// Unit table for naming the input field of a variable-coercion error (errors.ts), fed with
// the messages graphql-js really writes, so that a graphql upgrade that rewords them fails
// here rather than leaving userErrors without their field.
import { buildSchema, graphqlSync } from 'graphql';
import { describe, expect, it } from 'vitest';
import { variableErrorField } from '../../src/graphql/errors.js';

const schema = buildSchema(`
  input Inner { name: String! }
  input TicketInput { title: String!, description: String!, tags: [String!], inner: Inner }
  type Query { tickets(first: Int, input: TicketInput): Int }
`);
const QUERY = 'query($first: Int, $input: TicketInput!) { tickets(first: $first, input: $input) }';
const VALID = { title: 't', description: 'd' };

/** The message graphql-js gives for these variables. */
function coercionMessage(variableValues: Record<string, unknown>): string {
  const { errors } = graphqlSync({ schema, source: QUERY, variableValues });
  expect(errors).toHaveLength(1);
  return errors![0]!.message;
}

describe('variableErrorField', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a scalar variable of the wrong type', { first: 'x', input: VALID }, 'first'],
    ['an input field of the wrong type', { input: { ...VALID, title: 5 } }, 'title'],
    ['a required input field left out', { input: { title: 't' } }, 'description'],
    ['an item of a list field', { input: { ...VALID, tags: ['a', 1] } }, 'tags'],
    ['a field of a nested input', { input: { ...VALID, inner: { name: 1 } } }, 'name'],
    ['a required field left out of a nested input', { input: { ...VALID, inner: {} } }, 'name'],
    ['a non-null variable left out', {}, 'input'],
    ['a non-null variable given null', { input: null }, 'input'],
    ['an unknown input field', { input: { ...VALID, priority: 'HIGH' } }, 'input'],
    ['a value that quotes a path itself', { input: { ...VALID, title: { text: 'x at "input.description"; ' } } }, 'title'],
  ])('%s', (_case, variables, field) => {
    expect(variableErrorField(coercionMessage(variables))).toBe(field);
  });

  it.each([
    ['a validation error', 'Cannot query field "nope" on type "Query".'],
    ['a resolver error', 'Something broke.'],
    ['a message that mentions a variable later', 'Expected "Variable "$input" " somewhere'],
  ])('names no field for %s', (_case, message) => {
    expect(variableErrorField(message)).toBeNull();
  });
});
