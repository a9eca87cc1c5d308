// Selecting tickets for a bulk change: clicks, shift-click ranges in either direction,
// the page's box, and a selection outliving its rows.
import { describe, expect, it } from 'vitest';
import { emptySelection, pageCheckState, selectionReducer, type SelectionAction, type SelectionState } from './ticket-selection.js';

const rows = ['9', '8', '7', '6', '5'];

function run(...actions: SelectionAction[]): SelectionState {
  return actions.reduce(selectionReducer, emptySelection);
}
const click = (id: string, shift = false): SelectionAction => ({ type: 'click', id, shift, rows });

describe('selectionReducer', () => {
  it.each<[string, SelectionAction[], string[]]>([
    ['a click selects one row', [click('8')], ['8']],
    ['a second click clears it', [click('8'), click('8')], []],
    ['a shift-click selects the range down from the last click', [click('8'), click('6', true)], ['8', '7', '6']],
    ['a shift-click selects the range up as well', [click('6'), click('9', true)], ['6', '9', '8', '7']],
    ['a shift-click with no earlier click selects only its row', [click('7', true)], ['7']],
    ['a shift-click on a selected row clears the range', [click('9'), click('5', true), click('8'), click('6', true)], ['9', '5']],
    ['a shift-click extends from the latest click', [click('9'), click('7'), click('5', true)], ['9', '7', '6', '5']],
    ['the page box selects every row', [click('8'), { type: 'toggle-page', rows }], ['8', '9', '7', '6', '5']],
    [
      'the page box clears the page when all are selected',
      [
        { type: 'toggle-page', rows },
        { type: 'toggle-page', rows },
      ],
      [],
    ],
    ['clear empties the selection', [click('8'), click('6', true), { type: 'clear' }], []],
    ['rows no longer shown leave the selection', [click('9'), click('7', true), { type: 'rows-shown', rows: ['8', '7', '1'] }], ['8', '7']],
  ])('%s', (_title, actions, selected) => {
    expect(run(...actions).selected).toEqual(selected);
  });

  it('forgets the anchor when its row is gone, so a shift-click selects only its row', () => {
    const state = run(click('9'), { type: 'rows-shown', rows: ['8', '7'] });
    expect(selectionReducer(state, { type: 'click', id: '7', shift: true, rows: ['8', '7'] }).selected).toEqual(['7']);
  });

  it.each<[string, SelectionAction[], 'all' | 'some' | 'none']>([
    ['none', [], 'none'],
    ['some', [click('8')], 'some'],
    ['all', [{ type: 'toggle-page', rows }], 'all'],
  ])('the page box is %s', (_title, actions, expected) => {
    expect(pageCheckState(run(...actions), rows)).toBe(expected);
  });
});
