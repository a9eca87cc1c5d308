// Who is signed in, in the top bar: name and role, their account, and signing out.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useState } from 'react';
import { NavLink } from 'react-router';
import { graphql } from '../../gql/index.js';
import { ROLE_LABEL } from './auth-enums.js';
import { useSignOut } from './use-sign-out.js';

export const UserMenuFragment = graphql(`
  fragment UserMenu_user on User {
    id
    displayName
    role
  }
`);

export function UserMenu({ user }: { user: FragmentType<typeof UserMenuFragment> }) {
  const { data, complete } = useFragment({ fragment: UserMenuFragment, from: user });
  const [signOut, { loading }] = useSignOut();
  const [problem, setProblem] = useState<string | null>(null);
  if (!complete) return null;

  async function onSignOut() {
    setProblem(null);
    const outcome = await signOut();
    if (!outcome.ok) setProblem(`Not signed out: ${outcome.errors.map((e) => e.message).join(' ')}`);
  }

  return (
    <div className="user-menu">
      <p className="user-menu__who">
        <span className="visually-hidden">Signed in as </span>
        <span className="user-menu__name">{data.displayName}</span> <span className="badge">{ROLE_LABEL[data.role]}</span>
      </p>
      <NavLink to="/account">Account</NavLink>
      <button type="button" className="button button--link" onClick={() => void onSignOut()} disabled={loading}>
        {loading ? 'Signing out…' : 'Sign out'}
      </button>
      {problem ? (
        <p className="user-menu__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
