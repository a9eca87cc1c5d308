// The refusals of a form's submission that belong to no field on screen (a missing
// ticket, the server unreachable), shown once above the form (formLevelErrors in
// field-errors.ts picks them).
import type { MutationError } from '../mutation-outcome.js';

export function FormErrors({ id, title, errors }: { id?: string; title: string; errors: readonly MutationError[] }) {
  if (errors.length === 0) return null;
  return (
    <div id={id} className="callout callout--error" role="alert">
      <strong>{title}</strong>
      {errors.map((e) => (
        <p key={`${e.code}-${e.message}`}>{e.message}</p>
      ))}
    </div>
  );
}
