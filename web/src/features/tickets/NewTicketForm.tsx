// The new-ticket form. While the agent writes the description (after a pause, and
// when leaving the field) the classifier suggests a category and priority, which
// fill the fields, marked with where they came from, until the agent picks
// otherwise (use-ticket-suggestion.ts does the asking). Saving does not wait for a
// suggestion the agent has not seen: the form shows one is on its way, and saving
// anyway keeps the defaults and says so. One seen for an earlier wording is replaced
// by the suggestion of the saved text, briefly awaited, so the ticket records that a
// suggestion was shown. Tickets like the description are shown as possible
// duplicates (use-similar-tickets.ts).
import { useId, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { SelectField } from '../../common/form/SelectField.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { TICKET_DESCRIPTION_MAX, TICKET_TITLE_MAX } from '../../gql/limits.js';
import { CATEGORIES, CATEGORY_LABEL, PRIORITIES, PRIORITY_LABEL, SOURCE_LABEL } from './ticket-enums.js';
import { isOverridden, type Choice, type Suggestion } from './ticket-suggestion.js';
import { descriptionProblem, titleProblem } from './ticket-validation.js';
import { SimilarTickets } from './SimilarTickets.js';
import { useCreateTicket } from './use-create-ticket.js';
import { useSimilarTickets } from './use-similar-tickets.js';
import { useTicketSuggestion } from './use-ticket-suggestion.js';

/** How a ticket was created, for the page that shows it next. */
export interface CreatedNote {
  /** Saved with the default category and priority while a suggestion was still on its way. */
  defaultsUsed: boolean;
}

interface Props {
  onCreated(id: string, note: CreatedNote): void;
  /** Pause in typing before asking for a suggestion and for similar tickets. */
  classifyDelayMs?: number;
}

/** Unobtrusive, and a number the agent can hold against the dashboard's acceptance per confidence band. */
function confidenceLabel(confidence: number): string {
  return `${Math.round(confidence * 100)}% sure`;
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
        {suggestion.source === 'DEFAULT' ? (
          'Suggested by default (nothing recognisable)'
        ) : (
          <>
            Suggested by {SOURCE_LABEL[suggestion.source]}
            <span className="suggestion-note__confidence"> · {confidenceLabel(suggestion.confidence)}</span>
          </>
        )}
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

const FIELDS = ['title', 'description', 'category', 'priority'] as const;

/** Category or priority: pre-filled by the suggestion, with a note saying where the value came from. */
function SuggestedChoice<T extends string>({
  label,
  values,
  labels,
  choice,
  suggested,
  suggestion,
  error,
  onChoose,
  onUseSuggestion,
}: {
  label: string;
  values: readonly T[];
  labels: Record<T, string>;
  choice: Choice<T>;
  suggested: T | undefined;
  suggestion: Suggestion | null;
  error: string | null;
  onChoose(value: T): void;
  onUseSuggestion(): void;
}) {
  return (
    <SelectField
      label={label}
      name={label.toLowerCase()}
      values={values}
      labels={labels}
      value={choice.value}
      onChange={onChoose}
      error={error}
      selectClassName={`select${choice.origin === 'suggested' ? ' select--suggested' : ''}`}
      note={(id) => (
        <SuggestionNote
          id={id}
          choice={choice}
          suggested={suggested}
          labels={labels}
          suggestion={suggestion}
          onUseSuggestion={onUseSuggestion}
        />
      )}
    />
  );
}

export function NewTicketForm({ onCreated, classifyDelayMs = 700 }: Props) {
  const formErrorsId = useId();
  const [createTicket, { loading: saving }] = useCreateTicket();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const errors = useFieldErrors(FIELDS);
  const { choices, asking, choose, descriptionChanged, descriptionLeft, settle } = useTicketSuggestion({ delayMs: classifyDelayMs });
  const [settling, setSettling] = useState(false);
  const similar = useSimilarTickets({ delayMs: classifyDelayMs });

  const live = { title: titleProblem(title), description: descriptionProblem(description) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    const invalid = (['title', 'description'] as const).find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    errors.refused([]);
    // What the agent saw is what is saved; only the suggestion's record may be the fresher one.
    const { category, priority } = choices;
    const defaultsUsed =
      choices.suggestion === null && asking.state === 'asking' && category.origin === 'default' && priority.origin === 'default';
    setSettling(true);
    const shown = await settle(description).finally(() => setSettling(false));
    const outcome = await createTicket(
      {
        title,
        description,
        category: category.value,
        priority: priority.value,
        ...(shown ? { suggestionId: shown.suggestionId } : {}),
      },
      shown,
    );
    if (outcome.ok) onCreated(outcome.value.id, { defaultsUsed });
    else errors.refused(outcome.errors);
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      <FormErrors id={formErrorsId} title="The ticket was not saved." errors={errors.formErrors} />

      <TextField
        label="Title"
        name="title"
        autoFocus
        value={title}
        max={TICKET_TITLE_MAX}
        autoComplete="off"
        error={errors.errorFor('title', live.title)}
        onChange={(value) => {
          setTitle(value);
          errors.edited('title');
        }}
        onBlur={() => errors.left('title')}
      />
      <TextField
        label="Description"
        name="description"
        rows={8}
        value={description}
        max={TICKET_DESCRIPTION_MAX}
        error={errors.errorFor('description', live.description)}
        onChange={(value) => {
          setDescription(value);
          descriptionChanged(value);
          similar.descriptionChanged(value);
          errors.edited('description');
        }}
        onBlur={() => {
          errors.left('description');
          descriptionLeft(description);
          similar.descriptionLeft(description);
        }}
      />

      <div className="suggestion-status" role="status" aria-live="polite">
        {asking.state === 'asking'
          ? choices.suggestion
            ? 'A suggestion for the new wording is on its way…'
            : 'A suggestion is on its way… Saving now keeps the default category and priority.'
          : null}
        {asking.state === 'failed' ? `No suggestion: ${asking.message} Choose category and priority yourself.` : null}
        {asking.state === 'idle' && choices.suggestion?.reason ? `Why: ${choices.suggestion.reason}` : null}
      </div>

      <div className="form__row">
        <SuggestedChoice
          label="Category"
          values={CATEGORIES}
          labels={CATEGORY_LABEL}
          choice={choices.category}
          suggested={choices.suggestion?.category}
          suggestion={choices.suggestion}
          error={errors.errorFor('category')}
          onChoose={(value) => {
            choose({ type: 'chose-category', value });
            errors.edited('category');
          }}
          onUseSuggestion={() => choose({ type: 'use-suggestion' })}
        />
        <SuggestedChoice
          label="Priority"
          values={PRIORITIES}
          labels={PRIORITY_LABEL}
          choice={choices.priority}
          suggested={choices.suggestion?.priority}
          suggestion={choices.suggestion}
          error={errors.errorFor('priority')}
          onChoose={(value) => {
            choose({ type: 'chose-priority', value });
            errors.edited('priority');
          }}
          onUseSuggestion={() => choose({ type: 'use-suggestion' })}
        />
      </div>
      {isOverridden(choices) ? <p className="hint">You changed the suggestion; that is recorded to measure how useful it is.</p> : null}

      <SimilarTickets similar={similar.similar} />

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving || settling}>
          {saving || settling ? 'Saving…' : 'Create ticket'}
        </button>
      </div>
    </form>
  );
}
