// The developers' tools (the GraphQL playground and the REST API docs), kept out of
// the agents' navigation in a disclosure menu: open with a click or Enter, closed by
// Escape (focus back on the button), a click elsewhere or leaving it with Tab.
import { useEffect, useId, useRef, useState } from 'react';

const TOOLS = [
  { href: '/graphiql', label: 'GraphQL playground' },
  { href: '/api/docs/', label: 'REST API docs' },
] as const;

export function DevelopersMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      className="dev-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button--link"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        Developers
      </button>
      <ul id={listId} className="dev-menu__list" hidden={!open}>
        {TOOLS.map((tool) => (
          <li key={tool.href}>
            {/* Server pages, not app routes: a full page load. */}
            <a href={tool.href}>{tool.label}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
