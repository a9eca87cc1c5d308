// Which events of the history a colleague's writes made after the agent's version, and
// the agent's change in words.
import { describe, expect, it } from 'vitest';
import { describeChanges, eventsSince } from './ticket-conflict.js';

const created = { id: '1', kind: 'CREATED', at: '2026-01-02T10:00:00.000Z' } as const;
// Version 2: one write changing two fields (same transaction time).
const v2a = { id: '2', kind: 'FIELD_CHANGED', at: '2026-01-02T10:05:00.000Z' } as const;
const v2b = { id: '3', kind: 'FIELD_CHANGED', at: '2026-01-02T10:05:00.000Z' } as const;
// Versions 3 and 4: one field each.
const v3 = { id: '4', kind: 'FIELD_CHANGED', at: '2026-01-02T10:06:00.000Z' } as const;
const v4 = { id: '5', kind: 'FIELD_CHANGED', at: '2026-01-02T10:07:00.000Z' } as const;
const history = [created, v2a, v2b, v3, v4];

describe('eventsSince', () => {
  it.each([
    ['nothing when the agent saw the current version', 4, 4, []],
    ['the last write', 3, 4, ['5']],
    ['every event of a write with several fields', 1, 2, ['2', '3']],
    ['several writes, oldest first', 1, 4, ['2', '3', '4', '5']],
    ['the whole history from before the creation', 0, 4, ['1', '2', '3', '4', '5']],
  ])('%s', (_title, base, current, ids) => {
    const events = eventsSince(history.slice(0, current === 2 ? 3 : history.length), base, current);
    expect(events.map((e) => e.id)).toEqual(ids);
  });

  it('counts back from the current version, so a history missing its start still gives the latest writes', () => {
    expect(eventsSince([v3, v4], 3, 4).map((e) => e.id)).toEqual(['5']);
  });
});

describe('describeChanges', () => {
  it('names each changed field with the label agents know, in the form order', () => {
    expect(describeChanges({ status: 'IN_PROGRESS', priority: 'HIGH', title: 'New title' })).toEqual([
      'Title → New title',
      'Priority → High',
      'Status → In progress',
    ]);
  });
});
