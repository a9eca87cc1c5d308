// The administration screens: shown to administrators; an agent who opens one (by its
// address: the navigation offers none) is told it is not theirs. The server refuses
// their operations too (FORBIDDEN); this only spares the agent a screen of errors.
import { Link, Outlet } from 'react-router';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { useSession } from '../auth/session.js';

export function RequireAdmin() {
  const { user } = useSession();
  return user?.role === 'ADMIN' ? <Outlet /> : <NoPermission />;
}

function NoPermission() {
  useDocumentTitle('No permission');
  return (
    <div className="page page--narrow">
      <h1>You do not have permission</h1>
      <p>This screen is for administrators. If you need it, ask an administrator to change your role.</p>
      <p>
        <Link to="/tickets">Back to the tickets</Link>
      </p>
    </div>
  );
}
