// The note that follows a change made in place ("Status of “Printer” changed to
// Resolved." with Undo), said politely to screen readers, Undo offered for
// UNDO_WINDOW_MS. One note shows at a time, the latest change's; each change's window
// runs on its own, and when it closes the change's `onSettled` runs (a row leaving a
// list it no longer matches), undone or not, or at once when the notes go away. The
// window stands still while the pointer or focus is on the note, so it can be read and
// reached. A failed undo stays until dismissed: it must not go unseen.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** How long a change made in place can be undone, and a row that no longer matches its list stays. */
const UNDO_WINDOW_MS = 6000;

export type UndoOutcome = { ok: boolean; message: string };

export interface UndoableChange {
  /** What changed, as a sentence. */
  message: string;
  /** Puts the previous values back, saying how it went; absent: the note has no Undo. */
  undo?: () => Promise<UndoOutcome>;
  /** When the change can no longer be undone (its window closed, or the notes went away). */
  onSettled?: () => void;
}

interface Note {
  id: number;
  message: string;
  undo?: () => Promise<UndoOutcome>;
  phase: 'offered' | 'undoing' | 'undone' | 'failed';
}

interface UndoWindow {
  onSettled?: () => void;
  timer: ReturnType<typeof setTimeout> | null;
  /** Milliseconds left when it last started. */
  remaining: number;
  startedAt: number;
}

interface UndoToastApi {
  show(change: UndoableChange): void;
}

const UndoToastContext = createContext<UndoToastApi | null>(null);

export function useUndoToast(): UndoToastApi {
  const api = useContext(UndoToastContext);
  if (!api) throw new Error('useUndoToast needs an UndoToastProvider above it');
  return api;
}

export function UndoToastProvider({ children }: { children: ReactNode }) {
  const [note, setNote] = useState<Note | null>(null);
  const windows = useRef(new Map<number, UndoWindow>());
  const nextId = useRef(1);
  const shown = useRef<number | null>(null);
  const held = useRef(false);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const settle = useCallback((id: number) => {
    const entry = windows.current.get(id);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    windows.current.delete(id);
    // The undo the note offered is over with the window.
    setNote((current) => (current?.id === id && current.phase === 'offered' ? null : current));
    entry.onSettled?.();
  }, []);

  const run = useCallback(
    (id: number) => {
      const entry = windows.current.get(id);
      if (!entry || entry.timer) return;
      entry.startedAt = Date.now();
      entry.timer = setTimeout(() => settle(id), entry.remaining);
    },
    [settle],
  );

  const pause = useCallback((id: number) => {
    const entry = windows.current.get(id);
    if (!entry?.timer) return;
    clearTimeout(entry.timer);
    entry.timer = null;
    entry.remaining = Math.max(0, entry.remaining - (Date.now() - entry.startedAt));
  }, []);

  const show = useCallback(
    (change: UndoableChange) => {
      const id = nextId.current++;
      // The note it replaces keeps its window, no longer held by the pointer or focus.
      if (shown.current !== null) run(shown.current);
      if (hideTimer.current) clearTimeout(hideTimer.current);
      shown.current = id;
      windows.current.set(id, { onSettled: change.onSettled, timer: null, remaining: UNDO_WINDOW_MS, startedAt: 0 });
      if (held.current) windows.current.get(id)!.startedAt = Date.now();
      else run(id);
      setNote({ id, message: change.message, undo: change.undo, phase: 'offered' });
    },
    [run],
  );

  // Whatever is still open settles when the notes go away (the agent left the app's frame).
  useEffect(() => {
    const open = windows.current;
    return () => {
      for (const id of [...open.keys()]) {
        const entry = open.get(id)!;
        if (entry.timer) clearTimeout(entry.timer);
        open.delete(id);
        entry.onSettled?.();
      }
      if (hideTimer.current) clearTimeout(hideTimer.current);
    };
  }, []);

  async function undo(current: Note) {
    if (!current.undo || current.phase !== 'offered') return;
    setNote({ ...current, phase: 'undoing' });
    const outcome = await current.undo();
    setNote((latest) =>
      latest?.id === current.id ? { ...current, message: outcome.message, phase: outcome.ok ? 'undone' : 'failed' } : latest,
    );
    if (outcome.ok) {
      hideTimer.current = setTimeout(() => setNote((latest) => (latest?.id === current.id ? null : latest)), UNDO_WINDOW_MS);
    }
  }

  function hold() {
    held.current = true;
    if (note) pause(note.id);
  }
  function release() {
    held.current = false;
    if (note) run(note.id);
  }

  const api = useMemo(() => ({ show }), [show]);
  return (
    <UndoToastContext value={api}>
      {children}
      <div className="undo-toast-region" aria-live="polite">
        {note ? (
          <div
            className="undo-toast"
            onPointerEnter={hold}
            onPointerLeave={release}
            onFocus={hold}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) release();
            }}
          >
            <p className="undo-toast__message">{note.message}</p>
            {note.undo && (note.phase === 'offered' || note.phase === 'undoing') ? (
              <button
                type="button"
                className="button button--small"
                data-shortcut="undo"
                disabled={note.phase === 'undoing'}
                onClick={() => void undo(note)}
              >
                {note.phase === 'undoing' ? 'Undoing…' : 'Undo'}
              </button>
            ) : null}
            {note.phase === 'failed' || note.phase === 'undone' ? (
              <button type="button" className="button button--small" onClick={() => setNote(null)}>
                Dismiss
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </UndoToastContext>
  );
}
