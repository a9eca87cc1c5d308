// Which error a form shows, and where: the one rule for every form.
//
// - A field shows the server's refusal of the value it was sent until the agent edits
//   that field: the server is the authority on the value it judged.
// - Otherwise it shows the live check of its current value, once the agent has edited
//   or left the field or tried to submit (an untouched empty form is not scolded).
// - Refusals naming no field of the form (a missing ticket, the server unreachable)
//   are shown once above the form.
// - A form emptied after saving starts over: nothing is shown until it is used again.
import type { MutationError } from '../mutation-outcome.js';

export interface FieldErrorsState<F extends string> {
  /** The server's refusals of the last submission, less those of fields edited since. */
  refused: readonly MutationError[];
  /** Fields the agent has edited or left. */
  touched: readonly F[];
  submitted: boolean;
}

export type FieldErrorsAction<F extends string> =
  | { type: 'edited'; field: F }
  | { type: 'left'; field: F }
  | { type: 'submitted' }
  | { type: 'refused'; errors: readonly MutationError[] }
  | { type: 'reset' };

export const initialFieldErrors: FieldErrorsState<never> = { refused: [], touched: [], submitted: false };

export function fieldErrorsReducer<F extends string>(state: FieldErrorsState<F>, action: FieldErrorsAction<F>): FieldErrorsState<F> {
  switch (action.type) {
    case 'edited':
      return { ...touch(state, action.field), refused: state.refused.filter((e) => e.field !== action.field) };
    case 'left':
      return touch(state, action.field);
    case 'submitted':
      return state.submitted ? state : { ...state, submitted: true };
    case 'refused':
      return { ...state, refused: action.errors };
    case 'reset':
      return initialFieldErrors;
  }
}

function touch<F extends string>(state: FieldErrorsState<F>, field: F): FieldErrorsState<F> {
  return state.touched.includes(field) ? state : { ...state, touched: [...state.touched, field] };
}

/** The error `field` shows, given the live check of its current value (null: none or none made). */
export function shownFieldError<F extends string>(state: FieldErrorsState<F>, field: F, live: string | null = null): string | null {
  const server = state.refused.find((e) => e.field === field);
  if (server) return server.message;
  return state.submitted || state.touched.includes(field) ? live : null;
}

/** The refusals that belong to none of the form's fields. */
export function formLevelErrors<F extends string>(state: FieldErrorsState<F>, fields: readonly F[]): MutationError[] {
  return state.refused.filter((e) => !(fields as readonly string[]).includes(e.field ?? ''));
}
