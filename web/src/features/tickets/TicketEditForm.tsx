// Editing a ticket's text, category and priority. Only changed fields are sent; the
// server's refusals appear at their fields (by the rule in common/form/field-errors.ts)
// and the saved values are restored.
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
import type { TicketCategory, TicketPriority, UpdateTicketInput } from '../../gql/graphql.js';
import { TICKET_DESCRIPTION_MAX, TICKET_TITLE_MAX } from '../../gql/limits.js';
import { CATEGORIES, CATEGORY_LABEL, PRIORITIES, PRIORITY_LABEL } from './ticket-enums.js';
import { descriptionProblem, titleProblem } from './ticket-validation.js';
import { useUpdateTicket } from './use-update-ticket.js';

export const TicketEditFormFragment = graphql(`
  fragment TicketEditForm_ticket on Ticket {
    id
    title
    description
    category
    priority
  }
`);

interface Draft {
  title: string;
  description: string;
  category: TicketCategory;
  priority: TicketPriority;
}

const FIELDS = ['title', 'description', 'category', 'priority'] as const satisfies readonly (keyof Draft)[];

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
  const [draft, setDraft] = useState<Draft | null>(null);
  const errors = useFieldErrors(FIELDS);
  const [updateTicket, { loading }] = useUpdateTicket();
  const dirty =
    complete &&
    draft !== null &&
    (draft.title !== data.title ||
      draft.description !== data.description ||
      draft.category !== data.category ||
      draft.priority !== data.priority);
  useDiscardGuard(dirty);
  if (!complete) return null;
  const ticketId = data.id;

  const current: Draft = draft ?? { title: data.title, description: data.description, category: data.category, priority: data.priority };
  const live = { title: titleProblem(current.title), description: descriptionProblem(current.description) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    const invalid = (['title', 'description'] as const).find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    const input: UpdateTicketInput = {};
    if (current.title !== data.title) input.title = current.title;
    if (current.description !== data.description) input.description = current.description;
    if (current.category !== data.category) input.category = current.category;
    if (current.priority !== data.priority) input.priority = current.priority;
    if (Object.keys(input).length === 0) return onDone('saved');
    errors.refused([]);
    const outcome = await updateTicket(ticketId, input);
    if (outcome.ok) {
      // Saved: nothing left to guard before the form goes away.
      setDraft(null);
      onDone('saved');
    } else errors.refused(outcome.errors);
  }

  function cancel() {
    if (confirmDiscard(dirty)) onDone('cancelled');
  }

  const set = <F extends keyof Draft>(field: F, value: Draft[F]) => {
    setDraft({ ...current, [field]: value });
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
