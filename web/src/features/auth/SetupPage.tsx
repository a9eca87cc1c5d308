// The first administrator's screen, at /setup?token=… (the one-time link the server
// writes to its log while no administrator exists); then the tickets, signed in.
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { useSession } from './session.js';
import { SetupForm } from './SetupForm.js';

export function SetupPage() {
  useDocumentTitle('First administrator');
  const { setupRequired } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';

  return (
    <div className="page page--narrow page--auth">
      <header className="page__header">
        <h1>Create the first administrator</h1>
      </header>
      {!setupRequired ? (
        <div className="callout callout--success" role="status">
          <strong>Setup is done: an administrator exists.</strong>
          <p>
            <Link to="/signin">Sign in</Link>. If you have no account yet, ask an administrator to invite you.
          </p>
        </div>
      ) : token === '' ? (
        <div className="callout callout--error" role="alert">
          <strong>This address is missing its setup link.</strong>
          <p>Open the full setup link from the server’s log; it ends with “?token=” and a code.</p>
        </div>
      ) : (
        <>
          <p>This account can do everything: invite agents, make administrators and create API tokens.</p>
          <SetupForm token={token} onDone={() => void navigate('/tickets', { replace: true })} />
        </>
      )}
    </div>
  );
}
