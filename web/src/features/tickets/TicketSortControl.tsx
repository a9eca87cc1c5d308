// How the tickets list is ordered: newest or oldest first, by priority (critical
// first) or by last change. The choice is part of the list's URL, like its filters
// (tickets-url.ts), so each change is a step Back undoes and a saved view keeps it.
import type { TicketOrder } from '../../gql/graphql.js';
import { SelectField } from '../../common/form/SelectField.js';
import { SORT_LABEL, SORTS } from './ticket-sort.js';

export function TicketSortControl({ sort, onChange }: { sort: TicketOrder; onChange(sort: TicketOrder): void }) {
  return (
    <SelectField
      label="Sort"
      name="sort"
      className="field field--inline sort-control"
      values={SORTS}
      labels={SORT_LABEL}
      value={sort}
      onChange={onChange}
    />
  );
}
