// What a use<Verb><Noun> mutation hook answers: the value once the server saved the
// change, or why not: the server's userErrors (each naming its field, when it has one)
// or the server being unreachable (field null, code NETWORK).
import type { UserErrorCode } from '../gql/graphql.js';
import { describeProblem } from './errors.js';

export interface MutationError {
  field: string | null;
  message: string;
  code: UserErrorCode | 'NETWORK';
}

export type MutationOutcome<T = undefined> = { ok: true; value: T } | { ok: false; errors: MutationError[] };

/** An exception or transport failure, as the one error of a failed outcome. */
export function networkError(error: unknown): MutationError {
  return { field: null, code: 'NETWORK', message: describeProblem(error).message };
}

/** One line for a control changed in place, which has no field to show errors at. */
export function refusalText(what: string, errors: readonly MutationError[]): string {
  return `${what} not changed: ${errors.map((e) => e.message).join(' ') || 'the server refused it.'}`;
}
