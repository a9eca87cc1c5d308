// The invited person's screen, at /invitation?token=… (the link an administrator sent
// them): choose a password, then the tickets, signed in.
import { useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { InvitationForm } from './InvitationForm.js';

export function InvitationPage() {
  useDocumentTitle('Accept the invitation');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';

  return (
    <div className="page page--narrow page--auth">
      <header className="page__header">
        <h1>Welcome to Support Tickets</h1>
      </header>
      {token === '' ? (
        <div className="callout callout--error" role="alert">
          <strong>This address is missing its invitation code.</strong>
          <p>
            Open the full link from your invitation; it ends with “?token=” and a code. If it does not work, ask an administrator for a new
            one.
          </p>
        </div>
      ) : (
        <>
          <p>You were invited to the support team. Choose a password to sign in with.</p>
          <InvitationForm token={token} onDone={() => void navigate('/tickets', { replace: true })} />
        </>
      )}
    </div>
  );
}
