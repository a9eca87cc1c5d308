// Email and password. A wrong pair, or too many attempts, is said once above the form;
// a missing value at its field.
import { useId, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { reworded } from '../../common/mutation-outcome.js';
import { emailProblem, enteredPasswordProblem } from './auth-validation.js';
import { useSignIn } from './use-sign-in.js';

const FIELDS = ['email', 'password'] as const;

export function SignInForm({ onSignedIn }: { onSignedIn(): void }) {
  const formErrorsId = useId();
  const [signIn] = useSignIn();
  // Until the session has restarted too, not only until the mutation answered.
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFieldErrors(FIELDS);
  const live = { email: emailProblem(email), password: enteredPasswordProblem(password) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    const invalid = FIELDS.find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    errors.refused([]);
    setBusy(true);
    const outcome = await signIn({ email: email.trim(), password });
    if (outcome.ok) return onSignedIn();
    setBusy(false);
    errors.refused(reworded(outcome.errors, { INVALID_CREDENTIALS: 'The email address or the password is wrong.' }));
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Sign in"
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      <FormErrors id={formErrorsId} title="You are not signed in." errors={errors.formErrors} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        error={errors.errorFor('email', live.email)}
        onChange={(value) => {
          setEmail(value);
          errors.edited('email');
        }}
        onBlur={() => errors.left('email')}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={errors.errorFor('password', live.password)}
        onChange={(value) => {
          setPassword(value);
          errors.edited('password');
        }}
        onBlur={() => errors.left('password')}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
