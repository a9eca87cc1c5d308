// A form's errors by the rule in field-errors.ts, as a hook: the form reports what the
// agent and the server did, and asks which error each field shows.
import { useReducer } from 'react';
import type { MutationError } from '../mutation-outcome.js';
import { fieldErrorsReducer, formLevelErrors, initialFieldErrors, shownFieldError } from './field-errors.js';

export function useFieldErrors<F extends string>(fields: readonly F[]) {
  const [state, dispatch] = useReducer(fieldErrorsReducer<F>, initialFieldErrors);
  return {
    /** The error `field` shows, given the live check of its current value. */
    errorFor: (field: F, live: string | null = null) => shownFieldError(state, field, live),
    /** Refusals for the callout above the form. */
    formErrors: formLevelErrors(state, fields),
    edited: (field: F) => dispatch({ type: 'edited', field }),
    left: (field: F) => dispatch({ type: 'left', field }),
    submitted: () => dispatch({ type: 'submitted' }),
    /** The server's answer to a submission: its refusals, or none (sending clears them). */
    refused: (errors: readonly MutationError[]) => dispatch({ type: 'refused', errors }),
    /** The form was emptied after saving: it starts over. */
    reset: () => dispatch({ type: 'reset' }),
  };
}
