// Editing a ticket's text, category and priority. Only changed fields are sent; the
// server's refusals appear at their fields and the saved values are restored.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { characterCount } from '../../common/characters.js';
import { FormErrors, formLevelErrors } from '../../common/FormErrors.js';
import { graphql } from '../../gql/index.js';
import { TICKET_DESCRIPTION_MAX as DESCRIPTION_MAX, TICKET_TITLE_MAX as TITLE_MAX } from '../../gql/limits.js';
import type { TicketCategory, TicketPriority, UpdateTicketInput } from '../../gql/graphql.js';
import { CATEGORIES, CATEGORY_LABEL, isCategory, isPriority, PRIORITIES, PRIORITY_LABEL } from './ticket-enums.js';
import { descriptionProblem, titleProblem } from './ticket-validation.js';
import type { MutationError as FieldError } from '../../common/mutation-outcome.js';
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

export function TicketEditForm({ ticket, onDone }: { ticket: FragmentType<typeof TicketEditFormFragment>; onDone(): void }) {
  const { data, complete } = useFragment({ fragment: TicketEditFormFragment, from: ticket });
  const ids = { title: useId(), description: useId(), category: useId(), priority: useId() };
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [updateTicket, { loading }] = useUpdateTicket();
  if (!complete) return null;
  const ticketId = data.id;

  const current: Draft = draft ?? { title: data.title, description: data.description, category: data.category, priority: data.priority };
  const length = { title: characterCount(current.title), description: characterCount(current.description) };
  const live = { title: titleProblem(current.title), description: descriptionProblem(current.description) };
  const errorFor = (field: keyof Draft) => (field === 'title' || field === 'description' ? live[field] : null) ?? errors.find((e) => e.field === field)?.message ?? null;
  const formErrors = formLevelErrors(errors);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (live.title || live.description) return;
    const input: UpdateTicketInput = {};
    if (current.title !== data.title) input.title = current.title;
    if (current.description !== data.description) input.description = current.description;
    if (current.category !== data.category) input.category = current.category;
    if (current.priority !== data.priority) input.priority = current.priority;
    if (Object.keys(input).length === 0) return onDone();
    setErrors([]);
    const outcome = await updateTicket(ticketId, input);
    if (outcome.ok) onDone();
    else setErrors(outcome.errors);
  }

  const set = (patch: Partial<Draft>) => setDraft({ ...current, ...patch });

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Edit ticket">
      <FormErrors title="The changes were not saved." errors={formErrors} />
      <div className="field">
        <label htmlFor={ids.title}>Title</label>
        <input
          id={ids.title}
          value={current.title}
          aria-invalid={errorFor('title') ? true : undefined}
          aria-describedby={`${ids.title}-count ${ids.title}-error`}
          onChange={(e) => set({ title: e.target.value })}
        />
        <p id={`${ids.title}-count`} className={`counter${length.title > TITLE_MAX ? ' counter--over' : ''}`}>
          {length.title} / {TITLE_MAX}
        </p>
        <p id={`${ids.title}-error`} className="field__error">
          {errorFor('title')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.description}>Description</label>
        <textarea
          id={ids.description}
          rows={8}
          value={current.description}
          aria-invalid={errorFor('description') ? true : undefined}
          aria-describedby={`${ids.description}-count ${ids.description}-error`}
          onChange={(e) => set({ description: e.target.value })}
        />
        <p id={`${ids.description}-count`} className={`counter${length.description > DESCRIPTION_MAX ? ' counter--over' : ''}`}>
          {length.description.toLocaleString('en')} / {DESCRIPTION_MAX.toLocaleString('en')}
        </p>
        <p id={`${ids.description}-error`} className="field__error">
          {errorFor('description')}
        </p>
      </div>
      <div className="form__row">
        <div className="field">
          <label htmlFor={ids.category}>Category</label>
          <select id={ids.category} className="select" value={current.category} onChange={(e) => isCategory(e.target.value) && set({ category: e.target.value })}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
          <p className="field__error">{errorFor('category')}</p>
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>Priority</label>
          <select id={ids.priority} className="select" value={current.priority} onChange={(e) => isPriority(e.target.value) && set({ priority: e.target.value })}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </select>
          <p className="field__error">{errorFor('priority')}</p>
        </div>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
