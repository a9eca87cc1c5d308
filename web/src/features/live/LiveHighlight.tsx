// Wraps what shows a ticket (its details on its page) so that a colleague's change of
// it is highlighted briefly, as its row is in the list.
import type { ReactNode } from 'react';
import { useLiveHighlight } from './live-highlights.js';
import './live.css';

export function LiveHighlight({ ticketId, children }: { ticketId: string; children: ReactNode }) {
  const highlighted = useLiveHighlight(ticketId);
  return <div className={highlighted ? 'live-highlight live-highlight--on' : 'live-highlight'}>{children}</div>;
}
