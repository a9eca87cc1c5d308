// Choosing one value of a closed vocabulary (a GraphQL enum) in a form: the labelled
// field with an optional note and its error wired to it (SelectField, on the bare
// EnumSelect), as TextField does; and a labelled choice that may be left unmade
// (OptionalSelectField: "no change"). A change that takes effect at once is made with
// ChoiceMenu instead: a select's arrow keys change its value while merely focused.
import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { FieldErrorText } from './TextField.js';

type SelectAttributes = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'>;

interface EnumProps<T extends string> {
  /** Every value, in display order. */
  values: readonly T[];
  labels: Record<T, string>;
  value: T;
  /** Called only with one of `values`. */
  onChange(value: T): void;
}

function EnumSelect<T extends string>({
  values,
  labels,
  value,
  onChange,
  className = 'select',
  ...attributes
}: EnumProps<T> & SelectAttributes) {
  return (
    <select
      {...attributes}
      className={className}
      value={value}
      onChange={(event) => {
        const chosen = values.find((v) => v === event.target.value);
        if (chosen !== undefined) onChange(chosen);
      }}
    >
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </select>
  );
}

interface FieldProps<T extends string> extends EnumProps<T> {
  label: string;
  name?: string;
  error?: string | null;
  /** Class of the field's wrapper. */
  className?: string;
  selectClassName?: string;
  /** Text under the control that describes it, rendered with the id it is referred to by. */
  note?: (id: string) => ReactNode;
}

export function SelectField<T extends string>({
  label,
  name,
  error = null,
  className = 'field',
  selectClassName,
  note,
  ...choice
}: FieldProps<T>) {
  const id = useId();
  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  const describedBy = [note ? noteId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <EnumSelect
        {...choice}
        id={id}
        name={name}
        className={selectClassName}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
      />
      {note?.(noteId)}
      <FieldErrorText id={errorId} error={error} />
    </div>
  );
}

interface OptionalProps<T extends string> {
  label: string;
  /** Every value, in display order. */
  values: readonly T[];
  labels: Record<T, string>;
  /** Null: none chosen, shown as `emptyLabel`. */
  value: T | null;
  emptyLabel: string;
  onChange(value: T | null): void;
  className?: string;
}

export function OptionalSelectField<T extends string>({
  label,
  values,
  labels,
  value,
  emptyLabel,
  onChange,
  className = 'field',
}: OptionalProps<T>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        onChange={(event) => onChange(values.find((v) => v === event.target.value) ?? null)}
      >
        <option value="">{emptyLabel}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </div>
  );
}
