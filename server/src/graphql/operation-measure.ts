// Measures a GraphQL operation before it runs: its fields, aliases, root fields,
// depth, database cost and the largest response it could produce, so that
// operation-limits can refuse it. Everything is computed in time linear in the size of
// the document: each fragment is measured once (per page size it is spread under) and
// its figures reused at every spread, so a fragment that spreads the next one twice,
// 40 levels deep, costs 40 steps, not 2^40. A fragment counts each time it is spread.
import {
  astFromValue,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  print,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLDirective,
  type GraphQLEnumValue,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { TICKET_FILTER_FIELDS } from '../tickets/ticket-query.js';
import { searchTerms } from '../tickets/ticket-search.js';
import { SCAN_COST } from './operation-limits.js';
import { sizeModel, type SizeModel } from './response-size.js';

/**
 * Fields that each cost at least one database query. A ticket's `history` and `notes`
 * cost one query per list, not per ticket: the tickets of an operation read their
 * pages in one batched statement (tickets/ticket-entry.loader.ts).
 */
const COSTLY_FIELDS = new Set([
  'tickets',
  'ticket',
  'totalCount',
  'stats',
  'ticketsPerDay',
  'history',
  'notes',
  'classifyDescription',
  'createTicket',
  'updateTicket',
  'addTicketNote',
  // Each activity is read once for every subscriber (live/), then each subscriber's
  // selection resolves on it: its `history`, `notes` and authors count on their own.
  'ticketActivity',
]);

/** Fields whose `search` and `filter` choose the tickets they read. */
const FILTERED_FIELDS = new Set(['Query.tickets', 'Query.stats']);
/** Filter fields no counter answers (ticket-query.ts decides which): they make a field read rows. */
const SCAN_FILTER_FIELDS = new Set<string>(
  Object.entries(TICKET_FILTER_FIELDS)
    .filter(([, rule]) => !rule.counters)
    .map(([name]) => name),
);

/**
 * Whether the field reads rows chosen by search terms or a created-at range, which no
 * counter answers. A variable may hold either: its value is unknown at validation.
 */
function readsChosenRows(field: FieldNode): boolean {
  return (field.arguments ?? []).some(({ name, value }) => {
    if (value.kind === Kind.VARIABLE) return name.value === 'search' || name.value === 'filter';
    if (name.value === 'search') return value.kind === Kind.STRING && searchTerms(value.value).length > 0;
    if (name.value === 'filter') {
      return value.kind === Kind.OBJECT && value.fields.some((f) => SCAN_FILTER_FIELDS.has(f.name.value) && f.value.kind !== Kind.NULL);
    }
    return false;
  });
}

function fieldCost(coordinate: string, field: FieldNode): number {
  if (!COSTLY_FIELDS.has(field.name.value)) return 0;
  return FILTERED_FIELDS.has(coordinate) && readsChosenRows(field) ? SCAN_COST : 1;
}

export interface OperationMeasures {
  /** Fields, a fragment counting each time it is spread. */
  fields: number;
  aliases: number;
  /** Fields directly at the root (through fragments too). */
  rootFields: number;
  /** Nesting of fields; a root field is depth 1. */
  depth: number;
  /** Fields that run a database query, weighted by what they read (`fieldCost`). */
  cost: number;
  /** Upper bound of the response's `data`, in bytes of UTF-8 JSON. */
  responseSize: number;
}

/** Measures of one selection set; `size` is the JSON of its members, braces excluded. */
interface SetMeasures {
  fields: number;
  aliases: number;
  ownFields: number;
  depth: number;
  cost: number;
  size: number;
}

const EMPTY: SetMeasures = { fields: 0, aliases: 0, ownFields: 0, depth: 0, cost: 0, size: 0 };

// `"key":` and the comma after the value (GraphQL names are ASCII).
const memberOverhead = (key: string) => key.length + 4;

/** Measures the operations of one document, sharing fragment measures between them. */
export function createOperationMeasurer(schema: GraphQLSchema, document: DocumentNode) {
  const model: SizeModel = sizeModel(schema);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const introspection = createIntrospectionSizer(schema, fragments);
  // null while being measured: a cycle (refused by graphql-js's own rule) adds nothing.
  const memo = new Map<string, SetMeasures | null>();

  function measureFragment(name: string, pageSize: number): SetMeasures {
    const key = `${name}\u0000${pageSize}`;
    const known = memo.get(key);
    if (known !== undefined) return known ?? EMPTY;
    const fragment = fragments.get(name);
    if (!fragment) return EMPTY;
    memo.set(key, null);
    const measured = measureSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), pageSize);
    memo.set(key, measured);
    return measured;
  }

  function measureSet(set: SelectionSetNode, parent: GraphQLNamedType | null | undefined, pageSize: number): SetMeasures {
    const total = { ...EMPTY };
    for (const selection of set.selections) {
      let part: SetMeasures;
      if (selection.kind === Kind.FIELD) part = measureField(selection, parent, pageSize);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        part = measureSet(selection.selectionSet, condition, pageSize);
      } else part = measureFragment(selection.name.value, pageSize);
      total.fields += part.fields;
      total.aliases += part.aliases;
      total.ownFields += part.ownFields;
      total.cost += part.cost;
      total.size += part.size;
      total.depth = Math.max(total.depth, part.depth);
    }
    return total;
  }

  function fieldType(parent: GraphQLNamedType | null | undefined, name: string): GraphQLOutputType | undefined {
    if (name === '__schema') return schema.getType('__Schema') as GraphQLOutputType;
    if (name === '__type') return schema.getType('__Type') as GraphQLOutputType;
    return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name]?.type : undefined;
  }

  function measureField(field: FieldNode, parent: GraphQLNamedType | null | undefined, pageSize: number): SetMeasures {
    const name = field.name.value;
    const coordinate = `${parent?.name ?? ''}.${name}`;
    const type = fieldType(parent, name);
    const below = field.selectionSet
      ? measureSet(field.selectionSet, type && getNamedType(type), model.pageSize(coordinate, field) ?? pageSize)
      : EMPTY;
    let value: number;
    if (name === '__typename') value = model.typeNameSize;
    else if (name === '__schema' || name === '__type') value = introspection.size(field);
    else value = type ? valueSize(type, coordinate, field, pageSize, below.size) : 0;
    return {
      fields: 1 + below.fields,
      aliases: (field.alias ? 1 : 0) + below.aliases,
      ownFields: 1,
      depth: 1 + below.depth,
      cost: fieldCost(coordinate, field) + below.cost,
      size: memberOverhead((field.alias ?? field.name).value) + value,
    };
  }

  function valueSize(type: GraphQLOutputType, coordinate: string, field: FieldNode, pageSize: number, membersSize: number): number {
    if (isNonNullType(type)) return valueSize(type.ofType, coordinate, field, pageSize, membersSize);
    let size: number;
    if (isListType(type)) {
      const length = model.listLength(coordinate, field, pageSize);
      size = length === 0 ? 2 : 2 + length * (valueSize(type.ofType, coordinate, field, pageSize, membersSize) + 1);
    } else if (isEnumType(type)) {
      size = 2 + Math.max(0, ...type.getValues().map((v) => v.name.length));
    } else if (isScalarType(type)) {
      size = model.scalarSize(coordinate, type.name);
    } else {
      size = 2 + membersSize;
    }
    // A nullable value may be `null` instead.
    return Math.max(size, 'null'.length);
  }

  return {
    measure(operation: OperationDefinitionNode): OperationMeasures {
      const m = measureSet(operation.selectionSet, schema.getRootType(operation.operation), 0);
      return { fields: m.fields, aliases: m.aliases, rootFields: m.ownFields, depth: m.depth, cost: m.cost, responseSize: 2 + m.size };
    },
  };
}

export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): OperationMeasures {
  return createOperationMeasurer(schema, document).measure(operation);
}

type IntrospectionKind = '__Schema' | '__Type' | '__Field' | '__InputValue' | '__EnumValue' | '__Directive';

/**
 * Steps the introspection sizer may take for one document; past it the response is
 * taken as unbounded (refused). The standard introspection query takes about 5,000.
 */
const INTROSPECTION_STEPS_MAX = 200_000;

/**
 * Sizes the answer to `__schema` and `__type` exactly, by walking the selection over
 * the schema's own types, fields and arguments (a bound from list maxima alone would
 * multiply out to tens of megabytes for the standard introspection query). Each
 * selection set is sized once per schema element it applies to.
 */
function createIntrospectionSizer(schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
  const memo = new Map<SelectionSetNode, Map<unknown, number | null>>();
  let steps = 0;
  // Bytes as sent: escapes and UTF-8 included (descriptions may hold any text).
  const text = (value: string | null | undefined) => (value == null ? 4 : Buffer.byteLength(JSON.stringify(value)));
  const flag = 'false'.length;

  function members(set: SelectionSetNode, kind: IntrospectionKind, element: unknown): number {
    let perSet = memo.get(set);
    if (!perSet) memo.set(set, (perSet = new Map()));
    const known = perSet.get(element);
    if (known !== undefined) return known ?? 0;
    perSet.set(element, null);
    let size = 0;
    for (const selection of set.selections) {
      if (++steps > INTROSPECTION_STEPS_MAX) size = Infinity;
      if (size === Infinity) break;
      if (selection.kind === Kind.FIELD) {
        size += memberOverhead((selection.alias ?? selection.name).value) + value(selection, kind, element);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        size += members(selection.selectionSet, kind, element);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) size += members(fragment.selectionSet, kind, element);
      }
    }
    perSet.set(element, size);
    return size;
  }

  const object = (field: FieldNode, kind: IntrospectionKind, element: unknown) =>
    element == null || !field.selectionSet ? 4 : 2 + members(field.selectionSet, kind, element);

  function list(field: FieldNode, kind: IntrospectionKind, elements: readonly unknown[] | null): number {
    if (!elements) return 4;
    steps += elements.length;
    let size = 2;
    for (const element of elements) size += 1 + object(field, kind, element);
    return size;
  }

  const LOCATION_MAX = 2 + Math.max(...schema.getDirectives().flatMap((d) => d.locations.map((l) => l.length)));
  const TYPE_KIND_MAX = 2 + 'INPUT_OBJECT'.length;

  function value(field: FieldNode, kind: IntrospectionKind, element: unknown): number {
    const name = field.name.value;
    if (name === '__typename') return 2 + kind.length;
    switch (kind) {
      case '__Schema': {
        const s = element as GraphQLSchema;
        if (name === 'description') return text(s.description);
        if (name === 'types') return list(field, '__Type', Object.values(s.getTypeMap()));
        if (name === 'queryType') return object(field, '__Type', s.getQueryType());
        if (name === 'mutationType') return object(field, '__Type', s.getMutationType());
        if (name === 'subscriptionType') return object(field, '__Type', s.getSubscriptionType());
        if (name === 'directives') return list(field, '__Directive', s.getDirectives());
        break;
      }
      case '__Type': {
        const t = element as GraphQLType;
        const wrapper = isListType(t) || isNonNullType(t);
        if (name === 'kind') return TYPE_KIND_MAX;
        if (name === 'name') return text(wrapper ? null : t.name);
        if (name === 'description') return text(wrapper ? null : t.description);
        if (name === 'specifiedByURL') return text(isScalarType(t) ? t.specifiedByURL : null);
        if (name === 'fields') return list(field, '__Field', isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : null);
        if (name === 'interfaces') return list(field, '__Type', isObjectType(t) || isInterfaceType(t) ? t.getInterfaces() : null);
        if (name === 'possibleTypes') return list(field, '__Type', isAbstractType(t) ? schema.getPossibleTypes(t) : null);
        if (name === 'enumValues') return list(field, '__EnumValue', isEnumType(t) ? t.getValues() : null);
        if (name === 'inputFields') return list(field, '__InputValue', isInputObjectType(t) ? Object.values(t.getFields()) : null);
        if (name === 'ofType') return object(field, '__Type', wrapper ? t.ofType : null);
        if (name === 'isOneOf') return flag;
        break;
      }
      case '__Field': {
        const f = element as GraphQLField<unknown, unknown>;
        if (name === 'name') return text(f.name);
        if (name === 'description') return text(f.description);
        if (name === 'args') return list(field, '__InputValue', f.args);
        if (name === 'type') return object(field, '__Type', f.type);
        if (name === 'isDeprecated') return flag;
        if (name === 'deprecationReason') return text(f.deprecationReason);
        break;
      }
      case '__InputValue': {
        const v = element as GraphQLArgument | GraphQLInputField;
        if (name === 'name') return text(v.name);
        if (name === 'description') return text(v.description);
        if (name === 'type') return object(field, '__Type', v.type);
        if (name === 'defaultValue') {
          const ast = v.defaultValue === undefined ? null : astFromValue(v.defaultValue, v.type);
          return text(ast ? print(ast) : null);
        }
        if (name === 'isDeprecated') return flag;
        if (name === 'deprecationReason') return text(v.deprecationReason);
        break;
      }
      case '__EnumValue': {
        const v = element as GraphQLEnumValue;
        if (name === 'name') return text(v.name);
        if (name === 'description') return text(v.description);
        if (name === 'isDeprecated') return flag;
        if (name === 'deprecationReason') return text(v.deprecationReason);
        break;
      }
      case '__Directive': {
        const d = element as GraphQLDirective;
        if (name === 'name') return text(d.name);
        if (name === 'description') return text(d.description);
        if (name === 'isRepeatable') return flag;
        if (name === 'locations') return 2 + d.locations.length * (1 + LOCATION_MAX);
        if (name === 'args') return list(field, '__InputValue', d.args);
        break;
      }
    }
    // Not an introspection field: refused by validation.
    return 0;
  }

  return {
    /** Bytes of the value of a root `__schema` or `__type` field. */
    size(field: FieldNode): number {
      if (field.name.value === '__schema') return object(field, '__Schema', schema);
      const argument = field.arguments?.find((a) => a.name.value === 'name')?.value;
      if (argument?.kind === Kind.STRING) return object(field, '__Type', schema.getType(argument.value));
      // A variable may name any type.
      return Math.max(4, ...Object.values(schema.getTypeMap()).map((t) => object(field, '__Type', t)));
    },
  };
}
