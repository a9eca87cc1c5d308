// The grouping of a commit's events into activities, and the reading of the
// trigger's notifications: pure rules, as tables.
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { TICKET_ACTIVITY_EVENTS_MAX } from '../../src/live/ticket-activity.enums.js';
import { parseCommitNotice } from '../../src/live/ticket-activity.feed.js';
import { groupActivities } from '../../src/live/ticket-activity.service.js';
import type { TicketEventRow } from '../../src/tickets/ticket-event.repository.js';
import type { RecordedEventField, TicketEventKind } from '../../src/tickets/ticket.enums.js';

let nextId = 0;
function event(kind: `${TicketEventKind}`, field: `${RecordedEventField}` | null = null): TicketEventRow {
  nextId += 1;
  return {
    id: nextId,
    ticketId: 1,
    kind: kind as TicketEventKind,
    actorUserId: null,
    actorTokenId: null,
    at: new Date(0),
    field: field as RecordedEventField | null,
    fromValue: null,
    toValue: null,
    suggestedCategory: null,
    suggestedPriority: null,
    classificationSource: null,
    suggestionAccepted: null,
    assigneeUserId: null,
    previousAssigneeUserId: null,
    noteId: null,
    note: null,
  } as TicketEventRow;
}

type Shape = [kind: string, changedFields: string[], events: number][];

describe('groupActivities', () => {
  it.each<[string, TicketEventRow[], Shape]>([
    ['a creation', [event('created')], [['created', [], 1]]],
    ['a creation with its assignee, as one', [event('created'), event('assigned')], [['created', [], 2]]],
    ['one field', [event('field_changed', 'status')], [['changed', ['status'], 1]]],
    [
      'fields in TicketEventField order, whatever the events’ order',
      [event('field_changed', 'status'), event('field_changed', 'title')],
      [['changed', ['title', 'status'], 2]],
    ],
    ['an assignment as ASSIGNEE', [event('field_changed', 'priority'), event('assigned')], [['changed', ['priority', 'assignee'], 2]]],
    ['an unassignment as ASSIGNEE', [event('unassigned')], [['changed', ['assignee'], 1]]],
    ['a note', [event('note_added')], [['note_added', [], 1]]],
    [
      'a note between changes, each its own',
      [event('field_changed', 'title'), event('note_added'), event('field_changed', 'status')],
      [
        ['changed', ['title'], 1],
        ['note_added', [], 1],
        ['changed', ['status'], 1],
      ],
    ],
    ['nothing', [], []],
  ])('%s', (_name, events, expected) => {
    const shape = groupActivities(1, events).map((a) => [a.kind, a.changedFields, a.events.length]);
    expect(shape).toEqual(expected);
  });

  it('cuts a change into pieces of at most TICKET_ACTIVITY_EVENTS_MAX events', () => {
    const events = Array.from({ length: TICKET_ACTIVITY_EVENTS_MAX + 1 }, () => event('field_changed', 'title'));
    const sizes = groupActivities(1, events).map((a) => a.events.length);
    expect(sizes).toEqual([TICKET_ACTIVITY_EVENTS_MAX, 1]);
  });
});

describe('parseCommitNotice', () => {
  it('reads the trigger’s payload', () => {
    expect(parseCommitNotice('{"ticket_id": 7, "first_event_id": 10, "last_event_id": 12}')).toEqual({
      ticketId: 7,
      firstEventId: 10,
      lastEventId: 12,
    });
  });

  it.each([
    '',
    'not json',
    'null',
    '[]',
    '{"ticket_id": 7}',
    '{"ticket_id": "7", "first_event_id": 1, "last_event_id": 1}',
    '{"ticket_id": 0, "first_event_id": 1, "last_event_id": 1}',
  ])('ignores %j', (payload) => {
    expect(parseCommitNotice(payload)).toBeNull();
  });
});
