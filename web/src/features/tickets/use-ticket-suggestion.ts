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
import { initialSuggestionState, suggestionReducer, type SuggestionAction } from './ticket-suggestion.js';

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

export type Asking = { state: 'idle' } | { state: 'asking' } | { state: 'failed'; message: string };

/** What the agent may do; suggestions and clearing come from the description. */
export type AgentChoice = Extract<SuggestionAction, { type: 'chose-category' | 'chose-priority' | 'use-suggestion' }>;

export function useTicketSuggestion({ delayMs }: { delayMs: number }) {
  const [choices, dispatch] = useReducer(suggestionReducer, initialSuggestionState);
  const [asking, setAsking] = useState<Asking>({ state: 'idle' });
  // A fresh answer every time: the server caches classifications, the form must not.
  const [classify] = useLazyQuery(ClassifyDescriptionQuery, { fetchPolicy: 'no-cache' });
  // Bookkeeping that changes no output, so it lives outside React state.
  const pending = useRef({ timer: undefined as ReturnType<typeof setTimeout> | undefined, request: 0, lastAsked: '' });

  const ask = useCallback(
    (text: string) => {
      const p = pending.current;
      const trimmed = text.trim();
      const length = characterCount(trimmed);
      // Text the server would refuse (nothing visible, a broken character) is not worth a request.
      if (length < CLASSIFY_MIN_LENGTH || length > TICKET_DESCRIPTION_MAX || trimmed === p.lastAsked) return;
      if (isBlankText(trimmed) || hasLoneSurrogate(trimmed)) return;
      p.lastAsked = trimmed;
      const request = ++p.request;
      setAsking({ state: 'asking' });
      // A newer call aborts this one; either way only the latest request's answer counts.
      classify({ variables: { description: trimmed } })
        .then(({ data, error }) => {
          if (request !== p.request) return;
          if (!data) throw error ?? new Error('no suggestion');
          dispatch({ type: 'suggested', suggestion: data.classifyDescription });
          setAsking({ state: 'idle' });
        })
        .catch((error: unknown) => {
          if (request !== p.request) return;
          p.lastAsked = '';
          setAsking({ state: 'failed', message: describeProblem(error).message });
        });
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
        setAsking({ state: 'idle' });
        dispatch({ type: 'description-cleared' });
        return;
      }
      p.timer = setTimeout(() => ask(text), delayMs);
    },
    [ask, delayMs],
  );

  /** Call when the agent leaves the description: asks at once. */
  const descriptionLeft = useCallback(
    (text: string) => {
      clearTimeout(pending.current.timer);
      ask(text);
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
  return { choices, asking, choose, descriptionChanged, descriptionLeft };
}
