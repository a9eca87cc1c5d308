// A change refused because a colleague saved first: what they changed since the
// version the agent started from (from the history), the agent's own change, and one
// button to re-apply it on top of theirs. Nothing is overwritten until the agent asks.
import { describeChanges, type TicketChanges } from './ticket-conflict.js';
import { TicketEventItem } from './TicketEventItem.js';
import type { TicketConflict } from './use-save-ticket-change.js';

interface Props {
  conflict: TicketConflict;
  onReapply(): void;
  onDismiss(): void;
  /** A re-application is on its way. */
  busy?: boolean;
  /** The agent's change in words (default: describeChanges, which names an assignee by id). */
  describe?(changes: TicketChanges): string[];
}

export function TicketConflictNotice({ conflict, onReapply, onDismiss, busy = false, describe = describeChanges }: Props) {
  const mine = describe(conflict.mine);
  return (
    <section className="callout callout--warning conflict" role="alert" aria-label="Changed meanwhile by someone else">
      <strong>Someone else changed this ticket meanwhile. Your change was not saved.</strong>
      {conflict.state === 'loading' ? <p>Reading what changed…</p> : null}
      {conflict.state === 'failed' ? <p>What changed could not be read: {conflict.message}</p> : null}
      {conflict.state === 'missing' ? <p>The ticket no longer exists.</p> : null}
      {conflict.state === 'shown' ? (
        <>
          <p>Changed since the version you started from:</p>
          {conflict.theirs.length ? (
            <ul className="timeline timeline--compact" aria-label="Their changes">
              {conflict.theirs.map((event, index) => (
                <TicketEventItem key={index} event={event} />
              ))}
            </ul>
          ) : (
            <p>(the history does not tell what)</p>
          )}
        </>
      ) : null}
      <p className="conflict__mine">
        Your change: <span data-testid="conflict-mine">{mine.join('; ') || 'none'}</span>
      </p>
      <div className="form__actions">
        {conflict.state === 'shown' ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={onReapply}>
            {busy ? 'Re-applying…' : 'Re-apply my change'}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onDismiss}>
          Keep their version
        </button>
      </div>
    </section>
  );
}
