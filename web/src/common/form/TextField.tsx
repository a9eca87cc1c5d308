// A labelled text input or textarea with its character counter, an optional hint and
// its error, wired for assistive technology: the hint, the counter and the error
// describe the control (aria-describedby), and an error marks it invalid
// (aria-invalid). Which error to show is the form's call (field-errors.ts); this only
// shows it.
import { useId } from 'react';
import { characterCount } from '../characters.js';

interface Props {
  label: string;
  name: string;
  value: string;
  /** The server's limit in code points, shown as "count / max"; the count turns red past it. None: no counter (a password). */
  max?: number;
  error: string | null;
  onChange(value: string): void;
  onBlur?(): void;
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
  /** The input's type; a password is masked and offered to password managers. */
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  /** A line under the label that says what is expected. */
  hint?: string;
  /** Focused when the screen opens: the one field a screen is for (a new ticket's title). */
  autoFocus?: boolean;
}

export function TextField({ label, name, value, max, error, onChange, onBlur, rows, type, autoComplete, hint, autoFocus }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const length = characterCount(value);
  const describedBy = [hint ? hintId : null, max === undefined ? null : countId, error ? errorId : null].filter(Boolean).join(' ');
  const control = {
    id,
    name,
    value,
    autoComplete,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    onBlur,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {rows === undefined ? (
        <input {...control} type={type} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <textarea {...control} rows={rows} onChange={(e) => onChange(e.target.value)} />
      )}
      {max === undefined ? null : (
        <p id={countId} className={`counter${length > max ? ' counter--over' : ''}`}>
          {length.toLocaleString('en')} / {max.toLocaleString('en')}
        </p>
      )}
      <FieldErrorText id={errorId} error={error} />
    </div>
  );
}

/** A field's error, when it has one, under the id its control refers to. */
export function FieldErrorText({ id, error }: { id: string; error: string | null }) {
  return error ? (
    <p id={id} className="field__error">
      {error}
    </p>
  ) : null;
}
