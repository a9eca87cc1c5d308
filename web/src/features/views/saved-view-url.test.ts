// A saved view is an address of the tickets list: built from what the server keeps,
// recognised whichever way the URL lists its parameters, and described in one line.
import { describe, expect, it } from 'vitest';
import { makeSavedView } from '../../../test/support/fake-backend.js';
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

  it('opens a view saved for several assignees (through the API) with the first the URL can hold', () => {
    const several = makeSavedView({
      filter: { ...critical.filter, assignee: { __typename: 'SavedViewAssignee', me: false, none: true, userIds: ['4'] } },
    });
    expect(savedTicketsView(several).assignee).toBe('none');
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
