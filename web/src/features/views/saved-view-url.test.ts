// A saved view is an address of the tickets list: built from what the server keeps
// (every field of it, whoever saved it: the schema's SavedViewFilter, field by field),
// recognised whichever way the URL lists its parameters, and described in one line.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isObjectType,
  Kind,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { contractSchema, makeSavedView } from '../../../test/support/fake-backend.js';
import { SavedViewsDocument } from '../../gql/graphql.js';
import { EMPTY_VIEW, readTicketsView } from '../tickets/tickets-url.js';
import { describeTicketsView, isShowing, savedTicketsView, savedViewHref, savedViewInput } from './saved-view-url.js';

const critical = makeSavedView({
  name: 'Critical open',
  search: 'outage',
  orderBy: 'PRIORITY',
  filter: {
    __typename: 'SavedViewFilter',
    categories: null,
    priorities: ['CRITICAL', 'HIGH'],
    statuses: ['OPEN'],
    createdAfter: null,
    createdBefore: null,
    suggestedCategories: null,
    suggestedPriorities: null,
    suggestionOutcomes: null,
    filedCategories: null,
    filedPriorities: null,
    suggestionConfidenceBands: null,
    assignee: { __typename: 'SavedViewAssignee', me: true, none: false, userIds: [] },
  },
});

describe('a saved view’s address', () => {
  it('is the tickets list with its filters, search and order', () => {
    expect(savedViewHref(critical)).toBe('/tickets?assignee=me&priority=HIGH&priority=CRITICAL&status=OPEN&q=outage&sort=priority');
    expect(savedViewHref(makeSavedView())).toBe('/tickets');
  });

  it('round-trips through the list’s URL to what was saved', () => {
    const view = readTicketsView(new URLSearchParams(savedViewHref(critical).split('?')[1]));
    expect(view).toEqual(savedTicketsView(critical));
    expect(savedViewInput('Again', view)).toEqual({
      name: 'Again',
      filter: { priorities: ['HIGH', 'CRITICAL'], statuses: ['OPEN'], assignee: { me: true } },
      search: 'outage',
      orderBy: 'PRIORITY',
    });
  });

  it('keeps the triage card’s filters (filed values, confidence bands) when saved from such a list', () => {
    const triage = makeSavedView({
      filter: { __typename: 'SavedViewFilter', filedCategories: ['TECHNICAL'], suggestionConfidenceBands: ['HIGH', 'VERY_HIGH'] } as never,
    });
    expect(savedViewHref(triage)).toBe('/tickets?filed_category=TECHNICAL&confidence=HIGH&confidence=VERY_HIGH');
    const view = readTicketsView(new URLSearchParams(savedViewHref(triage).split('?')[1]));
    expect(savedViewInput('Triage', view).filter).toEqual({
      filedCategories: ['TECHNICAL'],
      suggestionConfidenceBands: ['HIGH', 'VERY_HIGH'],
    });
  });

  it('is recognised on the list whatever order the URL names its parameters in, and only there', () => {
    expect(isShowing(critical, '/tickets', '?sort=priority&q=outage&status=OPEN&priority=CRITICAL&priority=HIGH&assignee=me')).toBe(true);
    expect(isShowing(critical, '/tickets', '?sort=priority&q=outage&status=OPEN&priority=CRITICAL&assignee=me')).toBe(false);
    expect(isShowing(critical, '/tickets', '?q=outage&status=OPEN&priority=CRITICAL&priority=HIGH&assignee=me')).toBe(false);
    expect(isShowing(critical, '/dashboard', '?sort=priority&q=outage&status=OPEN&priority=CRITICAL&priority=HIGH&assignee=me')).toBe(
      false,
    );
    expect(isShowing(makeSavedView(), '/tickets', '')).toBe(true);
    expect(isShowing(makeSavedView(), '/tickets', '?sort=newest')).toBe(true);
  });

  it('opens a view saved for several people (through the API) with all of them, and says so', () => {
    const several = makeSavedView({
      filter: { ...critical.filter, assignee: { __typename: 'SavedViewAssignee', me: false, none: true, userIds: ['12', '4'] } },
    });
    expect(savedViewHref(several)).toBe('/tickets?assignee=none&assignee=4&assignee=12&priority=HIGH&priority=CRITICAL&status=OPEN');
    expect(savedTicketsView(several).assignee).toEqual({ me: false, none: true, userIds: ['4', '12'] });
    expect(savedViewInput('Again', savedTicketsView(several)).filter?.assignee).toEqual({ none: true, userIds: ['4', '12'] });
    expect(describeTicketsView(savedTicketsView(several))).toMatch(/^Assigned to nobody, user 4 or user 12 · /);
    expect(isShowing(several, '/tickets', '?assignee=12&assignee=none&assignee=4&status=OPEN&priority=CRITICAL&priority=HIGH')).toBe(true);
    expect(isShowing(several, '/tickets', '?assignee=none&status=OPEN&priority=CRITICAL&priority=HIGH')).toBe(false);
  });

  it('opens a view with a creation window closed on both sides (through the API) with both ends, and says so', () => {
    const bounded = makeSavedView({
      filter: { ...makeSavedView().filter, createdAfter: '2026-03-01T00:00:00.000Z', createdBefore: '2026-04-01T00:00:00.000Z' },
    });
    expect(savedViewHref(bounded)).toBe('/tickets?since=2026-03-01T00%3A00%3A00.000Z&before=2026-04-01T00%3A00%3A00.000Z');
    expect(savedViewInput('Again', savedTicketsView(bounded)).filter).toEqual({
      createdAfter: '2026-03-01T00:00:00.000Z',
      createdBefore: '2026-04-01T00:00:00.000Z',
    });
    expect(describeTicketsView(savedTicketsView(bounded))).toMatch(
      /^Created since .*2026.* · Created before .*2026.* · Sorted: Newest first$/,
    );
  });
});

/** A value of `type` for each field, lists of two, so that nothing a field can hold goes untried. */
function sample(type: GraphQLOutputType, name: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = getNamedType(nullable);
    if (isEnumType(item))
      return item
        .getValues()
        .slice(0, 2)
        .map((v) => v.value as string);
    if (item.name === 'ID') return ['12', '4'];
    throw new Error(`no sample list of ${item.name} (${name})`);
  }
  if (isObjectType(nullable))
    return Object.fromEntries([
      ['__typename', nullable.name],
      ...Object.values(nullable.getFields()).map((field) => [field.name, sample(field.type, field.name)]),
    ]);
  if (nullable.name === 'Boolean') return true;
  // Each instant its own, from the field's name.
  if (nullable.name === 'DateTimeISO') return `2026-0${(name.length % 9) + 1}-01T10:00:00.000Z`;
  throw new Error(`no sample of ${nullable.name} (${name})`);
}

/** What the server keeps, as an input: no typenames, lists in one order. */
function normalised(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as string[])].sort();
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== '__typename')
        .map(([key, v]) => [key, normalised(v)]),
    );
  return value;
}

/** The fields a selection set asks for, nested ones as `parent.child`. */
function selected(set: SelectionSetNode | undefined, prefix = ''): string[] {
  return (set?.selections ?? []).flatMap((node) =>
    node.kind === Kind.FIELD ? [`${prefix}${node.name.value}`, ...selected(node.selectionSet, `${prefix}${node.name.value}.`)] : [],
  );
}

describe('every field of a saved view’s filter', () => {
  const type = contractSchema().getType('SavedViewFilter');
  if (!isObjectType(type)) throw new Error('SavedViewFilter is not an object type');

  it('is asked for by the app', () => {
    const fragment = SavedViewsDocument.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === 'SavedView_view');
    const filter =
      fragment && 'selectionSet' in fragment
        ? fragment.selectionSet.selections.find((n) => n.kind === Kind.FIELD && n.name.value === 'filter')
        : undefined;
    const asked = selected(filter && 'selectionSet' in filter ? filter.selectionSet : undefined);
    const schema = Object.values(type.getFields()).flatMap((field) => {
      const inner = getNamedType(field.type);
      return [field.name, ...(isObjectType(inner) ? Object.keys(inner.getFields()).map((sub) => `${field.name}.${sub}`) : [])];
    });
    expect(asked.sort()).toEqual(schema.sort());
  });

  it('survives the trip through the list’s URL, and saving it again stores the same', () => {
    const filter = sample(type, 'filter') as Record<string, unknown>;
    const saved = makeSavedView({ filter: filter as never, search: 'outage', orderBy: 'PRIORITY' });
    const opened = readTicketsView(new URLSearchParams(savedViewHref(saved).split('?')[1]));
    const again = savedViewInput('Again', opened);
    expect(normalised(again.filter)).toEqual(normalised(filter));
    expect(again).toMatchObject({ search: 'outage', orderBy: 'PRIORITY' });
  });
});

describe('describeTicketsView', () => {
  it('says whose tickets, each filter, the search and the order', () => {
    expect(describeTicketsView(savedTicketsView(critical))).toBe(
      'Assigned to me · Status: Open · Priority: High, Critical · Search: “outage” · Sorted: Critical first',
    );
  });

  it('says "All tickets" for a view that narrows nothing', () => {
    expect(describeTicketsView({ ...EMPTY_VIEW, sort: 'RECENTLY_CHANGED' })).toBe('All tickets · Sorted: Last changed');
  });
});
