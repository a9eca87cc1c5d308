// The sign-in screen at /signin?next=…: the form, then back where the agent came from
// (next-path.ts says where that may be). Until the first administrator exists it says
// where the setup link is.
import { useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { isServerPage, safeNextPath } from './next-path.js';
import { useSession } from './session.js';
import { SignInForm } from './SignInForm.js';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { setupRequired } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'), window.location.origin);

  function onSignedIn() {
    // The playground and the API docs are the server's pages, not screens of the app.
    if (isServerPage(next)) window.location.assign(next);
    else void navigate(next, { replace: true });
  }

  return (
    <div className="page page--narrow page--auth">
      <header className="page__header">
        <h1>Sign in</h1>
      </header>
      {setupRequired ? (
        <div className="callout callout--info" role="note">
          <strong>No administrator account exists yet.</strong>
          <p>
            When the server starts without one, it writes a one-time setup link to its log. Open that link to create the first
            administrator; the README says where to find the server’s log.
          </p>
        </div>
      ) : null}
      <SignInForm onSignedIn={onSignedIn} />
    </div>
  );
}
