// The developers' tools (the GraphQL playground and the REST API docs), kept out of
// the agents' navigation in a disclosure menu: open with a click or Enter, closed by
// Escape (focus back on the button), a click elsewhere or leaving it with Tab.
import { useDisclosure } from '../common/use-disclosure.js';

const TOOLS = [
  { href: '/graphiql', label: 'GraphQL playground' },
  { href: '/api/docs/', label: 'REST API docs' },
] as const;

export function DevelopersMenu() {
  const { open, rootProps, buttonProps, panelId } = useDisclosure();
  return (
    <div className="dev-menu" {...rootProps}>
      <button {...buttonProps} className="button button--link">
        Developers
      </button>
      <ul id={panelId} className="dev-menu__list" hidden={!open}>
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
