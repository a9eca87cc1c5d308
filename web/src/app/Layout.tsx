// The frame of every screen: skip link, navigation, and the routed page.
import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';

export function Layout() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After an in-app navigation, keyboard and screen-reader users continue from the
  // new screen's content rather than from the link they used.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
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
        <nav aria-label="Main">
          <ul className="nav">
            <li>
              <NavLink to="/tickets" end>
                Tickets
              </NavLink>
            </li>
            <li>
              <NavLink to="/tickets/new">New ticket</NavLink>
            </li>
            <li>
              <NavLink to="/dashboard">Dashboard</NavLink>
            </li>
            <li>
              <a href="/graphiql">GraphQL playground</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
    </>
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
