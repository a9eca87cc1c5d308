// "Save view" on the tickets list: a modal dialog that names the view on screen (its
// filters, search and order, said in one line) and saves it for the signed-in person.
// The native <dialog> keeps focus inside while open, and Escape or Cancel close it,
// focus back on the button. A refused name shows on its field; once saved, a status
// line says where to find the view.
import { useId, useRef, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { reworded } from '../../common/mutation-outcome.js';
import { SAVED_VIEW_NAME_MAX } from '../../gql/limits.js';
import type { TicketsView } from '../tickets/tickets-url.js';
import { VIEW_NAME_REFUSALS, viewNameProblem } from './saved-view-name.js';
import { describeTicketsView, savedViewInput } from './saved-view-url.js';
import { useCreateSavedView } from './use-create-saved-view.js';
import './views.css';

const FIELDS = ['name'] as const;

export function SaveViewDialog({ view }: { view: TicketsView }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const formErrorsId = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFieldErrors(FIELDS);
  const [createSavedView] = useCreateSavedView();
  const live = { name: viewNameProblem(name) };

  function open() {
    setName('');
    setSaved(null);
    errors.reset();
    dialog.current?.showModal();
    const form = dialog.current?.querySelector('form');
    if (form) focusField(form, 'name');
  }

  function close() {
    dialog.current?.close();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    errors.submitted();
    if (live.name) return focusField(form, 'name');
    errors.refused([]);
    setBusy(true);
    const outcome = await createSavedView(savedViewInput(name.trim(), view));
    setBusy(false);
    if (!outcome.ok) {
      errors.refused(reworded(outcome.errors, VIEW_NAME_REFUSALS));
      if (outcome.errors.some((e) => e.field === 'name')) focusField(form, 'name');
      return;
    }
    setSaved(outcome.value.name);
    close();
  }

  return (
    <>
      <button ref={opener} type="button" className="button" onClick={open}>
        Save view
      </button>
      <p className="save-view__status" role="status">
        {saved ? `Saved “${saved}”: it is under Views in the navigation.` : ''}
      </p>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby={titleId}
        // Closed by Escape, Cancel or saving: the agent continues where they opened it.
        onClose={() => opener.current?.focus()}
      >
        <form
          className="dialog__form"
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
        >
          <h2 id={titleId} className="dialog__title">
            Save this view
          </h2>
          <p className="dialog__summary">{describeTicketsView(view)}</p>
          <FormErrors id={formErrorsId} title="The view was not saved." errors={errors.formErrors} />
          <TextField
            label="Name"
            name="name"
            autoComplete="off"
            value={name}
            max={SAVED_VIEW_NAME_MAX}
            hint="As it will appear under Views, such as “My critical tickets”."
            error={errors.errorFor('name', live.name)}
            onChange={(value) => {
              setName(value);
              errors.edited('name');
            }}
            onBlur={() => errors.left('name')}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save view'}
            </button>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
