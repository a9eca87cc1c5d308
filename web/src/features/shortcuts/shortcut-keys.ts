// Which shortcut a key press is, if any. None while the agent types (text fields,
// text areas, selects, editable content), with Ctrl, Alt or Meta held (the browser's
// and the system's), while an input method composes, in a dialog or an open menu
// (they have keys of their own), or once a handler below took the key. Enter is left
// to the link or button it would activate.
import { SHORTCUTS, type Shortcut, type ShortcutId } from './shortcuts.js';

/** What of a `KeyboardEvent` the rules read. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/** Input types that take no typing: keys pressed on them are not text. */
const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'color', 'range']);

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('textarea, select, [contenteditable]:not([contenteditable="false"])')) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}

/** Controls a key activates by themselves (Enter follows a link, presses a button). */
function isActivatable(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('a[href], button, summary, input, [role^="menuitem"], [role="button"]') !== null;
}

const BY_KEY = new Map<string, Shortcut & { id: ShortcutId }>(SHORTCUTS.map((s) => [s.key, s]));

export function shortcutFor(event: KeyPress): ShortcutId | null {
  const shortcut = BY_KEY.get(event.key);
  if (!shortcut || event.defaultPrevented || event.isComposing) return null;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.repeat && !('repeats' in shortcut && shortcut.repeats)) return null;
  if (isTypingTarget(event.target)) return null;
  if (event.target instanceof Element && event.target.closest('dialog, [role="dialog"], [role="menu"]')) return null;
  if ('activates' in shortcut && shortcut.activates && isActivatable(event.target)) return null;
  return shortcut.id;
}
