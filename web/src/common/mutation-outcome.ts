// What a use<Verb><Noun> mutation hook answers: the value once the server saved the
// change, or why not: the server's userErrors (each naming its field, when it has one),
// the server throttling the client (field null, code RATE_LIMITED), or the request
// failing otherwise: unreachable, refused, not allowed (field null, code NETWORK).
import type { UserErrorCode } from '../gql/graphql.js';
import { describeProblem } from './errors.js';

export interface MutationError {
  field: string | null;
  message: string;
  code: UserErrorCode | 'NETWORK' | 'RATE_LIMITED';
}

export type MutationOutcome<T = undefined> = { ok: true; value: T } | { ok: false; errors: MutationError[] };

/** An exception or transport failure, as the one error of a failed outcome. */
export function networkError(error: unknown): MutationError {
  const problem = describeProblem(error);
  return { field: null, code: problem.kind === 'rate-limited' ? 'RATE_LIMITED' : 'NETWORK', message: problem.message };
}

/** One line for a control changed in place, which has no field to show errors at. */
export function refusalText(what: string, errors: readonly MutationError[]): string {
  return `${what} not changed: ${errors.map((e) => e.message).join(' ') || 'the server refused it.'}`;
}

/** The refusals, with the app's own wording for the codes in `messages` and the server's for the rest. */
export function reworded(errors: readonly MutationError[], messages: Partial<Record<MutationError['code'], string>>): MutationError[] {
  return errors.map((e) => ({ ...e, message: messages[e.code] ?? e.message }));
}
