// Possible duplicates of the ticket being written: asks the server for tickets like the
// description after a pause in typing (and when the agent leaves the field), one request
// per pause, and keeps only the answer for the latest text asked about. A failure shows
// nothing: duplicates are a hint, never in the way of saving.
import { useLazyQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { characterCount, hasLoneSurrogate, isBlankText } from '../../common/characters.js';
import { graphql } from '../../gql/index.js';
import { TICKET_DESCRIPTION_MAX } from '../../gql/limits.js';
import type { SimilarTicketsQuery } from '../../gql/graphql.js';

const SimilarTicketsQueryDocument = graphql(`
  query SimilarTickets($text: String!) {
    similarTickets(text: $text) {
      ticket {
        id
        ...SimilarTickets_ticket
      }
    }
  }
`);

/** Shorter text matches too loosely to be worth a request. */
const SIMILAR_MIN_LENGTH = 10;

export type SimilarTicket = SimilarTicketsQuery['similarTickets'][number];

export function useSimilarTickets({ delayMs }: { delayMs: number }) {
  const [similar, setSimilar] = useState<readonly SimilarTicket[]>([]);
  // Written to the cache (not no-cache): each item's fragment is read from there.
  const [find] = useLazyQuery(SimilarTicketsQueryDocument, { fetchPolicy: 'network-only' });
  const pending = useRef({ timer: undefined as ReturnType<typeof setTimeout> | undefined, request: 0, lastAsked: '' });

  const ask = useCallback(
    (text: string) => {
      const p = pending.current;
      const trimmed = text.trim();
      const length = characterCount(trimmed);
      if (length < SIMILAR_MIN_LENGTH || length > TICKET_DESCRIPTION_MAX || trimmed === p.lastAsked) return;
      if (hasLoneSurrogate(trimmed)) return;
      p.lastAsked = trimmed;
      const request = ++p.request;
      find({ variables: { text: trimmed } })
        .then(({ data }) => {
          if (request === p.request) setSimilar(data?.similarTickets ?? []);
        })
        .catch(() => {
          if (request !== p.request) return;
          p.lastAsked = '';
          setSimilar([]);
        });
    },
    [find],
  );

  /** Call with every new description: asks once typing pauses for `delayMs`. */
  const descriptionChanged = useCallback(
    (text: string) => {
      const p = pending.current;
      clearTimeout(p.timer);
      if (isBlankText(text)) {
        // Tickets like a description that is gone are no longer relevant, nor an answer on its way.
        p.request += 1;
        p.lastAsked = '';
        setSimilar([]);
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

  return { similar, descriptionChanged, descriptionLeft };
}
