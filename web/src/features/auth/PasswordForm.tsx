// Changing one's password: the current one, and the new one twice (a typo there would
// lock the agent out). The server's refusals land at their fields: a wrong current
// password, a new one too short or too common.
import { useId, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { reworded } from '../../common/mutation-outcome.js';
import { enteredPasswordProblem, NEW_PASSWORD_HINT, newPasswordProblem } from './auth-validation.js';
import { useChangePassword } from './use-change-password.js';

const FIELDS = ['currentPassword', 'newPassword', 'repeatPassword'] as const;
type Field = (typeof FIELDS)[number];

const EMPTY: Record<Field, string> = { currentPassword: '', newPassword: '', repeatPassword: '' };

export function PasswordForm() {
  const formErrorsId = useId();
  const [changePassword, { loading }] = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [changed, setChanged] = useState(false);
  const errors = useFieldErrors(FIELDS);
  const live: Record<Field, string | null> = {
    currentPassword: enteredPasswordProblem(values.currentPassword),
    newPassword: newPasswordProblem(values.newPassword),
    repeatPassword: values.repeatPassword === values.newPassword ? null : 'The two new passwords differ.',
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // React forgets the event's target once the handler has awaited.
    const form = event.currentTarget;
    errors.submitted();
    const invalid = FIELDS.find((field) => live[field]);
    if (invalid) return focusField(form, invalid);
    errors.refused([]);
    const outcome = await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!outcome.ok) {
      errors.refused(reworded(outcome.errors, { WRONG_PASSWORD: 'This is not your current password.' }));
      const first = outcome.errors.find((e) => e.field !== null && (FIELDS as readonly string[]).includes(e.field));
      if (first?.field) focusField(form, first.field);
      return;
    }
    setValues(EMPTY);
    errors.reset();
    setChanged(true);
  }

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete={autoComplete}
      value={values[name]}
      hint={hint}
      error={errors.errorFor(name, live[name])}
      onChange={(value) => {
        setValues((current) => ({ ...current, [name]: value }));
        setChanged(false);
        errors.edited(name);
      }}
      onBlur={() => errors.left(name)}
    />
  );

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="password-heading"
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      <h2 id="password-heading">Password</h2>
      <FormErrors id={formErrorsId} title="The password was not changed." errors={errors.formErrors} />
      {field('currentPassword', 'Current password', 'current-password')}
      {field('newPassword', 'New password', 'new-password', NEW_PASSWORD_HINT)}
      {field('repeatPassword', 'New password again', 'new-password')}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Saving…' : 'Change password'}
        </button>
        <span role="status" className="form__status">
          {changed ? 'Password changed. Your other sessions were signed out.' : null}
        </span>
      </div>
    </form>
  );
}
