// One's own display name, shown to other agents and on the tickets one writes.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { graphql } from '../../gql/index.js';
import { DISPLAY_NAME_MAX } from '../../gql/limits.js';
import { displayNameProblem } from './auth-validation.js';
import { useUpdateMe } from './use-update-me.js';

export const DisplayNameFormFragment = graphql(`
  fragment DisplayNameForm_user on User {
    id
    displayName
  }
`);

const FIELDS = ['displayName'] as const;

export function DisplayNameForm({ user }: { user: FragmentType<typeof DisplayNameFormFragment> }) {
  const { data, complete } = useFragment({ fragment: DisplayNameFormFragment, from: user });
  const formErrorsId = useId();
  const [updateMe, { loading }] = useUpdateMe();
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFieldErrors(FIELDS);
  if (!complete) return null;

  const displayName = draft ?? data.displayName;
  const live = displayNameProblem(displayName);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    if (live) return focusField(event.currentTarget, 'displayName');
    errors.refused([]);
    const outcome = await updateMe({ displayName: displayName.trim() });
    if (!outcome.ok) return errors.refused(outcome.errors);
    setDraft(null);
    setSaved(true);
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="display-name-heading"
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      <h2 id="display-name-heading">Name</h2>
      <FormErrors id={formErrorsId} title="The name was not changed." errors={errors.formErrors} />
      <TextField
        label="Display name"
        name="displayName"
        autoComplete="name"
        value={displayName}
        max={DISPLAY_NAME_MAX}
        hint="Shown to the other agents, on the tickets you write."
        error={errors.errorFor('displayName', live)}
        onChange={(value) => {
          setDraft(value);
          setSaved(false);
          errors.edited('displayName');
        }}
        onBlur={() => errors.left('displayName')}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Saving…' : 'Save name'}
        </button>
        <span role="status" className="form__status">
          {saved ? 'Name saved.' : null}
        </span>
      </div>
    </form>
  );
}
