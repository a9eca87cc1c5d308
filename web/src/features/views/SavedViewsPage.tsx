// The signed-in person's saved views, to open, rename or delete: each one's name
// links to the tickets list showing it, with a line saying what it shows. Renaming is
// a small form in place (the server's refusal shows on its field); deleting asks once
// more, in place, before it happens.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { reworded } from '../../common/mutation-outcome.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { SAVED_VIEW_NAME_MAX } from '../../gql/limits.js';
import { describeTicketsView, savedTicketsView, savedViewHref } from './saved-view-url.js';
import { VIEW_NAME_REFUSALS, viewNameProblem } from './saved-view-name.js';
import { useDeleteSavedView } from './use-delete-saved-view.js';
import { useRenameSavedView } from './use-rename-saved-view.js';
import { useSavedViews, type SavedView } from './use-saved-views.js';
import './views.css';

export function SavedViewsPage() {
  useDocumentTitle('Saved views');
  const { views, loading, error, refetch } = useSavedViews();
  // Said after the row is gone, where the agent is.
  const [done, setDone] = useState('');

  return (
    <div className="page page--narrow">
      <header className="page__header">
        <h1>Saved views</h1>
      </header>
      <p className="saved-views__status" role="status">
        {done}
      </p>
      {error && !views ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
      {!views && loading ? <Loading label="Loading your views…" /> : null}
      {views?.length === 0 ? (
        <div className="empty">
          <p>No saved views yet. On the tickets list, choose filters, a search or an order, then use “Save view”.</p>
          <Link className="button button--primary" to="/tickets">
            Open the tickets list
          </Link>
        </div>
      ) : null}
      {views?.length ? (
        <ul className="saved-views">
          {views.map((view) => (
            <SavedViewItem key={view.id} view={view} onDeleted={() => setDone(`Deleted “${view.name}”.`)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const FIELDS = ['name'] as const;

function SavedViewItem({ view, onDeleted }: { view: SavedView; onDeleted(): void }) {
  const [mode, setMode] = useState<'show' | 'rename' | 'confirm-delete'>('show');
  const [problem, setProblem] = useState<string | null>(null);
  const [deleteSavedView, { loading: deleting }] = useDeleteSavedView();
  const headingId = useId();

  async function onDelete() {
    setProblem(null);
    const outcome = await deleteSavedView(view.id);
    if (outcome.ok) return onDeleted();
    setMode('show');
    setProblem(`View not deleted: ${outcome.errors.map((e) => e.message).join(' ')}`);
  }

  return (
    <li className="saved-views__item" aria-labelledby={headingId}>
      <h2 id={headingId} className="saved-views__name">
        <Link to={savedViewHref(view)}>{view.name}</Link>
      </h2>
      <p className="saved-views__summary">{describeTicketsView(savedTicketsView(view))}</p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {mode === 'rename' ? (
        <RenameForm view={view} onDone={() => setMode('show')} />
      ) : mode === 'confirm-delete' ? (
        <div className="saved-views__actions" role="group" aria-label={`Delete “${view.name}”?`}>
          <span>Delete “{view.name}”?</span>
          <button type="button" className="button button--danger" disabled={deleting} onClick={() => void onDelete()}>
            {deleting ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" className="button" onClick={() => setMode('show')}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="saved-views__actions">
          <button type="button" className="button" aria-label={`Rename “${view.name}”`} onClick={() => setMode('rename')}>
            Rename
          </button>
          <button type="button" className="button" aria-label={`Delete “${view.name}”`} onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function RenameForm({ view, onDone }: { view: SavedView; onDone(): void }) {
  const formErrorsId = useId();
  const [name, setName] = useState(view.name);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(FIELDS);
  const [renameSavedView] = useRenameSavedView();
  const live = { name: viewNameProblem(name) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    errors.submitted();
    if (live.name) return focusField(form, 'name');
    errors.refused([]);
    setBusy(true);
    const outcome = await renameSavedView(view.id, name.trim());
    setBusy(false);
    if (!outcome.ok) {
      errors.refused(reworded(outcome.errors, VIEW_NAME_REFUSALS));
      return focusField(form, 'name');
    }
    onDone();
  }

  return (
    <form
      className="saved-views__rename"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
      aria-label={`Rename “${view.name}”`}
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      <FormErrors id={formErrorsId} title="The view was not renamed." errors={errors.formErrors} />
      <TextField
        label="New name"
        name="name"
        autoComplete="off"
        autoFocus
        value={name}
        max={SAVED_VIEW_NAME_MAX}
        error={errors.errorFor('name', live.name)}
        onChange={(value) => {
          setName(value);
          errors.edited('name');
        }}
        onBlur={() => errors.left('name')}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save name'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
