// Which tickets of the list are selected for a bulk change: a click toggles one, a
// shift-click sets the range from the last clicked row to this one to the clicked
// row's new state (as mail clients do), and one box selects or clears the whole page.
// Only rows on screen can be selected: a selection outliving its rows (another filter)
// keeps only those still shown. Pure, so it is tested directly.

export interface SelectionState {
  /** Selected ticket ids, in the order they were selected. */
  selected: readonly string[];
  /** The row a shift-click extends from: the last one clicked. */
  anchor: string | null;
}

export type SelectionAction =
  | { type: 'click'; id: string; shift: boolean; rows: readonly string[] }
  | { type: 'toggle-page'; rows: readonly string[] }
  | { type: 'clear' }
  | { type: 'rows-shown'; rows: readonly string[] };

export const emptySelection: SelectionState = { selected: [], anchor: null };

function setAll(selected: readonly string[], ids: readonly string[], on: boolean): string[] {
  const out = selected.filter((id) => on || !ids.includes(id));
  if (on) for (const id of ids) if (!out.includes(id)) out.push(id);
  return out;
}

export function selectionReducer(state: SelectionState, action: SelectionAction): SelectionState {
  switch (action.type) {
    case 'click': {
      const on = !state.selected.includes(action.id);
      const from = state.anchor === null ? -1 : action.rows.indexOf(state.anchor);
      const to = action.rows.indexOf(action.id);
      const range = action.shift && from !== -1 && to !== -1 ? action.rows.slice(Math.min(from, to), Math.max(from, to) + 1) : [action.id];
      return { selected: setAll(state.selected, range, on), anchor: action.id };
    }
    case 'toggle-page': {
      const all = action.rows.length > 0 && action.rows.every((id) => state.selected.includes(id));
      return { selected: setAll(state.selected, action.rows, !all), anchor: null };
    }
    case 'clear':
      return emptySelection;
    case 'rows-shown': {
      const kept = state.selected.filter((id) => action.rows.includes(id));
      const anchor = state.anchor !== null && action.rows.includes(state.anchor) ? state.anchor : null;
      if (kept.length === state.selected.length && anchor === state.anchor) return state;
      return { selected: kept, anchor };
    }
  }
}

/** The page's box: ticked when every row is selected, mixed when some are. */
export function pageCheckState(state: SelectionState, rows: readonly string[]): 'all' | 'some' | 'none' {
  const count = rows.filter((id) => state.selected.includes(id)).length;
  if (count === 0) return 'none';
  return count === rows.length ? 'all' : 'some';
}
