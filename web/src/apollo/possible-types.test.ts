// The cache knows every union and interface of the contract with all its members, so a
// fragment on one (Ticket.createdBy's Actor) matches what the server sends.
import { isAbstractType } from 'graphql';
import { expect, it } from 'vitest';
import { contractSchema } from '../../test/support/fake-backend.js';
import { POSSIBLE_TYPES } from './client.js';

it('lists each abstract type of schema.graphql with its members', () => {
  const schema = contractSchema();
  const expected = Object.fromEntries(
    Object.values(schema.getTypeMap())
      .filter(isAbstractType)
      .filter((type) => !type.name.startsWith('__'))
      .map((type) => [
        type.name,
        schema
          .getPossibleTypes(type)
          .map((member) => member.name)
          .sort(),
      ]),
  );
  expect(POSSIBLE_TYPES).toEqual(expected);
});
