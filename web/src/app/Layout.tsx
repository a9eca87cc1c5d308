// The frame of every screen: skip link, the top bar (navigation and who is signed in,
// once someone is), the routed page, the note offering to undo a change made in place,
// and the keyboard shortcuts.
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../features/auth/session.js';
import { UserMenu } from '../features/auth/UserMenu.js';
import { UndoToastProvider } from '../common/undo-toast.js';
import { KeyboardShortcuts } from '../features/shortcuts/KeyboardShortcuts.js';
import { LiveConnectionIndicator } from '../features/live/LiveConnectionIndicator.js';
import { WebhooksNavLink } from '../features/webhooks/WebhooksNavLink.js';
import { SavedViewsMenu } from '../features/views/SavedViewsMenu.js';
import { DevelopersMenu } from './DevelopersMenu.js';

export function Layout() {
  const { pathname } = useLocation();
  const { user } = useSession();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After an in-app navigation, keyboard and screen-reader users continue from the
  // new screen's content rather than from the link they used, unless the screen put
  // focus where its work starts (a new ticket's title).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!main.current?.contains(document.activeElement)) main.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/tickets" className="brand" end>
          Support Tickets
        </NavLink>
        {user ? (
          <>
            <nav aria-label="Main">
              <ul className="nav">
                <li>
                  <TicketsViewLink assignee={null}>Tickets</TicketsViewLink>
                </li>
                <li>
                  <TicketsViewLink assignee="me">My tickets</TicketsViewLink>
                </li>
                <li>
                  <TicketsViewLink assignee="none">Unassigned</TicketsViewLink>
                </li>
                <li>
                  <SavedViewsMenu />
                </li>
                <li>
                  <NavLink to="/tickets/new">New ticket</NavLink>
                </li>
                <li>
                  <NavLink to="/dashboard">Dashboard</NavLink>
                </li>
                {/* The server refuses the same to agents (FORBIDDEN); the links only spare them the detour. */}
                {user.role === 'ADMIN' ? (
                  <>
                    <li>
                      <NavLink to="/admin/users">Users</NavLink>
                    </li>
                    <li>
                      <NavLink to="/admin/tokens">API tokens</NavLink>
                    </li>
                    <li>
                      <WebhooksNavLink />
                    </li>
                  </>
                ) : null}
              </ul>
            </nav>
            <DevelopersMenu />
            <UserMenu user={user} />
          </>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <UndoToastProvider>
          <Outlet />
        </UndoToastProvider>
        {user ? <KeyboardShortcuts /> : null}
      </main>
      <LiveConnectionIndicator />
    </>
  );
}

/**
 * A view of the tickets list by whose tickets it shows (`?assignee=`, tickets-url.ts):
 * current while the list shows that view, whatever its other filters.
 */
function TicketsViewLink({ assignee, children }: { assignee: 'me' | 'none' | null; children: string }) {
  const { pathname, search } = useLocation();
  const chosen = new URLSearchParams(search).getAll('assignee');
  const current = pathname === '/tickets' && (assignee ? chosen.length === 1 && chosen[0] === assignee : chosen.length === 0);
  return (
    <Link
      to={assignee ? `/tickets?assignee=${assignee}` : '/tickets'}
      className={current ? 'active' : undefined}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </Link>
  );
}

export function NotFoundPage() {
  return (
    <div className="page page--narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <NavLink to="/tickets">See all tickets</NavLink>.
      </p>
    </div>
  );
}
