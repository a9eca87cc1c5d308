// The administrators' navigation entry for webhooks, with a badge while endpoints are
// turned off after failing: part of the link's name, so screen readers hear it too.
import { NavLink } from 'react-router';
import { useDisabledWebhooks } from './use-disabled-webhooks.js';
import './webhooks.css';

export function WebhooksNavLink() {
  const disabled = useDisabledWebhooks();
  return (
    <NavLink to="/admin/webhooks">
      Webhooks
      {disabled > 0 ? ' ' : null}
      {disabled > 0 ? (
        <span className="badge badge--inactive nav__badge" data-testid="webhooks-nav-badge">
          {disabled} disabled
        </span>
      ) : null}
    </NavLink>
  );
}
