// The keyboard shortcuts, in one list: the keys they answer to, what they do and where,
// in the order the shortcuts dialog lists them (the dialog is generated from it).
// Each one's action is in KeyboardShortcuts.tsx, keyed by id, so a shortcut added
// here fails to compile until it does something.

export interface Shortcut {
  id: string;
  /** `KeyboardEvent.key`, as the dialog shows it. */
  key: string;
  description: string;
  /** Held down, it acts again at each repeat (moving through the list). */
  repeats?: boolean;
  /** Also the key that activates a focused link or button: there it is left to them. */
  activates?: boolean;
}

export const SHORTCUTS = [
  { id: 'search', key: '/', description: 'Search the tickets' },
  { id: 'next', key: 'j', description: 'Select the next ticket in the list', repeats: true },
  { id: 'previous', key: 'k', description: 'Select the previous ticket in the list', repeats: true },
  { id: 'open', key: 'Enter', description: 'Open the selected ticket', activates: true },
  { id: 'new', key: 'c', description: 'Create a ticket' },
  { id: 'edit', key: 'e', description: 'Edit the selected ticket, or the one open' },
  { id: 'assign', key: 'a', description: 'Assign the selected ticket, or the one open, to me' },
  { id: 'undo', key: 'z', description: 'Undo the change just made, while its note shows' },
  { id: 'help', key: '?', description: 'Show these shortcuts' },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];
