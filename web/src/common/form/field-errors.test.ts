// The one rule for which error a field shows, as a table: each row is what happened
// to a form (in order) and what the title field shows when its live check says LIVE.
import { describe, expect, it } from 'vitest';
import type { MutationError } from '../mutation-outcome.js';
import {
  fieldErrorsReducer,
  formLevelErrors,
  initialFieldErrors,
  shownFieldError,
  type FieldErrorsAction,
  type FieldErrorsState,
} from './field-errors.js';

type Field = 'title' | 'description';
const LIVE = 'live check';
const refusal = (field: string | null, message = `server: ${field}`): MutationError => ({ field, message, code: 'INVALID' });
const run = (actions: FieldErrorsAction<Field>[]) => actions.reduce<FieldErrorsState<Field>>(fieldErrorsReducer, initialFieldErrors);

describe('shownFieldError', () => {
  it.each<[string, FieldErrorsAction<Field>[], string | null]>([
    ['nothing yet: an untouched field is not scolded', [], null],
    ['another field left', [{ type: 'left', field: 'description' }], null],
    ['the field left', [{ type: 'left', field: 'title' }], LIVE],
    ['the field edited', [{ type: 'edited', field: 'title' }], LIVE],
    ['a submission tried', [{ type: 'submitted' }], LIVE],
    ['the server refused the value', [{ type: 'submitted' }, { type: 'refused', errors: [refusal('title')] }], 'server: title'],
    [
      'refused, then the field edited',
      [
        { type: 'refused', errors: [refusal('title')] },
        { type: 'edited', field: 'title' },
      ],
      LIVE,
    ],
    [
      'refused, then only left',
      [
        { type: 'refused', errors: [refusal('title')] },
        { type: 'left', field: 'title' },
      ],
      'server: title',
    ],
    [
      'refused, then another field edited',
      [
        { type: 'refused', errors: [refusal('title')] },
        { type: 'edited', field: 'description' },
      ],
      'server: title',
    ],
    [
      'refused, then sent again',
      [{ type: 'refused', errors: [refusal('title')] }, { type: 'submitted' }, { type: 'refused', errors: [] }],
      LIVE,
    ],
    [
      'saved and emptied: starts over',
      [{ type: 'edited', field: 'title' }, { type: 'submitted' }, { type: 'refused', errors: [refusal('title')] }, { type: 'reset' }],
      null,
    ],
  ])('%s', (_, actions, shown) => {
    expect(shownFieldError(run(actions), 'title', LIVE)).toBe(shown);
  });

  it('shows nothing when the live check finds nothing and the server refused nothing', () => {
    expect(shownFieldError(run([{ type: 'submitted' }]), 'title', null)).toBeNull();
  });
});

describe('formLevelErrors', () => {
  it('keeps the refusals that name no field of the form, in order', () => {
    const state = run([{ type: 'refused', errors: [refusal('title'), refusal(null, 'unreachable'), refusal('id', 'no such ticket')] }]);
    expect(formLevelErrors(state, ['title', 'description']).map((e) => e.message)).toEqual(['unreachable', 'no such ticket']);
  });
});
