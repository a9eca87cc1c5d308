// The signed-in user's own account at /account: who they are, their name and their
// password.
import { useQuery } from '@apollo/client/react';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { graphql } from '../../gql/index.js';
import { ROLE_LABEL } from './auth-enums.js';
import { DisplayNameForm } from './DisplayNameForm.js';
import { PasswordForm } from './PasswordForm.js';

const AccountPageQuery = graphql(`
  query AccountPage {
    me {
      id
      email
      role
      ...DisplayNameForm_user
    }
  }
`);

export function AccountPage() {
  useDocumentTitle('Your account');
  const { data, error, loading, refetch } = useQuery(AccountPageQuery);
  const me = data?.me;

  return (
    <div className="page page--narrow">
      <header className="page__header">
        <h1>Your account</h1>
      </header>
      {error && !data ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
      {!data && loading ? <Loading label="Loading your account…" /> : null}
      {me ? (
        <div className="stack">
          <dl className="facts">
            <div>
              <dt>Email</dt>
              <dd>{me.email}</dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>{ROLE_LABEL[me.role]}</dd>
            </div>
          </dl>
          <DisplayNameForm user={me} />
          <PasswordForm />
        </div>
      ) : null}
    </div>
  );
}
