// The new-ticket form. While the agent writes the description (after a pause, and
// when leaving the field) the classifier suggests a category and priority, which
// fill the fields, marked with where they came from, until the agent picks
// otherwise (use-ticket-suggestion.ts does the asking). Saving never waits for a
// suggestion; the one on screen is referred to by its id.
import { useId, useRef, useState, type FormEvent } from 'react';
import { characterCount } from '../../common/characters.js';
import { FormErrors, formLevelErrors } from '../../common/FormErrors.js';
import { TICKET_DESCRIPTION_MAX as DESCRIPTION_MAX, TICKET_TITLE_MAX as TITLE_MAX } from '../../gql/limits.js';
import type { TicketCategory, TicketPriority } from '../../gql/graphql.js';
import {
  CATEGORIES,
  CATEGORY_LABEL,
  isCategory,
  isPriority,
  PRIORITIES,
  PRIORITY_LABEL,
  SOURCE_LABEL,
} from './ticket-enums.js';
import { isOverridden, type Choice, type Suggestion } from './ticket-suggestion.js';
import { descriptionProblem, titleProblem } from './ticket-validation.js';
import { useCreateTicket } from './use-create-ticket.js';
import { useTicketSuggestion } from './use-ticket-suggestion.js';
import type { MutationError as FieldError } from '../../common/mutation-outcome.js';

interface Props {
  onCreated(id: string): void;
  /** Pause in typing before asking for a suggestion. */
  classifyDelayMs?: number;
}

function SuggestionNote<T extends string>({
  id,
  choice,
  suggested,
  labels,
  suggestion,
  onUseSuggestion,
}: {
  id: string;
  choice: Choice<T>;
  suggested: T | undefined;
  labels: Record<T, string>;
  suggestion: Suggestion | null;
  onUseSuggestion(): void;
}) {
  if (choice.origin === 'suggested' && suggestion) {
    return (
      <p id={id} className={`suggestion-note suggestion-note--${suggestion.source.toLowerCase()}`} data-origin="suggested">
        {suggestion.source === 'DEFAULT' ? 'Suggested by default (nothing recognisable)' : `Suggested by ${SOURCE_LABEL[suggestion.source]}`}
      </p>
    );
  }
  if (choice.origin === 'agent' && suggestion && suggested !== undefined) {
    return (
      <p id={id} className="suggestion-note suggestion-note--overridden" data-origin="agent">
        Your choice (suggested: {labels[suggested]}){' '}
        <button type="button" className="button button--link" onClick={onUseSuggestion}>
          Use suggestion
        </button>
      </p>
    );
  }
  return (
    <p id={id} className="suggestion-note" data-origin={choice.origin}>
      {choice.origin === 'agent' ? 'Your choice' : 'Default'}
    </p>
  );
}

export function NewTicketForm({ onCreated, classifyDelayMs = 700 }: Props) {
  const ids = { title: useId(), description: useId(), category: useId(), priority: useId() };
  const [createTicket, { loading: saving }] = useCreateTicket();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState({ title: false, description: false });
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const { choices, asking, choose, descriptionChanged, descriptionLeft } = useTicketSuggestion({ delayMs: classifyDelayMs });
  const titleRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);

  const clientErrors = { title: titleProblem(title), description: descriptionProblem(description) };
  const fieldError = (field: 'title' | 'description' | 'category' | 'priority'): string | null => {
    const server = serverErrors.find((e) => e.field === field)?.message ?? null;
    if (field === 'title' || field === 'description') {
      const live = touched[field] || submitted ? clientErrors[field] : null;
      return live ?? server;
    }
    return server;
  };
  const formErrors = formLevelErrors(serverErrors);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (clientErrors.title) return titleRef.current?.focus();
    if (clientErrors.description) return descriptionRef.current?.focus();
    setServerErrors([]);
    const shown = choices.suggestion;
    const outcome = await createTicket(
      {
        title,
        description,
        category: choices.category.value,
        priority: choices.priority.value,
        ...(shown ? { suggestionId: shown.suggestionId } : {}),
      },
      shown,
    );
    if (outcome.ok) onCreated(outcome.value.id);
    else setServerErrors(outcome.errors);
  }

  const titleError = fieldError('title');
  const descriptionError = fieldError('description');
  const titleLength = characterCount(title);
  const descriptionLength = characterCount(description);

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-describedby={formErrors.length ? 'form-errors' : undefined}>
      <FormErrors id="form-errors" title="The ticket was not saved." errors={formErrors} />

      <div className="field">
        <label htmlFor={ids.title}>Title</label>
        <input
          ref={titleRef}
          id={ids.title}
          name="title"
          value={title}
          autoComplete="off"
          aria-invalid={titleError ? true : undefined}
          aria-describedby={`${ids.title}-count${titleError ? ` ${ids.title}-error` : ''}`}
          onChange={(e) => {
            setTitle(e.target.value);
            setServerErrors((errors) => errors.filter((x) => x.field !== 'title'));
          }}
          onBlur={() => setTouched((t) => ({ ...t, title: true }))}
        />
        <p id={`${ids.title}-count`} className={`counter${titleLength > TITLE_MAX ? ' counter--over' : ''}`}>
          {titleLength} / {TITLE_MAX}
        </p>
        {titleError ? (
          <p id={`${ids.title}-error`} className="field__error">
            {titleError}
          </p>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor={ids.description}>Description</label>
        <textarea
          ref={descriptionRef}
          id={ids.description}
          name="description"
          rows={8}
          value={description}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={`${ids.description}-count${descriptionError ? ` ${ids.description}-error` : ''}`}
          onChange={(e) => {
            setDescription(e.target.value);
            descriptionChanged(e.target.value);
            setServerErrors((errors) => errors.filter((x) => x.field !== 'description'));
          }}
          onBlur={() => {
            setTouched((t) => ({ ...t, description: true }));
            descriptionLeft(description);
          }}
        />
        <p id={`${ids.description}-count`} className={`counter${descriptionLength > DESCRIPTION_MAX ? ' counter--over' : ''}`}>
          {descriptionLength.toLocaleString('en')} / {DESCRIPTION_MAX.toLocaleString('en')}
        </p>
        {descriptionError ? (
          <p id={`${ids.description}-error`} className="field__error">
            {descriptionError}
          </p>
        ) : null}
      </div>

      <div className="suggestion-status" role="status" aria-live="polite">
        {asking.state === 'asking' ? 'Getting a suggestion…' : null}
        {asking.state === 'failed' ? `No suggestion: ${asking.message} Choose category and priority yourself.` : null}
        {asking.state === 'idle' && choices.suggestion?.reason ? `Why: ${choices.suggestion.reason}` : null}
      </div>

      <div className="form__row">
        <div className="field">
          <label htmlFor={ids.category}>Category</label>
          <select
            id={ids.category}
            name="category"
            className={`select${choices.category.origin === 'suggested' ? ' select--suggested' : ''}`}
            value={choices.category.value}
            aria-describedby={`${ids.category}-note`}
            aria-invalid={fieldError('category') ? true : undefined}
            onChange={(e) => {
              if (isCategory(e.target.value)) choose({ type: 'chose-category', value: e.target.value as TicketCategory });
            }}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
          <SuggestionNote
            id={`${ids.category}-note`}
            choice={choices.category}
            suggested={choices.suggestion?.category}
            labels={CATEGORY_LABEL}
            suggestion={choices.suggestion}
            onUseSuggestion={() => choose({ type: 'use-suggestion' })}
          />
          {fieldError('category') ? <p className="field__error">{fieldError('category')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>Priority</label>
          <select
            id={ids.priority}
            name="priority"
            className={`select${choices.priority.origin === 'suggested' ? ' select--suggested' : ''}`}
            value={choices.priority.value}
            aria-describedby={`${ids.priority}-note`}
            aria-invalid={fieldError('priority') ? true : undefined}
            onChange={(e) => {
              if (isPriority(e.target.value)) choose({ type: 'chose-priority', value: e.target.value as TicketPriority });
            }}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </select>
          <SuggestionNote
            id={`${ids.priority}-note`}
            choice={choices.priority}
            suggested={choices.suggestion?.priority}
            labels={PRIORITY_LABEL}
            suggestion={choices.suggestion}
            onUseSuggestion={() => choose({ type: 'use-suggestion' })}
          />
          {fieldError('priority') ? <p className="field__error">{fieldError('priority')}</p> : null}
        </div>
      </div>
      {isOverridden(choices) ? <p className="hint">You changed the suggestion; that is recorded to measure how useful it is.</p> : null}

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Create ticket'}
        </button>
      </div>
    </form>
  );
}
