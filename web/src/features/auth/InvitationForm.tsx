// Accepting an invitation: a password, and the name to show if the administrator's
// spelling needs correcting. A link that no longer works is said once above the form.
import { useId, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { reworded } from '../../common/mutation-outcome.js';
import { DISPLAY_NAME_MAX } from '../../gql/limits.js';
import { displayNameProblem, NEW_PASSWORD_HINT, newPasswordProblem } from './auth-validation.js';
import { useAcceptInvitation } from './use-accept-invitation.js';

const FIELDS = ['displayName', 'password'] as const;

const INVITATION_LINK_INVALID =
  'This invitation link does not work: it was already used, it expired (a link lasts 7 days), or it was copied incompletely. Ask an administrator for a new one.';

export function InvitationForm({ token, onDone }: { token: string; onDone(): void }) {
  const formErrorsId = useId();
  const [acceptInvitation] = useAcceptInvitation();
  const [busy, setBusy] = useState(false);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFieldErrors(FIELDS);
  // The name is optional: empty keeps the one the administrator gave.
  const live = { displayName: displayName === '' ? null : displayNameProblem(displayName), password: newPasswordProblem(password) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    const invalid = FIELDS.find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    errors.refused([]);
    setBusy(true);
    const outcome = await acceptInvitation({ token, password, ...(displayName === '' ? {} : { displayName: displayName.trim() }) });
    if (outcome.ok) return onDone();
    setBusy(false);
    errors.refused(reworded(outcome.errors, { INVALID_LINK: INVITATION_LINK_INVALID }));
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Accept the invitation"
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      <FormErrors id={formErrorsId} title="The invitation was not accepted." errors={errors.formErrors} />
      <TextField
        label="Your name (optional)"
        name="displayName"
        autoComplete="name"
        value={displayName}
        max={DISPLAY_NAME_MAX}
        hint="Leave empty to keep the name the administrator entered."
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
          {busy ? 'Saving…' : 'Set password and sign in'}
        </button>
      </div>
    </form>
  );
}
