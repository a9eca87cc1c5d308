// Editing a ticket's text, category and priority. Only changed fields are sent, based on
// the version the agent started editing from; the server's refusals appear at their
// fields (by the rule in common/form/field-errors.ts) and the saved values are
// restored. When a colleague saved first, the form shows what they changed and keeps
// the agent's draft, to re-apply on top of theirs or to drop.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { SelectField } from '../../common/form/SelectField.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { confirmDiscard, useDiscardGuard } from '../../common/form/use-discard-guard.js';
import { graphql } from '../../gql/index.js';
import type { TicketCategory, TicketPriority } from '../../gql/graphql.js';
import { TICKET_DESCRIPTION_MAX, TICKET_TITLE_MAX } from '../../gql/limits.js';
import { CATEGORIES, CATEGORY_LABEL, PRIORITIES, PRIORITY_LABEL } from './ticket-enums.js';
import { descriptionProblem, titleProblem } from './ticket-validation.js';
import type { TicketChanges } from './ticket-conflict.js';
import { TicketConflictNotice } from './TicketConflictNotice.js';
import { ColleagueChangeNotice } from '../live/ColleagueChangeNotice.js';
import { isConflict, useSaveTicketChange } from './use-save-ticket-change.js';

export const TicketEditFormFragment = graphql(`
  fragment TicketEditForm_ticket on Ticket {
    id
    title
    description
    category
    priority
    version
  }
`);

interface Draft {
  title: string;
  description: string;
  category: TicketCategory;
  priority: TicketPriority;
}

const FIELDS = ['title', 'description', 'category', 'priority'] as const satisfies readonly (keyof Draft)[];

/** The agent's values, and the ticket as it was when they started changing it. */
interface Editing {
  values: Draft;
  base: Draft & { version: number };
}

/** How editing ended: the changes saved (or there were none), or the agent cancelled. */
export type EditOutcome = 'saved' | 'cancelled';

export function TicketEditForm({
  ticket,
  onDone,
}: {
  ticket: FragmentType<typeof TicketEditFormFragment>;
  onDone(outcome: EditOutcome): void;
}) {
  const { data, complete } = useFragment({ fragment: TicketEditFormFragment, from: ticket });
  const formErrorsId = useId();
  const [editing, setEditing] = useState<Editing | null>(null);
  const errors = useFieldErrors(FIELDS);
  const { save, saving: loading, conflict, reapply, dismiss } = useSaveTicketChange();
  const dirty = editing !== null && FIELDS.some((field) => editing.values[field] !== editing.base[field]);
  useDiscardGuard(dirty);
  if (!complete) return null;
  const ticketId = data.id;

  // Until the agent changes something, the form follows the ticket as cached.
  const saved = { title: data.title, description: data.description, category: data.category, priority: data.priority };
  const base = editing?.base ?? { ...saved, version: data.version };
  const current: Draft = editing?.values ?? saved;
  const live = { title: titleProblem(current.title), description: descriptionProblem(current.description) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    const invalid = (['title', 'description'] as const).find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    const input: TicketChanges = {};
    if (current.title !== base.title) input.title = current.title;
    if (current.description !== base.description) input.description = current.description;
    if (current.category !== base.category) input.category = current.category;
    if (current.priority !== base.priority) input.priority = current.priority;
    if (Object.keys(input).length === 0) return onDone('saved');
    errors.refused([]);
    const outcome = await save(ticketId, base.version, input);
    if (outcome.ok) finishSaved();
    else if (!isConflict(outcome)) errors.refused(outcome.errors);
  }

  function finishSaved() {
    // Saved: nothing left to guard before the form goes away.
    setEditing(null);
    onDone('saved');
  }

  async function reapplyMine() {
    errors.refused([]);
    const outcome = await reapply();
    if (outcome?.ok) finishSaved();
    else if (outcome && !isConflict(outcome)) errors.refused(outcome.errors);
  }

  function keepTheirs() {
    dismiss();
    setEditing(null);
  }

  function cancel() {
    if (confirmDiscard(dirty)) onDone('cancelled');
  }

  const set = <F extends keyof Draft>(field: F, value: Draft[F]) => {
    setEditing({ base, values: { ...current, [field]: value } });
    errors.edited(field);
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Edit ticket"
      onKeyDown={(event) => {
        // Escape cancels, as in a dialog; a select's own Escape (closing its list) never reaches here.
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          cancel();
        }
      }}
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      {conflict ? (
        <TicketConflictNotice conflict={conflict} busy={loading} onReapply={() => void reapplyMine()} onDismiss={keepTheirs} />
      ) : editing !== null && data.version !== base.version ? (
        <ColleagueChangeNotice ticketId={ticketId} baseVersion={base.version} />
      ) : null}
      <FormErrors id={formErrorsId} title="The changes were not saved." errors={errors.formErrors} />
      <TextField
        label="Title"
        name="title"
        value={current.title}
        max={TICKET_TITLE_MAX}
        error={errors.errorFor('title', live.title)}
        onChange={(value) => set('title', value)}
        onBlur={() => errors.left('title')}
      />
      <TextField
        label="Description"
        name="description"
        rows={8}
        value={current.description}
        max={TICKET_DESCRIPTION_MAX}
        error={errors.errorFor('description', live.description)}
        onChange={(value) => set('description', value)}
        onBlur={() => errors.left('description')}
      />
      <div className="form__row">
        <SelectField
          label="Category"
          name="category"
          values={CATEGORIES}
          labels={CATEGORY_LABEL}
          value={current.category}
          error={errors.errorFor('category')}
          onChange={(value) => set('category', value)}
        />
        <SelectField
          label="Priority"
          name="priority"
          values={PRIORITIES}
          labels={PRIORITY_LABEL}
          value={current.priority}
          error={errors.errorFor('priority')}
          onChange={(value) => set('priority', value)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
