// Undoing a bulk change: only the fields it changed, each ticket's own values, tickets
// with the same values in one step, based on the versions the change saved; and what
// the note says when some could not be put back.
import { describe, expect, it } from 'vitest';
import { bulkNotUndoneSaid, bulkUndo, bulkUndoneSaid, type BulkTicketValues } from './bulk-undo.js';
import type { BulkChange, BulkSaved } from './use-bulk-update-tickets.js';

const open: BulkTicketValues = { category: 'BILLING', priority: 'LOW', status: 'OPEN', assigneeId: null };
const saved = (id: string, version: number, before: Partial<BulkTicketValues> | null): BulkSaved => ({
  id,
  version,
  before: before && { ...open, ...before },
});

describe('bulkUndo', () => {
  it.each<[string, BulkChange, BulkSaved[], ReturnType<typeof bulkUndo>['steps']]>([
    [
      'one value before: one step',
      { status: 'CLOSED' },
      [saved('1', 3, {}), saved('2', 8, {})],
      [
        {
          ids: ['1', '2'],
          change: { status: 'OPEN' },
          basedOn: [
            { id: '1', version: 3 },
            { id: '2', version: 8 },
          ],
        },
      ],
    ],
    [
      'two values before: a step each, in the order saved',
      { priority: 'CRITICAL' },
      [saved('1', 3, { priority: 'HIGH' }), saved('2', 8, {}), saved('3', 5, { priority: 'HIGH' })],
      [
        {
          ids: ['1', '3'],
          change: { priority: 'HIGH' },
          basedOn: [
            { id: '1', version: 3 },
            { id: '3', version: 5 },
          ],
        },
        { ids: ['2'], change: { priority: 'LOW' }, basedOn: [{ id: '2', version: 8 }] },
      ],
    ],
    [
      'only the fields changed, the others left as they are now',
      { category: 'TECHNICAL', assigneeId: '7' },
      [saved('1', 3, { assigneeId: '4', status: 'RESOLVED' })],
      [{ ids: ['1'], change: { category: 'BILLING', assigneeId: '4' }, basedOn: [{ id: '1', version: 3 }] }],
    ],
    [
      'unassigning is undone by assigning again, and an assignment by unassigning',
      { assigneeId: null },
      [saved('1', 3, { assigneeId: '4' }), saved('2', 4, {})],
      [
        { ids: ['1'], change: { assigneeId: '4' }, basedOn: [{ id: '1', version: 3 }] },
        { ids: ['2'], change: { assigneeId: null }, basedOn: [{ id: '2', version: 4 }] },
      ],
    ],
  ])('%s', (_case, change, tickets, steps) => {
    expect(bulkUndo(change, tickets)).toEqual({ steps, unknown: [] });
  });

  it('names a ticket whose values before are not known, and leaves it out', () => {
    expect(bulkUndo({ status: 'CLOSED' }, [saved('1', 3, null), saved('2', 4, {})])).toEqual({
      steps: [{ ids: ['2'], change: { status: 'OPEN' }, basedOn: [{ id: '2', version: 4 }] }],
      unknown: ['1'],
    });
  });
});

describe('what the note says', () => {
  const titleOf = (id: string) => `Ticket ${id}`;

  it('says every ticket is back', () => {
    expect(bulkUndoneSaid(1)).toBe('1 ticket is back as it was.');
    expect(bulkUndoneSaid(3)).toBe('3 tickets are back as they were.');
  });

  it.each<[string, Parameters<typeof bulkNotUndoneSaid>[0], string]>([
    [
      'a conflict, the other step undone',
      {
        total: 3,
        undone: 1,
        refusals: [{ ticketId: '3', field: 'ids.1', code: 'CONFLICT', message: 'Changed meanwhile.' }],
        unknown: [],
        titleOf,
      },
      'Not undone for 2 of 3 tickets: “Ticket 3” was changed meanwhile by someone else. The other 1 is back as it was.',
    ],
    [
      'the server unreachable',
      {
        total: 2,
        undone: 0,
        refusals: [{ ticketId: null, field: null, code: 'NETWORK', message: 'Cannot reach the server.' }],
        unknown: [],
        titleOf,
      },
      'Not undone for 2 of 2 tickets: Cannot reach the server.',
    ],
    [
      'a refusal of another kind, and a ticket not known',
      {
        total: 4,
        undone: 2,
        refusals: [{ ticketId: '2', field: 'ids.0', code: 'NOT_FOUND', message: 'No such ticket.' }],
        unknown: ['9'],
        titleOf,
      },
      'Not undone for 2 of 4 tickets: “Ticket 2”: No such ticket; what “Ticket 9” was before is not known. The other 2 are back as they were.',
    ],
  ])('%s', (_case, outcome, said) => {
    expect(bulkNotUndoneSaid(outcome)).toBe(said);
  });
});
