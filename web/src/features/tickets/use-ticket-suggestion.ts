// The AI suggestion of the new-ticket form: asks the classifier about the description
// after a pause in typing and when the agent leaves the field, and combines the answer
// with the agent's own choices (the rules are in ticket-suggestion.ts). Only the answer
// for the latest text asked about counts; nothing here holds up saving.
import { useLazyQuery } from '@apollo/client/react';
import { useCallback, useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import { characterCount, hasLoneSurrogate, isBlankText } from '../../common/characters.js';
import { describeProblem } from '../../common/errors.js';
import { graphql } from '../../gql/index.js';
import { TICKET_DESCRIPTION_MAX } from '../../gql/limits.js';
import { initialSuggestionState, suggestionReducer, type Suggestion, type SuggestionAction } from './ticket-suggestion.js';

const ClassifyDescriptionQuery = graphql(`
  query ClassifyDescription($description: String!) {
    classifyDescription(description: $description) {
      category
      priority
      source
      confidence
      reason
      suggestionId
    }
  }
`);

/** Shorter descriptions say too little to classify. */
const CLASSIFY_MIN_LENGTH = 10;

/**
 * How long saving waits for the suggestion of the text being saved, when the one on
 * screen was for an earlier wording: enough for the offline classifier and a quick
 * answer from the AI, short enough not to hold the agent up.
 */
const SETTLE_MAX_MS = 2500;

/** `asking`: typing paused or a request is out; a suggestion for this text is on its way. */
export type Asking = { state: 'idle' } | { state: 'asking' } | { state: 'failed'; message: string };

/** What the agent may do; suggestions and clearing come from the description. */
export type AgentChoice = Extract<SuggestionAction, { type: 'chose-category' | 'chose-priority' | 'use-suggestion' }>;

/** Text worth a request: the server would refuse the rest (too short, too long, nothing visible, a broken character). */
function classifiable(trimmed: string): boolean {
  const length = characterCount(trimmed);
  return length >= CLASSIFY_MIN_LENGTH && length <= TICKET_DESCRIPTION_MAX && !isBlankText(trimmed) && !hasLoneSurrogate(trimmed);
}

export function useTicketSuggestion({ delayMs }: { delayMs: number }) {
  const [choices, dispatch] = useReducer(suggestionReducer, initialSuggestionState);
  const [asking, setAsking] = useState<Asking>({ state: 'idle' });
  // A fresh answer every time: the server caches classifications, the form must not.
  const [classify] = useLazyQuery(ClassifyDescriptionQuery, { fetchPolicy: 'no-cache' });
  // Bookkeeping that changes no output, so it lives outside React state: the timer,
  // the latest request and its answer to come, and the text the suggestion on screen
  // was for (the server counts a suggestion only with the text it was asked about).
  const pending = useRef({
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    request: 0,
    lastAsked: '',
    answer: null as Promise<Suggestion | null> | null,
    shownFor: '',
    shown: null as Suggestion | null,
  });

  const ask = useCallback(
    (text: string): Promise<Suggestion | null> | null => {
      const p = pending.current;
      const trimmed = text.trim();
      if (!classifiable(trimmed)) return null;
      if (trimmed === p.lastAsked) return p.answer;
      p.lastAsked = trimmed;
      const request = ++p.request;
      setAsking({ state: 'asking' });
      // A newer call aborts this one; either way only the latest request's answer counts.
      p.answer = classify({ variables: { description: trimmed } })
        .then(({ data, error }) => {
          if (request !== p.request) return null;
          if (!data) throw error ?? new Error('no suggestion');
          p.shownFor = trimmed;
          p.shown = data.classifyDescription;
          dispatch({ type: 'suggested', suggestion: data.classifyDescription });
          setAsking({ state: 'idle' });
          return data.classifyDescription;
        })
        .catch((error: unknown) => {
          if (request !== p.request) return null;
          p.lastAsked = '';
          setAsking({ state: 'failed', message: describeProblem(error).message });
          return null;
        });
      return p.answer;
    },
    [classify],
  );

  /** Call with every new description: asks once typing pauses for `delayMs`. */
  const descriptionChanged = useCallback(
    (text: string) => {
      const p = pending.current;
      clearTimeout(p.timer);
      if (isBlankText(text)) {
        // A suggestion for a description that is gone no longer applies, nor one on its way.
        p.request += 1;
        p.lastAsked = '';
        p.shownFor = '';
        p.shown = null;
        setAsking({ state: 'idle' });
        dispatch({ type: 'description-cleared' });
        return;
      }
      // From the first keystroke a suggestion is on its way, so saving at once is a choice made knowingly.
      const trimmed = text.trim();
      if (classifiable(trimmed) && trimmed !== p.lastAsked) setAsking({ state: 'asking' });
      p.timer = setTimeout(() => void ask(text), delayMs);
    },
    [ask, delayMs],
  );

  /** Call when the agent leaves the description: asks at once. */
  const descriptionLeft = useCallback(
    (text: string) => {
      clearTimeout(pending.current.timer);
      void ask(text);
    },
    [ask],
  );

  /**
   * The suggestion to save `text` with. The one on screen when it was for this very
   * text. When it was for an earlier wording, the server would not count it, so the
   * suggestion of this text is asked at once and awaited for at most SETTLE_MAX_MS.
   * With none on screen: none (saving does not wait for one the agent never saw).
   */
  const settle = useCallback(
    async (text: string): Promise<Suggestion | null> => {
      const p = pending.current;
      const trimmed = text.trim();
      if (p.shown === null) return null;
      if (p.shownFor === trimmed) return p.shown;
      clearTimeout(p.timer);
      const answer = ask(text);
      if (answer === null) return null;
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => (timeout = setTimeout(() => resolve(null), SETTLE_MAX_MS)));
      try {
        return await Promise.race([answer, late]);
      } finally {
        clearTimeout(timeout);
      }
    },
    [ask],
  );

  useEffect(() => {
    const p = pending.current;
    return () => {
      clearTimeout(p.timer);
      p.request += 1;
    };
  }, []);

  const choose: Dispatch<AgentChoice> = dispatch;
  return { choices, asking, choose, descriptionChanged, descriptionLeft, settle };
}
