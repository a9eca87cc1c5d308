// Where an endpoint stands, in one word for its badge and a sentence for why: a pure
// function of its fields, so the list, its page and the navigation agree and it is
// tested directly. "Disabled" is an endpoint the server turned off after failing
// continuously (WEBHOOK_DISABLE_AFTER_HOURS): the one an administrator must act on.
import { formatDateTime } from '../../common/format.js';

export interface EndpointHealthFields {
  active: boolean;
  disabledAt: string | null;
  failingSince: string | null;
}

export type EndpointStateKind = 'active' | 'failing' | 'off' | 'disabled';

export interface EndpointState {
  kind: EndpointStateKind;
  label: string;
  /** Why, when there is more to say than the label. */
  reason: string | null;
  /** The badge colour (app.css). */
  badge: 'active' | 'pending' | 'inactive';
}

export function endpointState(endpoint: EndpointHealthFields, format: (iso: string) => string = formatDateTime): EndpointState {
  if (!endpoint.active && endpoint.disabledAt) {
    const since = endpoint.failingSince ? ` since ${format(endpoint.failingSince)}` : '';
    return {
      kind: 'disabled',
      label: 'Disabled',
      reason: `Turned off by the server on ${format(endpoint.disabledAt)}: every delivery failed${since}. Its deliveries wait; turn it back on once it answers again.`,
      badge: 'inactive',
    };
  }
  if (!endpoint.active) {
    return {
      kind: 'off',
      label: 'Off',
      reason: 'Turned off by an administrator: its deliveries wait until it is turned back on.',
      badge: 'pending',
    };
  }
  if (endpoint.failingSince) {
    return {
      kind: 'failing',
      label: 'Failing',
      reason: `Every attempt has failed since ${format(endpoint.failingSince)}; retries continue.`,
      badge: 'pending',
    };
  }
  return { kind: 'active', label: 'Active', reason: null, badge: 'active' };
}

/** Endpoints the server turned off, which the navigation points out to administrators. */
export function disabledCount(endpoints: readonly EndpointHealthFields[]): number {
  return endpoints.filter((endpoint) => endpointState(endpoint).kind === 'disabled').length;
}
