// "3 new tickets — Show" above the tickets list, while tickets created elsewhere may
// belong to it. A polite live region, always present so that screen readers hear it
// fill; "Show" reads the list again and takes the agent to its newest ticket.
import { useState } from 'react';
import './live.css';

interface Props {
  count: number;
  /** Reads the list again; the bar empties once it has. */
  onShow(): Promise<unknown>;
}

export function NewTicketsBar({ count, onShow }: Props) {
  const [busy, setBusy] = useState(false);

  async function show() {
    setBusy(true);
    try {
      await onShow();
    } finally {
      setBusy(false);
    }
    // The button is gone with the count: continue from the first ticket rather than the page's start.
    document.querySelector<HTMLElement>('.ticket-list a')?.focus();
  }

  return (
    <div className="new-tickets" role="status" aria-live="polite">
      {count > 0 ? (
        <div className="new-tickets__bar">
          <span>{count === 1 ? '1 new ticket' : `${count} new tickets`}</span>
          <button type="button" className="button button--small" disabled={busy} onClick={() => void show()}>
            {busy ? 'Loading…' : 'Show'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
