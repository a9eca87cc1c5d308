// A ticket's history on its page, oldest first: its creation (with the AI suggestion
// shown and whether it was kept), each change from → to, who and when; a page at a
// time, with "Show more" while the server has more.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { ErrorMessage } from '../../common/ErrorMessage.js';
import { graphql } from '../../gql/index.js';
import { TicketEventItem } from './TicketEventItem.js';
import { useShowMore } from './use-show-more.js';

export const TicketTimelineFragment = graphql(`
  fragment TicketTimeline_ticket on Ticket {
    id
    history(first: 25) {
      edges {
        cursor
        node {
          id
          ...TicketEventItem_event
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export function TicketTimeline({ ticket }: { ticket: FragmentType<typeof TicketTimelineFragment> }) {
  const { data, complete } = useFragment({ fragment: TicketTimelineFragment, fragmentName: 'TicketTimeline_ticket', from: ticket });
  const [showMore, { loading, error }] = useShowMore('history');
  if (!complete) return null;
  const { edges, pageInfo } = data.history;
  return (
    <section className="ticket-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">History</h2>
      <ol className="timeline" aria-labelledby="timeline-title">
        {edges.map((edge) => (
          <TicketEventItem key={edge.node.id} event={edge.node} />
        ))}
      </ol>
      {error ? <ErrorMessage error={error} title="More of the history could not be loaded" /> : null}
      {pageInfo.hasNextPage && pageInfo.endCursor ? (
        <button type="button" className="button" disabled={loading} onClick={() => void showMore(data.id, pageInfo.endCursor!)}>
          {loading ? 'Loading…' : 'Show more'}
        </button>
      ) : null}
    </section>
  );
}
