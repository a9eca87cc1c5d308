// Every playground example is a valid operation against the committed contract, and
// together they cover each query, mutation and subscription the API has.
import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { expect, it } from 'vitest';
import { contractSchema } from '../../test/support/fake-backend.js';
import { EXAMPLE_TABS } from './examples.js';

it.each(EXAMPLE_TABS.map((tab) => [tab.title, tab.query] as const))('example "%s" validates against schema.graphql', (_title, query) => {
  expect(validate(contractSchema(), parse(query)).map((e) => e.message)).toEqual([]);
});

it('has an example for every root field', () => {
  const schema = contractSchema();
  const expected = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
    .flatMap((type) => Object.keys(type!.getFields()))
    .sort();
  const used = EXAMPLE_TABS.flatMap((tab) =>
    parse(tab.query)
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
      .flatMap((op) => op.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : ''))),
  ).sort();
  expect([...new Set(used)]).toEqual(expected);
});
