// One ticket at /tickets/:id: its fields, its status, its assignee, editing, its internal
// notes and its history.
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { graphql } from '../../gql/index.js';
import { TicketAssignee } from './TicketAssignee.js';
import { TicketDetails } from './TicketDetails.js';
import { TicketEditForm } from './TicketEditForm.js';
import { TicketNotes } from './TicketNotes.js';
import { TicketTimeline } from './TicketTimeline.js';
import { useDocumentTitle } from '../../common/use-document-title.js';

const TicketDetailPageQuery = graphql(`
  query TicketDetailPage($id: ID!) {
    ticket(id: $id) {
      id
      ...TicketDetails_ticket
      ...TicketEditForm_ticket
      ...TicketAssignee_ticket
      ...TicketNotes_ticket
      ...TicketTimeline_ticket
    }
    assignableUsers {
      id
      displayName
    }
  }
`);

export function TicketDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [editing, setEditing] = useState(false);
  useDocumentTitle(`Ticket #${id}`);
  const validId = /^[1-9]\d{0,18}$/.test(id);
  const { data, error, loading, refetch } = useQuery(TicketDetailPageQuery, {
    variables: { id },
    skip: !validId,
    fetchPolicy: 'cache-and-network',
  });

  return (
    <div className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/tickets">← All tickets</Link>
      </nav>
      {created ? (
        <p className="callout callout--success" role="status">
          Ticket created.
        </p>
      ) : null}
      {!validId || (data && data.ticket === null) ? (
        <div className="empty">
          <h1>Ticket not found</h1>
          <p>There is no ticket #{id}.</p>
        </div>
      ) : null}
      {validId && error && !data ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
      {validId && !data && loading ? <Loading label="Loading the ticket…" /> : null}
      {data?.ticket ? (
        editing ? (
          <>
            <h1>Edit ticket #{data.ticket.id}</h1>
            <TicketEditForm ticket={data.ticket} onDone={() => setEditing(false)} />
          </>
        ) : (
          <>
            <TicketDetails ticket={data.ticket} />
            <TicketAssignee ticket={data.ticket} users={data.assignableUsers} />
            <div className="form__actions">
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Edit
              </button>
            </div>
          </>
        )
      ) : null}
      {data?.ticket ? (
        <>
          <TicketNotes ticket={data.ticket} />
          <TicketTimeline ticket={data.ticket} />
        </>
      ) : null}
    </div>
  );
}
