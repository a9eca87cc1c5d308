// The refusals of a form's submission that belong to no field on screen (a missing
// ticket, the server unreachable), shown once above the form.

interface FieldError {
  field: string | null;
  code: string;
  message: string;
}

const FIELDS_ON_SCREEN = ['title', 'description', 'category', 'priority'];

/** The errors a form shows above its fields rather than beside one. */
export function formLevelErrors<E extends FieldError>(errors: readonly E[]): E[] {
  return errors.filter((e) => !FIELDS_ON_SCREEN.includes(e.field ?? ''));
}

export function FormErrors({ id, title, errors }: { id?: string; title: string; errors: readonly FieldError[] }) {
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
