// Adding a user: email, name and role, and how they get in: an invitation link they
// open to choose their own password (shown once here, to send them), or a password set
// now and passed on by the administrator. The server's refusals land at their fields
// (an email in use, a common password).
import { useId, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { SelectField } from '../../common/form/SelectField.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import type { MutationOutcome } from '../../common/mutation-outcome.js';
import type { UserRole } from '../../gql/graphql.js';
import { ROLES, ROLE_LABEL } from '../auth/auth-enums.js';
import { DISPLAY_NAME_MAX, EMAIL_MAX } from '../../gql/limits.js';
import { displayNameProblem, emailProblem, NEW_PASSWORD_HINT, newPasswordProblem } from '../auth/auth-validation.js';
import { OneTimeSecret } from './OneTimeSecret.js';
import { useCreateUser } from './use-create-user.js';
import { useInviteUser } from './use-invite-user.js';

const ACCESS = ['INVITE', 'PASSWORD'] as const;
type Access = (typeof ACCESS)[number];
const ACCESS_LABEL: Record<Access, string> = {
  INVITE: 'Send an invitation link (they choose their password)',
  PASSWORD: 'Set a password now (you pass it on)',
};

const FIELDS = ['email', 'displayName', 'role', 'password'] as const;
type Draft = { email: string; displayName: string; role: UserRole; access: Access; password: string };
const EMPTY: Draft = { email: '', displayName: '', role: 'AGENT', access: 'INVITE', password: '' };

type Done = { kind: 'invited'; displayName: string; invitationUrl: string } | { kind: 'created'; displayName: string };

export function NewUserForm() {
  const formErrorsId = useId();
  const [createUser] = useCreateUser();
  const [inviteUser] = useInviteUser();
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState(EMPTY);
  const [done, setDone] = useState<Done | null>(null);
  const errors = useFieldErrors(FIELDS);
  const live = {
    email: emailProblem(draft.email),
    displayName: displayNameProblem(draft.displayName),
    role: null,
    password: draft.access === 'PASSWORD' ? newPasswordProblem(draft.password) : null,
  };

  const set = <F extends (typeof FIELDS)[number]>(field: F, value: Draft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    errors.edited(field);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    const invalid = FIELDS.find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    errors.refused([]);
    setBusy(true);
    const person = { email: draft.email.trim(), displayName: draft.displayName.trim(), role: draft.role };
    let outcome: MutationOutcome<Done>;
    if (draft.access === 'INVITE') {
      const invited = await inviteUser(person);
      outcome = invited.ok ? { ok: true, value: { kind: 'invited', ...invited.value } } : invited;
    } else {
      const created = await createUser({ ...person, password: draft.password });
      outcome = created.ok ? { ok: true, value: { kind: 'created', ...created.value } } : created;
    }
    setBusy(false);
    if (!outcome.ok) return errors.refused(outcome.errors);
    setDraft(EMPTY);
    errors.reset();
    setDone(outcome.value);
  }

  return (
    <section aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">Add a user</h2>
      {done?.kind === 'invited' ? (
        <OneTimeSecret
          title={`Invitation for ${done.displayName}`}
          label="Invitation link"
          secret={done.invitationUrl}
          onDone={() => setDone(null)}
        >
          <p>
            Send this link to {done.displayName}. It works once, for 7 days. <strong>It will not be shown again</strong>: if it is lost,
            deactivate the user and invite them anew.
          </p>
        </OneTimeSecret>
      ) : null}
      {done?.kind === 'created' ? (
        <p className="callout callout--success" role="status">
          {done.displayName} can now sign in with the password you set.
        </p>
      ) : null}
      <form
        className="form"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-labelledby="new-user-heading"
        aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
      >
        <FormErrors id={formErrorsId} title="The user was not added." errors={errors.formErrors} />
        <div className="form__row">
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="off"
            value={draft.email}
            max={EMAIL_MAX}
            error={errors.errorFor('email', live.email)}
            onChange={(value) => set('email', value)}
            onBlur={() => errors.left('email')}
          />
          <TextField
            label="Name"
            name="displayName"
            autoComplete="off"
            value={draft.displayName}
            max={DISPLAY_NAME_MAX}
            error={errors.errorFor('displayName', live.displayName)}
            onChange={(value) => set('displayName', value)}
            onBlur={() => errors.left('displayName')}
          />
        </div>
        <div className="form__row">
          <SelectField
            label="Role"
            name="role"
            values={ROLES}
            labels={ROLE_LABEL}
            value={draft.role}
            error={errors.errorFor('role')}
            onChange={(value) => set('role', value)}
          />
          <SelectField
            label="Signing in"
            name="access"
            values={ACCESS}
            labels={ACCESS_LABEL}
            value={draft.access}
            onChange={(access) => setDraft((current) => ({ ...current, access }))}
          />
        </div>
        {draft.access === 'PASSWORD' ? (
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            hint={NEW_PASSWORD_HINT}
            error={errors.errorFor('password', live.password)}
            onChange={(value) => set('password', value)}
            onBlur={() => errors.left('password')}
          />
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : draft.access === 'INVITE' ? 'Invite' : 'Create user'}
          </button>
        </div>
      </form>
    </section>
  );
}
