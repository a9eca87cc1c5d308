// How the AI suggestion and the agent's own choices combine on the new-ticket form.
// A suggestion fills category and priority until the agent picks one; the agent's
// pick is never overwritten by a later suggestion. Pure, so it is tested directly.
import type { ClassificationSource, TicketCategory, TicketPriority } from '../../gql/graphql.js';

export interface Suggestion {
  category: TicketCategory;
  priority: TicketPriority;
  source: ClassificationSource;
  /** How sure the server is that both fields will be kept (0–1). */
  confidence: number;
  reason: string | null;
  /** The server's record of this answer: what the ticket refers to, so only real suggestions are counted. */
  suggestionId: string;
}

/** Where a field's current value came from. */
export type Origin = 'default' | 'suggested' | 'agent';

export interface Choice<T> {
  value: T;
  origin: Origin;
}

export interface SuggestionState {
  category: Choice<TicketCategory>;
  priority: Choice<TicketPriority>;
  /** The suggestion on screen, referred to by the ticket so acceptance can be measured. */
  suggestion: Suggestion | null;
}

export type SuggestionAction =
  | { type: 'suggested'; suggestion: Suggestion }
  | { type: 'chose-category'; value: TicketCategory }
  | { type: 'chose-priority'; value: TicketPriority }
  | { type: 'use-suggestion' }
  | { type: 'description-cleared' };

const DEFAULT_CATEGORY: TicketCategory = 'GENERAL';
const DEFAULT_PRIORITY: TicketPriority = 'MEDIUM';

export const initialSuggestionState: SuggestionState = {
  category: { value: DEFAULT_CATEGORY, origin: 'default' },
  priority: { value: DEFAULT_PRIORITY, origin: 'default' },
  suggestion: null,
};

function follow<T>(choice: Choice<T>, suggested: T): Choice<T> {
  return choice.origin === 'agent' ? choice : { value: suggested, origin: 'suggested' };
}

function chose<T>(value: T, suggested: T | undefined): Choice<T> {
  // Picking the suggested value again is accepting the suggestion.
  return { value, origin: value === suggested ? 'suggested' : 'agent' };
}

export function suggestionReducer(state: SuggestionState, action: SuggestionAction): SuggestionState {
  switch (action.type) {
    case 'suggested':
      return {
        suggestion: action.suggestion,
        category: follow(state.category, action.suggestion.category),
        priority: follow(state.priority, action.suggestion.priority),
      };
    case 'chose-category':
      return { ...state, category: chose(action.value, state.suggestion?.category) };
    case 'chose-priority':
      return { ...state, priority: chose(action.value, state.suggestion?.priority) };
    case 'use-suggestion':
      if (!state.suggestion) return state;
      return {
        ...state,
        category: { value: state.suggestion.category, origin: 'suggested' },
        priority: { value: state.suggestion.priority, origin: 'suggested' },
      };
    case 'description-cleared':
      // A suggestion for a description that is gone no longer applies.
      return {
        suggestion: null,
        category: state.category.origin === 'agent' ? state.category : initialSuggestionState.category,
        priority: state.priority.origin === 'agent' ? state.priority : initialSuggestionState.priority,
      };
  }
}

export function isOverridden(state: SuggestionState): boolean {
  return (
    state.suggestion !== null && (state.category.value !== state.suggestion.category || state.priority.value !== state.suggestion.priority)
  );
}
