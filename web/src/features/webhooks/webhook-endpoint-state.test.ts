// Where an endpoint stands, from its fields: the one the server turned off after
// failing is "disabled" (and counted for the navigation), unlike one an administrator
// turned off.
import { describe, expect, it } from 'vitest';
import { disabledCount, endpointState, type EndpointHealthFields } from './webhook-endpoint-state.js';

const at = (day: number) => `2026-01-0${day}T10:00:00.000Z`;
const format = (iso: string) => iso.slice(0, 10);

describe('endpointState', () => {
  it.each<[string, EndpointHealthFields, string, RegExp | null]>([
    ['answering', { active: true, disabledAt: null, failingSince: null }, 'active', null],
    ['failing, still on', { active: true, disabledAt: null, failingSince: at(2) }, 'failing', /since 2026-01-02; retries continue/],
    ['turned off by an admin', { active: false, disabledAt: null, failingSince: null }, 'off', /by an administrator/],
    ['turned off by an admin while failing', { active: false, disabledAt: null, failingSince: at(2) }, 'off', /by an administrator/],
    [
      'turned off by the server',
      { active: false, disabledAt: at(5), failingSince: at(2) },
      'disabled',
      /by the server on 2026-01-05: every delivery failed since 2026-01-02/,
    ],
  ])('%s', (_case, fields, kind, reason) => {
    const state = endpointState(fields, format);
    expect(state.kind).toBe(kind);
    if (reason) expect(state.reason).toMatch(reason);
    else expect(state.reason).toBeNull();
  });
});

describe('disabledCount', () => {
  it('counts only the endpoints the server turned off', () => {
    expect(
      disabledCount([
        { active: false, disabledAt: at(5), failingSince: at(2) },
        { active: false, disabledAt: null, failingSince: null },
        { active: true, disabledAt: null, failingSince: at(2) },
        { active: false, disabledAt: at(6), failingSince: null },
      ]),
    ).toBe(2);
  });
});
