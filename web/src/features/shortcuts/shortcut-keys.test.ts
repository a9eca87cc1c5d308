// The rules deciding whether a key press is a shortcut, table-driven: never while
// typing, never with a modifier, never inside a dialog or an open menu, Enter left to
// links and buttons, only j and k repeating.
import { beforeEach, describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from './shortcut-keys.js';
import { SHORTCUTS } from './shortcuts.js';

let targets: Record<string, Element>;

beforeEach(() => {
  document.body.innerHTML = `
    <main>
      <h1 id="heading">Tickets</h1>
      <input id="text" type="text"><input id="search" type="search"><input id="email" type="email">
      <input id="untyped"><input id="checkbox" type="checkbox"><input id="radio" type="radio">
      <textarea id="textarea"></textarea>
      <select id="select"><option>a</option></select>
      <div contenteditable="true"><p id="editable">x</p></div>
      <div contenteditable="false"><p id="not-editable">x</p></div>
      <a id="link" href="/tickets/1">A ticket</a>
      <button id="button">Undo</button>
      <ul role="menu"><li id="menuitem" role="menuitemradio">Open</li></ul>
      <dialog open><button id="in-dialog">Close</button></dialog>
    </main>`;
  targets = Object.fromEntries([...document.querySelectorAll('[id]')].map((el) => [el.id, el]));
  targets.body = document.body;
});

function press(key: string, target: string, extra: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    repeat: false,
    isComposing: false,
    defaultPrevented: false,
    target: targets[target]!,
    ...extra,
  };
}

describe('shortcutFor', () => {
  it.each([
    // Each key, where nothing else wants it.
    ['/', 'body', {}, 'search'],
    ['j', 'body', {}, 'next'],
    ['k', 'heading', {}, 'previous'],
    ['Enter', 'body', {}, 'open'],
    ['c', 'body', {}, 'new'],
    ['e', 'body', {}, 'edit'],
    ['a', 'body', {}, 'assign'],
    ['z', 'body', {}, 'undo'],
    ['?', 'body', {}, 'help'],
    // Letters on controls that take no typing still count.
    ['j', 'checkbox', {}, 'next'],
    ['a', 'link', {}, 'assign'],
    ['e', 'button', {}, 'edit'],
    ['j', 'radio', {}, 'next'],
    ['c', 'not-editable', {}, 'new'],
    // Typing.
    ['j', 'text', {}, null],
    ['/', 'search', {}, null],
    ['a', 'email', {}, null],
    ['c', 'untyped', {}, null],
    ['e', 'textarea', {}, null],
    ['k', 'select', {}, null],
    ['?', 'editable', {}, null],
    // Modifiers belong to the browser and the system.
    ['j', 'body', { ctrlKey: true }, null],
    ['c', 'body', { metaKey: true }, null],
    ['a', 'body', { altKey: true }, null],
    // Keys that are no shortcut, or not in this case.
    ['J', 'body', {}, null],
    ['x', 'body', {}, null],
    ['Escape', 'body', {}, null],
    // An input method composing, or a handler that took the key.
    ['j', 'body', { isComposing: true }, null],
    ['j', 'body', { defaultPrevented: true }, null],
    // Held down: only moving through the list repeats.
    ['j', 'body', { repeat: true }, 'next'],
    ['k', 'body', { repeat: true }, 'previous'],
    ['a', 'body', { repeat: true }, null],
    ['?', 'body', { repeat: true }, null],
    // Dialogs and open menus have keys of their own.
    ['j', 'in-dialog', {}, null],
    ['?', 'in-dialog', {}, null],
    ['a', 'menuitem', {}, null],
    // Enter on a link or button is theirs.
    ['Enter', 'link', {}, null],
    ['Enter', 'button', {}, null],
    ['Enter', 'checkbox', {}, null],
  ] as const)('%s on #%s %o → %s', (key, target, extra, expected) => {
    expect(shortcutFor(press(key, target, extra))).toBe(expected);
  });

  it('gives each shortcut its own key', () => {
    expect(new Set(SHORTCUTS.map((s) => s.key)).size).toBe(SHORTCUTS.length);
  });
});
