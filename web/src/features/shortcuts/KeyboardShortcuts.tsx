// The keyboard shortcuts of the signed-in app (shortcuts.ts lists them): one listener
// on the document, the rules of shortcut-keys.ts deciding whether a key is one, and
// each shortcut's action below. Actions work through what the screen offers (the
// search box, a row's title link, the "Assign to me" and "Edit" buttons marked with
// `data-shortcut`), so a shortcut does exactly what the agent's click would.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useNavigate, type NavigateFunction } from 'react-router';
import { moveSelection, selectedRow, ticketRows } from './list-selection.js';
import { shortcutFor } from './shortcut-keys.js';
import type { ShortcutId } from './shortcuts.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';

interface Context {
  navigate: NavigateFunction;
  /** The row last selected with j or k. */
  selected: { current: string | null };
  openHelp(): void;
}

/** Clicks the element marked `data-shortcut="name"` within `scope`; whether there was one. */
function press(scope: ParentNode | null, name: string): boolean {
  const control = scope?.querySelector<HTMLElement>(`[data-shortcut="${name}"]`);
  if (!control || (control as HTMLButtonElement).disabled) return false;
  control.click();
  return true;
}

const SEARCH_BOX = 'main input[type="search"]';

/**
 * Acts on `selector` once the screen at `path` shows it (after a navigation, while
 * the screen loads), for up to `waitMs`; nothing if the agent went elsewhere meanwhile.
 */
function whenShown(path: string, selector: string, act: (element: HTMLElement) => void, waitMs: number): void {
  const deadline = performance.now() + waitMs;
  const look = () => {
    if (location.pathname !== path) return;
    const element = document.querySelector<HTMLElement>(selector);
    if (element) act(element);
    else if (performance.now() < deadline) requestAnimationFrame(look);
  };
  look();
}

/** Each shortcut's action; false when it had nothing to act on here (the key then does what it would). */
const ACTIONS: Record<ShortcutId, (context: Context) => boolean> = {
  search: ({ navigate }) => {
    if (!document.querySelector(SEARCH_BOX)) void navigate('/tickets');
    whenShown('/tickets', SEARCH_BOX, (box) => box.focus(), 1_000);
    return true;
  },
  next: ({ selected }) => {
    selected.current = moveSelection(selected.current, 1) ?? selected.current;
    return ticketRows().length > 0;
  },
  previous: ({ selected }) => {
    selected.current = moveSelection(selected.current, -1) ?? selected.current;
    return ticketRows().length > 0;
  },
  open: ({ selected }) => {
    const link = selectedRow(selected.current)?.querySelector<HTMLElement>('a[href]');
    link?.click();
    return link != null;
  },
  new: ({ navigate }) => {
    void navigate('/tickets/new');
    return true;
  },
  edit: ({ navigate, selected }) => {
    if (ticketRows().length === 0) return press(document.querySelector('main'), 'edit');
    const id = selectedRow(selected.current)?.dataset.ticketId;
    if (!id) return false;
    // Its page, then its Edit button as soon as the ticket shows (as the agent would).
    void navigate(`/tickets/${id}`);
    whenShown(`/tickets/${id}`, 'main [data-shortcut="edit"]', (button) => button.click(), 10_000);
    return true;
  },
  assign: ({ selected }) =>
    ticketRows().length === 0
      ? press(document.querySelector('main'), 'assign-to-me')
      : press(selectedRow(selected.current), 'assign-to-me'),
  undo: () => press(document, 'undo'),
  help: ({ openHelp }) => {
    openHelp();
    return true;
  },
};

export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);
  const selected = useRef<string | null>(null);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const id = shortcutFor(event);
    if (id && ACTIONS[id]({ navigate, selected, openHelp: () => setHelpOpen(true) })) event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  return helpOpen ? <ShortcutsDialog onClose={() => setHelpOpen(false)} /> : null;
}
