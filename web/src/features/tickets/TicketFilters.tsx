// Filters (several values per field) and the search box of the tickets list. The
// search box updates the URL only after typing pauses (SEARCH_PAUSE_MS). On a phone the filters start
// folded behind their summary (which counts the active ones), so the first tickets
// are on screen; wider screens show them open.
import { useEffect, useEffectEvent, useId, useState } from 'react';
import { clipCharacters } from '../../common/characters.js';
import { useDebouncedValue } from '../../common/use-debounced-value.js';
import { TICKET_SEARCH_MAX } from '../../gql/limits.js';
import { formatDateTime } from '../../common/format.js';
import {
  CATEGORIES,
  CATEGORY_LABEL,
  CONFIDENCE_BAND_LABEL,
  PRIORITIES,
  PRIORITY_LABEL,
  STATUSES,
  STATUS_LABEL,
  SUGGESTION_OUTCOME_LABEL,
} from './ticket-enums.js';
import { withoutFilters, type TicketsView } from './tickets-url.js';

/**
 * How long typing must pause before the search runs. Keys come 80–150 ms apart when
 * typing a word, so a word still makes one search (and one history entry) rather than
 * one per key; and the results, due under 400 ms after the last key, are not kept
 * waiting a third of that budget for nothing.
 */
export const SEARCH_PAUSE_MS = 150;

/** Wide enough for the filters to sit open above the list without hiding it. */
const WIDE = '(min-width: 700px)';

function wideScreen(): boolean {
  return typeof window.matchMedia !== 'function' || window.matchMedia(WIDE).matches;
}

interface Props {
  view: TicketsView;
  onChange(view: TicketsView): void;
  searchDelayMs?: number;
}

function CheckboxGroup<T extends string>({
  legend,
  values,
  labels,
  selected,
  onToggle,
}: {
  legend: string;
  values: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  onToggle(next: T[]): void;
}) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {values.map((value) => {
        const checked = selected.includes(value);
        return (
          <label key={value} className="check">
            <input
              type="checkbox"
              name={legend.toLowerCase()}
              value={value}
              checked={checked}
              onChange={() =>
                onToggle(checked ? selected.filter((v) => v !== value) : values.filter((v) => v === value || selected.includes(v)))
              }
            />
            {labels[value]}
          </label>
        );
      })}
    </fieldset>
  );
}

interface Chip {
  key: string;
  label: string;
  without: TicketsView;
}

/**
 * The filters a link can set that have no checkbox here (the dashboard's triage card
 * opens the list narrowed by suggestion and creation time; a saved view may bound the
 * creation time on both sides), each shown and removable, so the agent sees why the
 * list is narrowed.
 */
function narrowingChips(view: TicketsView): Chip[] {
  return [
    ...(view.since ? [{ key: 'since', label: `Created since ${formatDateTime(view.since)}`, without: { ...view, since: '' } }] : []),
    ...(view.before ? [{ key: 'before', label: `Created before ${formatDateTime(view.before)}`, without: { ...view, before: '' } }] : []),
    ...view.suggestedCategories.map((value) => ({
      key: `sc-${value}`,
      label: `Suggested category: ${CATEGORY_LABEL[value]}`,
      without: { ...view, suggestedCategories: view.suggestedCategories.filter((v) => v !== value) },
    })),
    ...view.suggestedPriorities.map((value) => ({
      key: `sp-${value}`,
      label: `Suggested priority: ${PRIORITY_LABEL[value]}`,
      without: { ...view, suggestedPriorities: view.suggestedPriorities.filter((v) => v !== value) },
    })),
    ...view.filedCategories.map((value) => ({
      key: `fc-${value}`,
      label: `Filed (when suggested) as: ${CATEGORY_LABEL[value]}`,
      without: { ...view, filedCategories: view.filedCategories.filter((v) => v !== value) },
    })),
    ...view.filedPriorities.map((value) => ({
      key: `fp-${value}`,
      label: `Filed (when suggested) with priority: ${PRIORITY_LABEL[value]}`,
      without: { ...view, filedPriorities: view.filedPriorities.filter((v) => v !== value) },
    })),
    ...view.suggestionConfidenceBands.map((value) => ({
      key: `cb-${value}`,
      label: `Suggestion ${CONFIDENCE_BAND_LABEL[value]}`,
      without: { ...view, suggestionConfidenceBands: view.suggestionConfidenceBands.filter((v) => v !== value) },
    })),
    ...view.suggestionOutcomes.map((value) => ({
      key: `so-${value}`,
      label: `Only ${SUGGESTION_OUTCOME_LABEL[value]}`,
      without: { ...view, suggestionOutcomes: view.suggestionOutcomes.filter((v) => v !== value) },
    })),
  ];
}

function NarrowingChips({ chips, onChange }: { chips: readonly Chip[]; onChange(view: TicketsView): void }) {
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label="Also narrowed by">
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          {chip.label}
          <button type="button" className="chip__remove" aria-label={`Remove filter: ${chip.label}`} onClick={() => onChange(chip.without)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

export function TicketFilters({ view, onChange, searchDelayMs = SEARCH_PAUSE_MS }: Props) {
  const searchId = useId();
  const [text, setText] = useState(view.search);
  const [followed, setFollowed] = useState(view.search);
  const debounced = useDebouncedValue(text, searchDelayMs);
  // Decided once, when the list opens: the agent's own opening or closing then stands.
  const [open, setOpen] = useState(wideScreen);

  // The URL is the source of truth: follow it when it changes from outside (back button),
  // during render rather than in an effect, so the old text is never shown.
  if (view.search !== followed) {
    setFollowed(view.search);
    setText(view.search);
  }
  // Only a settled search text writes the URL; `view` changing alone must not, so the
  // latest view is read when the text settles without being a reason to write.
  const settled = useEffectEvent((search: string) => {
    if (search !== view.search) onChange({ ...view, search });
  });
  useEffect(() => settled(debounced), [debounced]);

  const chips = narrowingChips(view);
  const activeCount = view.categories.length + view.priorities.length + view.statuses.length + chips.length;

  return (
    <section className="filters" aria-label="Filters">
      <div className="field field--search">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          placeholder="Words in the title or description"
          value={text}
          // Clipped in code points, as the server counts: `maxLength` counts UTF-16 units.
          onChange={(event) => setText(clipCharacters(event.target.value, TICKET_SEARCH_MAX))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange({ ...view, search: text });
          }}
        />
      </div>
      <NarrowingChips chips={chips} onChange={onChange} />
      <details className="filters__more" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>Filters{activeCount ? ` (${activeCount})` : ''}</summary>
        <div className="filters__groups">
          <CheckboxGroup
            legend="Category"
            values={CATEGORIES}
            labels={CATEGORY_LABEL}
            selected={view.categories}
            onToggle={(categories) => onChange({ ...view, categories })}
          />
          <CheckboxGroup
            legend="Priority"
            values={PRIORITIES}
            labels={PRIORITY_LABEL}
            selected={view.priorities}
            onToggle={(priorities) => onChange({ ...view, priorities })}
          />
          <CheckboxGroup
            legend="Status"
            values={STATUSES}
            labels={STATUS_LABEL}
            selected={view.statuses}
            onToggle={(statuses) => onChange({ ...view, statuses })}
          />
        </div>
        {activeCount || view.search ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setText('');
              onChange(withoutFilters(view));
            }}
          >
            Clear filters and search
          </button>
        ) : null}
      </details>
    </section>
  );
}
