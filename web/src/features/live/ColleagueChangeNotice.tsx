// Shown in the edit form while the agent has unsaved edits and a colleague saves a
// change of the same ticket (it arrives live): what they changed since the version the
// agent started from, read from the ticket's cached history as a conflict reads it
// (eventsSince). The agent's edits stay as they are; saving them meets the conflict
// rules (the server answers CONFLICT, and the form offers to re-apply them on top).
import { useFragment } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { eventsSince } from '../tickets/ticket-conflict.js';
import { TicketEventItem } from '../tickets/TicketEventItem.js';

const ColleagueChangeNoticeFragment = graphql(`
  fragment ColleagueChangeNotice_ticket on Ticket {
    id
    version
    history(first: 25) {
      edges {
        node {
          id
          kind
          at
          ...TicketEventItem_event
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

interface Props {
  ticketId: string;
  /** The version the agent's edits are based on. */
  baseVersion: number;
}

export function ColleagueChangeNotice({ ticketId, baseVersion }: Props) {
  const { data, complete } = useFragment({
    fragment: ColleagueChangeNoticeFragment,
    fragmentName: 'ColleagueChangeNotice_ticket',
    from: { __typename: 'Ticket', id: ticketId },
  });
  // The history as cached holds every change only when it is read to its end.
  const theirs =
    complete && !data.history.pageInfo.hasNextPage
      ? eventsSince(
          data.history.edges.map((edge) => edge.node),
          baseVersion,
          data.version,
        )
      : [];
  return (
    <section className="callout callout--warning conflict" role="status" aria-label="Changed by someone else while you edit">
      <strong>Someone else changed this ticket while you were editing.</strong>
      {theirs.length ? (
        <ul className="timeline timeline--compact" aria-label="Their changes">
          {theirs.map((event) => (
            <TicketEventItem key={event.id} event={event} />
          ))}
        </ul>
      ) : null}
      <p>Your edits are kept. Saving them shows what changed and lets you apply yours on top, or keep theirs.</p>
    </section>
  );
}
