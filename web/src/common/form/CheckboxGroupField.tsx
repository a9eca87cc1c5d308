// Choosing several values of a closed vocabulary (a GraphQL enum list) as a group of
// checkboxes under a legend, each with an optional description, and the group's error
// wired to it, as TextField and SelectField do for one control.
import { useId } from 'react';
import { FieldErrorText } from './TextField.js';

interface Props<T extends string> {
  legend: string;
  /** The name of the input field the server's errors refer to. */
  name: string;
  /** Every value, in display order. */
  values: readonly T[];
  labels: Record<T, string>;
  descriptions?: Record<T, string>;
  selected: readonly T[];
  /** Called with the new selection, in the order of `values`. */
  onChange(selected: T[]): void;
  error: string | null;
}

export function CheckboxGroupField<T extends string>({ legend, name, values, labels, descriptions, selected, onChange, error }: Props<T>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className="field field--group" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {values.map((value) => {
        const checked = selected.includes(value);
        const descriptionId = `${id}-${value}`;
        return (
          <div key={value} className="check check--described">
            <input
              id={`${id}-${value}-input`}
              type="checkbox"
              name={name}
              value={value}
              checked={checked}
              aria-describedby={descriptions ? descriptionId : undefined}
              onChange={() => onChange(values.filter((v) => (v === value ? !checked : selected.includes(v))))}
            />
            <label htmlFor={`${id}-${value}-input`}>{labels[value]}</label>
            {descriptions ? (
              <p id={descriptionId} className="check__description">
                {descriptions[value]}
              </p>
            ) : null}
          </div>
        );
      })}
      <FieldErrorText id={errorId} error={error} />
    </fieldset>
  );
}
