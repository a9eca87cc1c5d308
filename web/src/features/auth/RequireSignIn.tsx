// The screens behind sign-in: shown to a signed-in user; anyone else, including an
// agent whose session just ended, goes to sign in and comes back here after.
import { Navigate, Outlet, useLocation } from 'react-router';
import { signInPath } from './next-path.js';
import { useSession } from './session.js';

export function RequireSignIn() {
  const { user } = useSession();
  const location = useLocation();
  return user ? <Outlet /> : <Navigate to={signInPath(location)} replace />;
}
