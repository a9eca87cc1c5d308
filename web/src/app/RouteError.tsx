// Shown instead of a blank page when rendering a screen throws: a bug, said plainly.
import { Link, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <main className="page page--narrow">
      <div className="callout callout--error" role="alert">
        <strong>This screen failed to show.</strong>
        <p>It is a bug in the app, not something you did. Reload the page or go back to the tickets.</p>
        <p>
          <Link to="/tickets">All tickets</Link>
        </p>
      </div>
    </main>
  );
}
