// One ticket at /tickets/:id: its fields, its status, its assignee, editing, its internal
// notes and its history.
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { graphql } from '../../gql/index.js';
import { TicketAssignee } from './TicketAssignee.js';
import { TicketDetails } from './TicketDetails.js';
import { TicketEditForm } from './TicketEditForm.js';
import { TicketNotes } from './TicketNotes.js';
import { TicketTimeline } from './TicketTimeline.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { LiveHighlight } from '../live/LiveHighlight.js';
import { useLiveTicket } from '../live/use-live-ticket.js';

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
  const arrival = location.state as { created?: boolean; defaultsUsed?: boolean } | null;
  const created = arrival?.created === true;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'confirmation' | 'edit' | null>(null);
  useEffect(() => {
    if (editing || focusNext.current === null) return;
    (focusNext.current === 'confirmation' ? confirmation : editButton).current?.focus();
    focusNext.current = null;
  }, [editing]);
  useDocumentTitle(`Ticket #${id}`);
  const validId = /^[1-9]\d{0,18}$/.test(id);
  const { data, error, loading, refetch } = useQuery(TicketDetailPageQuery, {
    variables: { id },
    skip: !validId,
    fetchPolicy: 'cache-and-network',
  });
  useLiveTicket(id, { skip: !validId });

  return (
    <div className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/tickets">← All tickets</Link>
      </nav>
      {created ? (
        <p className="callout callout--success" role="status">
          Ticket created.
          {arrival?.defaultsUsed
            ? ' The suggestion had not arrived yet, so the default category and priority were used: change them with Edit if they do not fit.'
            : null}
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
            <TicketEditForm
              ticket={data.ticket}
              onDone={(outcome) => {
                setEditing(false);
                setSaved(outcome === 'saved');
                // Keyboard users continue from the confirmation, or from Edit after a cancel.
                focusNext.current = outcome === 'saved' ? 'confirmation' : 'edit';
              }}
            />
          </>
        ) : (
          <>
            {saved ? (
              <p className="callout callout--success" role="status" tabIndex={-1} ref={confirmation}>
                Changes saved.
              </p>
            ) : null}
            <LiveHighlight ticketId={data.ticket.id}>
              <TicketDetails ticket={data.ticket} />
            </LiveHighlight>
            <TicketAssignee ticket={data.ticket} users={data.assignableUsers} />
            <div className="form__actions">
              <button
                type="button"
                className="button"
                ref={editButton}
                data-shortcut="edit"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
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
