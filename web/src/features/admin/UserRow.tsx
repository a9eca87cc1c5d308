// One user in the administrators' list: name, email, role (changeable in place, with a
// menu: arrow keys over it never change anyone's role), and
// whether they can sign in (active, invitation pending, deactivated), with the button
// to deactivate or reactivate them. A refused change is undone and said so in the row.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useState } from 'react';
import { ChoiceMenu } from '../../common/form/ChoiceMenu.js';
import { formatDateTime } from '../../common/format.js';
import { refusalText, reworded } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { UpdateUserInput } from '../../gql/graphql.js';
import { ROLES, ROLE_LABEL } from '../auth/auth-enums.js';
import { useUpdateUser } from './use-update-user.js';

export const UserRowFragment = graphql(`
  fragment UserRow_user on User {
    id
    displayName
    email
    role
    active
    invitationPending
    createdAt
  }
`);

const LAST_ADMIN = 'there must be at least one active administrator. Make someone else an administrator first.';

export function UserRow({ user, isSelf }: { user: FragmentType<typeof UserRowFragment>; isSelf: boolean }) {
  const { data, complete } = useFragment({ fragment: UserRowFragment, from: user });
  const [updateUser] = useUpdateUser();
  const [problem, setProblem] = useState<string | null>(null);
  if (!complete) return null;
  const userId = data.id;

  async function change(what: string, input: UpdateUserInput) {
    setProblem(null);
    const outcome = await updateUser(userId, input);
    if (!outcome.ok) setProblem(refusalText(what, reworded(outcome.errors, { LAST_ADMIN })));
  }

  const status = !data.active ? 'Deactivated' : data.invitationPending ? 'Invitation pending' : 'Active';
  return (
    <tr data-user-id={data.id}>
      <th scope="row">
        {data.displayName}
        {isSelf ? <span className="hint"> (you)</span> : null}
        {problem ? (
          <p className="row-problem" role="alert">
            {problem}
          </p>
        ) : null}
      </th>
      <td>{data.email}</td>
      <td>
        <ChoiceMenu
          label={`Role of ${data.displayName}`}
          values={ROLES}
          labels={ROLE_LABEL}
          value={data.role}
          onChoose={(role) => void change('Role', { role })}
        />
      </td>
      <td>
        <span className={`badge badge--${data.active ? (data.invitationPending ? 'pending' : 'active') : 'inactive'}`}>{status}</span>
      </td>
      <td>
        <time dateTime={data.createdAt}>{formatDateTime(data.createdAt)}</time>
      </td>
      <td>
        <button
          type="button"
          className="button"
          aria-label={`${data.active ? 'Deactivate' : 'Reactivate'} ${data.displayName}`}
          onClick={() => void change('Status', { active: !data.active })}
        >
          {data.active ? 'Deactivate' : 'Reactivate'}
        </button>
      </td>
    </tr>
  );
}
