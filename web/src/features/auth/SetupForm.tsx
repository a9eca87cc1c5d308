// The first administrator's account: email, name and password, sent with the setup
// link's token. A link that no longer works is said once above the form; the server's
// other refusals (a common password) at their fields.
import { useId, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { reworded } from '../../common/mutation-outcome.js';
import { DISPLAY_NAME_MAX, EMAIL_MAX } from '../../gql/limits.js';
import { displayNameProblem, emailProblem, NEW_PASSWORD_HINT, newPasswordProblem } from './auth-validation.js';
import { useCompleteSetup } from './use-complete-setup.js';

const FIELDS = ['email', 'displayName', 'password'] as const;

const SETUP_LINK_INVALID =
  'This setup link does not work: it is unknown, already used or expired. Open the latest setup link from the server’s log.';

export function SetupForm({ token, onDone }: { token: string; onDone(): void }) {
  const formErrorsId = useId();
  const [completeSetup] = useCompleteSetup();
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFieldErrors(FIELDS);
  const live = { email: emailProblem(email), displayName: displayNameProblem(displayName), password: newPasswordProblem(password) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    const invalid = FIELDS.find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    errors.refused([]);
    setBusy(true);
    const outcome = await completeSetup({ token, email: email.trim(), displayName: displayName.trim(), password });
    if (outcome.ok) return onDone();
    setBusy(false);
    errors.refused(reworded(outcome.errors, { INVALID_LINK: SETUP_LINK_INVALID }));
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="First administrator"
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      <FormErrors id={formErrorsId} title="The administrator was not created." errors={errors.formErrors} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        max={EMAIL_MAX}
        error={errors.errorFor('email', live.email)}
        onChange={(value) => {
          setEmail(value);
          errors.edited('email');
        }}
        onBlur={() => errors.left('email')}
      />
      <TextField
        label="Your name"
        name="displayName"
        autoComplete="name"
        value={displayName}
        max={DISPLAY_NAME_MAX}
        hint="Shown to the other agents, on the tickets you write."
        error={errors.errorFor('displayName', live.displayName)}
        onChange={(value) => {
          setDisplayName(value);
          errors.edited('displayName');
        }}
        onBlur={() => errors.left('displayName')}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        hint={NEW_PASSWORD_HINT}
        error={errors.errorFor('password', live.password)}
        onChange={(value) => {
          setPassword(value);
          errors.edited('password');
        }}
        onBlur={() => errors.left('password')}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create administrator'}
        </button>
      </div>
    </form>
  );
}
