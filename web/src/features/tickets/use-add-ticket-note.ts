// Adding an internal note: on success the ticket's notes and history (which gains a
// NOTE_ADDED event) are asked again where they are shown, so both list the note with
// the author and time the server recorded. No optimistic note: its author and time are
// the server's to say, and the form shows that it is being added.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';

const AddTicketNoteMutation = graphql(`
  mutation AddTicketNote($ticketId: ID!, $input: AddTicketNoteInput!) {
    addTicketNote(ticketId: $ticketId, input: $input) {
      note {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useAddTicketNote() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(AddTicketNoteMutation);
  const addTicketNote = useCallback(
    async (ticketId: string, body: string): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { ticketId, input: { body } } });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.addTicketNote;
        if (!payload?.note) return { ok: false, errors: payload?.userErrors ?? [] };
        const cacheId = client.cache.identify({ __typename: 'Ticket', id: ticketId });
        client.cache.evict({ id: cacheId, fieldName: 'notes' });
        client.cache.evict({ id: cacheId, fieldName: 'history' });
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate, client],
  );
  return [addTicketNote, state] as const;
}
