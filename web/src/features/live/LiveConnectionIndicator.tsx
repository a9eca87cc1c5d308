// "Reconnecting…" in a corner while a screen wants live updates and the connection is
// down, and nothing otherwise; announced politely (a live region always present). A
// drop shorter than GRACE_MS is not shown: the screen would only flicker.
import { useEffect, useState } from 'react';
import { useLiveConnection } from './use-live-connection.js';
import './live.css';

const GRACE_MS = 1000;

export function LiveConnectionIndicator() {
  const state = useLiveConnection();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (state !== 'reconnecting') return;
    const timer = setTimeout(() => setShown(true), GRACE_MS);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [state]);
  const visible = shown && state === 'reconnecting';
  return (
    <div className={visible ? 'live-status live-status--down' : 'live-status'} role="status" aria-live="polite">
      {visible ? 'Reconnecting…' : ''}
    </div>
  );
}
