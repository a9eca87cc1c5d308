// The internal notes on a ticket's page, oldest first, a page at a time, and the form
// to add one (a correction is a new note: notes are never edited or deleted).
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { ErrorMessage } from '../../common/ErrorMessage.js';
import { formatDateTime } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import { ActorName } from './ActorName.js';
import { AddNoteForm } from './AddNoteForm.js';
import { useShowMore } from './use-show-more.js';

export const TicketNotesFragment = graphql(`
  fragment TicketNotes_ticket on Ticket {
    id
    notes(first: 25) {
      edges {
        cursor
        node {
          id
          ...TicketNoteItem_note
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const TicketNoteItemFragment = graphql(`
  fragment TicketNoteItem_note on TicketNote {
    id
    body
    createdAt
    author {
      ... on User {
        id
      }
      ... on ApiToken {
        id
      }
      ...ActorName_actor
    }
  }
`);

function TicketNoteItem({ note }: { note: FragmentType<typeof TicketNoteItemFragment> }) {
  const { data, complete } = useFragment({ fragment: TicketNoteItemFragment, fragmentName: 'TicketNoteItem_note', from: note });
  if (!complete) return null;
  return (
    <li className="note">
      <p className="note__meta">
        <strong>
          <ActorName actor={data.author} />
        </strong>{' '}
        · <time dateTime={data.createdAt}>{formatDateTime(data.createdAt)}</time>
      </p>
      <p className="note__body">{data.body}</p>
    </li>
  );
}

export function TicketNotes({ ticket }: { ticket: FragmentType<typeof TicketNotesFragment> }) {
  const { data, complete } = useFragment({ fragment: TicketNotesFragment, fragmentName: 'TicketNotes_ticket', from: ticket });
  const [showMore, { loading, error }] = useShowMore('notes');
  if (!complete) return null;
  const { edges, pageInfo } = data.notes;
  return (
    <section className="ticket-notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Internal notes</h2>
      {edges.length ? (
        <ol className="notes" aria-labelledby="notes-title">
          {edges.map((edge) => (
            <TicketNoteItem key={edge.node.id} note={edge.node} />
          ))}
        </ol>
      ) : (
        <p className="muted">No notes yet.</p>
      )}
      {error ? <ErrorMessage error={error} title="More notes could not be loaded" /> : null}
      {pageInfo.hasNextPage && pageInfo.endCursor ? (
        <button type="button" className="button" disabled={loading} onClick={() => void showMore(data.id, pageInfo.endCursor!)}>
          {loading ? 'Loading…' : 'Show more notes'}
        </button>
      ) : null}
      <AddNoteForm ticketId={data.id} />
    </section>
  );
}
