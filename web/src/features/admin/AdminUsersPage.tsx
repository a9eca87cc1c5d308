// The administrators' list of users at /admin/users: who can sign in and with which
// role, adding people (by invitation or with a password), changing roles and
// deactivating. Administrators only (RequireAdmin.tsx; the server checks too).
import { useQuery } from '@apollo/client/react';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../auth/session.js';
import { NewUserForm } from './NewUserForm.js';
import { UserRow } from './UserRow.js';

const AdminUsersPageQuery = graphql(`
  query AdminUsersPage {
    users {
      id
      ...UserRow_user
    }
  }
`);

export function AdminUsersPage() {
  useDocumentTitle('Users');
  const { user: me } = useSession();
  const { data, error, loading, refetch } = useQuery(AdminUsersPageQuery, { fetchPolicy: 'cache-and-network' });

  return (
    <div className="page">
      <header className="page__header">
        <h1>Users</h1>
      </header>
      <NewUserForm />
      <section aria-labelledby="users-heading" className="admin-list">
        <h2 id="users-heading">Everyone who can sign in</h2>
        {error && !data ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
        {!data && loading ? <Loading label="Loading users…" /> : null}
        {data ? (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.users.map((user) => (
                  <UserRow key={user.id} user={user} isSelf={user.id === me?.id} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
