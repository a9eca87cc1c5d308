// Creating an API token for an integration: a name to recognise it by, what it may do
// (its scopes, none beyond the creator's role), and when it stops working. The token
// is shown once, here, with a warning that it cannot be shown again.
import { useId, useState, type FormEvent } from 'react';
import { characterCount, hasLoneSurrogate, isBlankText } from '../../common/characters.js';
import { CheckboxGroupField } from '../../common/form/CheckboxGroupField.js';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { SelectField } from '../../common/form/SelectField.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import type { ApiTokenScope } from '../../gql/graphql.js';
import { API_TOKEN_NAME_MAX } from '../../gql/limits.js';
import { API_TOKEN_SCOPES, SCOPE_DESCRIPTION, SCOPE_LABEL } from './api-token-enums.js';
import { OneTimeSecret } from './OneTimeSecret.js';
import { useCreateApiToken } from './use-create-api-token.js';

const EXPIRY = ['DAYS_30', 'DAYS_90', 'DAYS_365', 'NEVER'] as const;
type Expiry = (typeof EXPIRY)[number];
const EXPIRY_LABEL: Record<Expiry, string> = { DAYS_30: 'In 30 days', DAYS_90: 'In 90 days', DAYS_365: 'In a year', NEVER: 'Never' };
const EXPIRY_DAYS: Record<Expiry, number | null> = { DAYS_30: 30, DAYS_90: 90, DAYS_365: 365, NEVER: null };

const FIELDS = ['name', 'scopes', 'expiresAt'] as const;

function nameProblem(name: string): string | null {
  if (isBlankText(name)) return 'Name the token after what will use it.';
  if (hasLoneSurrogate(name)) return 'The name holds a broken character (half of an emoji); retype or remove it.';
  const length = characterCount(name);
  if (length > API_TOKEN_NAME_MAX) return `The name is too long: ${length} of at most ${API_TOKEN_NAME_MAX} characters.`;
  return null;
}

function expiresAt(expiry: Expiry): string | null {
  const days = EXPIRY_DAYS[expiry];
  return days === null ? null : new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
}

export function NewApiTokenForm() {
  const formErrorsId = useId();
  const [createApiToken] = useCreateApiToken();
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>([]);
  const [expiry, setExpiry] = useState<Expiry>('DAYS_90');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const errors = useFieldErrors(FIELDS);
  const live = { name: nameProblem(name), scopes: scopes.length === 0 ? 'Choose at least one scope.' : null, expiresAt: null };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    const invalid = FIELDS.find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    errors.refused([]);
    setBusy(true);
    const outcome = await createApiToken({ name: name.trim(), scopes, expiresAt: expiresAt(expiry) });
    setBusy(false);
    if (!outcome.ok) return errors.refused(outcome.errors);
    setName('');
    setScopes([]);
    setExpiry('DAYS_90');
    errors.reset();
    setCreated(outcome.value);
  }

  return (
    <section aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">Create a token</h2>
      {created ? (
        <OneTimeSecret title={`Token “${created.name}” created`} label="API token" secret={created.token} onDone={() => setCreated(null)}>
          <p>
            <strong>Copy it now: it will not be shown again.</strong> Send it as the header <code>Authorization: Token …</code>. If it is
            lost, revoke it and create another.
          </p>
        </OneTimeSecret>
      ) : null}
      <form
        className="form"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-labelledby="new-token-heading"
        aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
      >
        <FormErrors id={formErrorsId} title="The token was not created." errors={errors.formErrors} />
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          value={name}
          max={API_TOKEN_NAME_MAX}
          hint="What will use it, such as “CRM sync”."
          error={errors.errorFor('name', live.name)}
          onChange={(value) => {
            setName(value);
            errors.edited('name');
          }}
          onBlur={() => errors.left('name')}
        />
        <CheckboxGroupField
          legend="Scopes"
          name="scopes"
          values={API_TOKEN_SCOPES}
          labels={SCOPE_LABEL}
          descriptions={SCOPE_DESCRIPTION}
          selected={scopes}
          error={errors.errorFor('scopes', live.scopes)}
          onChange={(next) => {
            setScopes(next);
            errors.edited('scopes');
          }}
        />
        <SelectField
          label="Expires"
          name="expiresAt"
          values={EXPIRY}
          labels={EXPIRY_LABEL}
          value={expiry}
          error={errors.errorFor('expiresAt')}
          onChange={(value) => {
            setExpiry(value);
            errors.edited('expiresAt');
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
    </section>
  );
}
