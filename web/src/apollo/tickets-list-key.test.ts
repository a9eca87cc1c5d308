// The cache key of a ticket list tells apart every filter the contract (schema.graphql)
// allows: each TicketFilter field, whatever its type, keys its own list.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  type GraphQLInputField,
  type GraphQLNamedType,
} from 'graphql';
import { expect, it } from 'vitest';
import { contractSchema } from '../../test/support/fake-backend.js';
import { parseTicketsListStoreFieldName, ticketsListStoreFieldName } from './tickets-list-key.js';

function filterFields(): GraphQLInputField[] {
  const input = contractSchema().getType('TicketFilter');
  if (!isInputObjectType(input)) throw new Error('TicketFilter is not an input type');
  return Object.values(input.getFields());
}

/** Two different values of a named input type. */
function twoScalars(type: GraphQLNamedType): [unknown, unknown] {
  if (isEnumType(type)) {
    const [a, b] = type.getValues().map((v) => v.value as string);
    return [a, b];
  }
  if (isInputObjectType(type)) {
    // Two objects each choosing a different one of the type's fields.
    const [first, second] = Object.values(type.getFields());
    return [{ [first!.name]: twoValues(first!)[0] }, { [second!.name]: twoValues(second!)[0] }];
  }
  if (type.name === 'Boolean') return [true, false];
  if (type.name === 'DateTimeISO') return ['2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'];
  if (type.name === 'String' || type.name === 'ID') return ['a', 'b'];
  // Keyed with both flags explicit (tickets-list-key.ts).
  if (type.name === 'AssigneeFilter')
    return [
      { me: true, none: false },
      { me: false, none: false, userIds: ['7'] },
    ];
  throw new Error(`no sample values for ${type.name}`);
}

/** Two different values a field accepts. */
function twoValues(field: GraphQLInputField): [unknown, unknown] {
  const [a, b] = twoScalars(getNamedType(field.type));
  return isListType(getNullableType(field.type)) ? [[a], [a, b]] : [a, b];
}

const key = (filter: Record<string, unknown> | null) => ticketsListStoreFieldName({ filter, search: null });

it.each(filterFields().map((field) => [field.name, field] as const))('keys %s', (_name, field) => {
  const [a, b] = twoValues(field);
  expect(key({ [field.name]: a })).not.toBe(key(null));
  expect(key({ [field.name]: a })).not.toBe(key({ [field.name]: b }));
  expect(parseTicketsListStoreFieldName(key({ [field.name]: a }))?.filter).toEqual({ [field.name]: a });
});

it('keys the same selection in another order as the same list', () => {
  expect(key({ statuses: ['OPEN', 'CLOSED'], categories: ['BILLING'] })).toBe(
    key({ categories: ['BILLING'], statuses: ['CLOSED', 'OPEN'] }),
  );
});

it('keys each order as its own list, so pages of different orders never mix', () => {
  const orderKey = (orderBy: string | null) => ticketsListStoreFieldName({ filter: { statuses: ['OPEN'] }, search: 'refund', orderBy });
  const keys = [null, 'OLDEST_FIRST', 'PRIORITY', 'RECENTLY_CHANGED'].map(orderKey);
  expect(new Set(keys).size).toBe(keys.length);
  expect(parseTicketsListStoreFieldName(orderKey('PRIORITY'))?.orderBy).toBe('PRIORITY');
});
