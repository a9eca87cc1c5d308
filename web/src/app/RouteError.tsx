// Shown instead of a screen that could not be shown, inside the frame (the navigation
// stays): the server being unreachable when a screen's code is first loaded reads as
// that, with Retry; anything else is a bug, said plainly.
import { Link, useRouteError } from 'react-router';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { isCodeLoadFailure } from '../common/errors.js';

export function RouteError() {
  const error = useRouteError();
  if (isCodeLoadFailure(error)) {
    // A failed module fetch stays failed for the page's lifetime (browsers and the
    // router both remember it): loading the page again is the retry that works.
    return (
      <div className="page page--narrow">
        <ErrorMessage error={error} onRetry={() => window.location.reload()} />
      </div>
    );
  }
  console.error(error);
  return (
    <div className="page page--narrow">
      <div className="callout callout--error" role="alert">
        <strong>This screen failed to show.</strong>
        <p>It is a bug in the app, not something you did. Reload the page or go back to the tickets.</p>
        <p>
          <Link to="/tickets">All tickets</Link>
        </p>
      </div>
    </div>
  );
}
