// Choosing one of a few values that takes effect at once (a ticket's status from the
// list), made a deliberate act: a menu button (WAI-ARIA's menu button pattern) instead
// of a select, whose arrow keys change the value while it is merely focused. The
// button opens the menu (click, Enter, Space, ↓ or ↑, on the current choice); ↑ ↓
// Home End and the first letter move between choices; Enter, Space or a click commits
// one; Escape closes without a change (focus back on the button), as do Tab and a
// click elsewhere. The menu is placed against the window (fixed), under the button or
// above it when there is no room below, and inside the window's width: a scrolling
// table or a row near the screen's edge cannot clip it.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

interface Props<T extends string> {
  /** What the choice is about, naming the button and the menu: `Status of “Printer on fire”`. */
  label: string;
  /** Every value, in menu order. */
  values: readonly T[];
  labels: Record<T, string>;
  value: T;
  /** A value other than the current one was committed. */
  onChoose(value: T): void;
  /** Of the button. */
  className?: string;
  disabled?: boolean;
}

/** Pixels kept between the menu and the window's edges, and between the menu and its button. */
const EDGE = 8;
const GAP = 4;

export function ChoiceMenu<T extends string>({ label, values, labels, value, onChoose, className = '', disabled = false }: Props<T>) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const current = Math.max(0, values.indexOf(value));

  function openMenu() {
    setActive(current);
    setOpen(true);
  }
  function close(focusButton: boolean) {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }
  function commit(index: number) {
    const chosen = values[index];
    close(true);
    if (chosen !== undefined && chosen !== value) onChoose(chosen);
  }

  // Focus follows the active choice while the menu is open.
  useEffect(() => {
    if (open) (menu.current?.children[active] as HTMLElement | undefined)?.focus();
  }, [open, active]);

  // Placed before it is painted, and again whenever the page scrolls or resizes under it.
  useLayoutEffect(() => {
    const list = menu.current;
    const anchor = button.current;
    if (!open || !list || !anchor) return;
    const place = () => {
      const at = anchor.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      const height = document.documentElement.clientHeight;
      const fitsBelow = at.bottom + GAP + list.offsetHeight <= height - EDGE || at.top - GAP - list.offsetHeight < EDGE;
      list.style.top = `${fitsBelow ? at.bottom + GAP : at.top - GAP - list.offsetHeight}px`;
      list.style.left = `${Math.max(EDGE, Math.min(at.left, width - EDGE - list.offsetWidth))}px`;
    };
    place();
    window.addEventListener('scroll', place, { capture: true, passive: true });
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function onMenuKey(event: KeyboardEvent<HTMLUListElement>) {
    const last = values.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (active === last ? 0 : active + 1),
      ArrowUp: () => (active === 0 ? last : active - 1),
      Home: () => 0,
      End: () => last,
    };
    if (event.key === 'Tab') {
      setOpen(false);
      return;
    }
    if (event.key in moves) setActive(moves[event.key]!());
    else if (event.key === 'Enter' || event.key === ' ') commit(active);
    else if (event.key === 'Escape') close(true);
    else if (/^\p{L}$/u.test(event.key)) {
      const letter = event.key.toLocaleLowerCase();
      const next = values.findIndex((v, i) => i > active && labels[v].toLocaleLowerCase().startsWith(letter));
      const first = values.findIndex((v) => labels[v].toLocaleLowerCase().startsWith(letter));
      if (next !== -1 || first !== -1) setActive(next !== -1 ? next : first);
    } else return;
    // Handled here: not a page shortcut, no scrolling, no click of the button behind.
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="choice-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className={`choice-menu__button ${className}`.trim()}
        aria-label={`${label}: ${labels[value]}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => (open ? close(false) : openMenu())}
        onKeyDown={(event) => {
          // Arrow keys open the menu; they never choose while it is closed.
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            event.stopPropagation();
            openMenu();
          }
        }}
      >
        {labels[value]}
      </button>
      {open ? (
        <ul id={menuId} ref={menu} className="choice-menu__list" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {values.map((v, i) => (
            <li
              key={v}
              role="menuitemradio"
              aria-checked={v === value}
              tabIndex={-1}
              className="choice-menu__item"
              onClick={() => commit(i)}
              onMouseMove={() => {
                if (i !== active) setActive(i);
              }}
            >
              {labels[v]}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
