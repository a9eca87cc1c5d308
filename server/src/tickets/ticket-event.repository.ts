// SQL for the tickets' history: append and read, nothing else. Events are never
// updated or deleted (the table is append-only by contract: no function here can).
import { and, asc, eq, getTableColumns, gt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { cachedQuery } from '../db/query-cache.js';
import {
  apiTokens,
  ticketEvents,
  ticketNotes,
  tickets,
  users,
  type NewTicketEventRow,
  type TicketEventRow as StoredEventRow,
} from '../db/schema.js';
import { listedTickets, ofListedTicket } from './ticket-entry.repository.js';
import type { EntryPageRequest } from './ticket-entry-page.js';
import type { TicketNoteRow } from './ticket-note.repository.js';
import type { NamedRow } from '../auth/actor-name.repository.js';

/** An event as read: with its note (note_added), read in the same statement. */
export type TicketEventRow = StoredEventRow & { note: TicketNoteRow | null };
export type NewTicketEvent = Omit<NewTicketEventRow, 'id' | 'at'>;

const ticketEventColumns = getTableColumns(ticketEvents);

/** Appends events in one statement; their ids follow the order given. */
export async function insertTicketEvents(db: Db, events: readonly NewTicketEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(ticketEvents).values([...events]);
}

// Every column an event is written with, but those the database fills (id, at) and
// the ticket's id, which comes from the row the same statement writes.
const WRITTEN_COLUMNS = Object.entries(ticketEventColumns).filter(([key]) => key !== 'id' && key !== 'at' && key !== 'ticketId') as [
  keyof TicketEventDraft,
  (typeof ticketEventColumns)[keyof typeof ticketEventColumns],
][];

/** An event of a ticket being written by the same statement, which gives it the ticket's id. */
export type TicketEventDraft = Omit<NewTicketEvent, 'ticketId'>;

/**
 * The events of a ticket that the same statement inserts or updates, as a statement
 * to run in its WITH clause: `written` names the CTE returning that ticket's row, and
 * no event is written when it returns none (an update refused at another version).
 * Their ids follow the order given.
 */
export function insertEventsOf(written: string, events: readonly TicketEventDraft[]): SQL {
  // Typed casts in a VALUES list: parameters have no type of their own there.
  const rows = events.map(
    (event, i) =>
      sql`(${i}::integer, ${sql.join(
        WRITTEN_COLUMNS.map(([key, column]) => {
          const value = event[key];
          return sql`${value === undefined || value === null ? null : column.mapToDriverValue(value)}::${sql.raw(column.getSQLType())}`;
        }),
        sql`, `,
      )})`,
  );
  const names = sql.raw(WRITTEN_COLUMNS.map(([, column]) => `"${column.name}"`).join(', '));
  return sql`insert into ${ticketEvents} ("ticket_id", ${names})
    select w.id, ${sql.raw(WRITTEN_COLUMNS.map(([, column]) => `e."${column.name}"`).join(', '))}
    from ${sql.raw(`"${written}"`)} as w, (values ${sql.join(rows, sql`, `)}) as e(ord, ${names})
    order by e.ord`;
}

/** An event with everyone it names, each null when the event names nobody there (or the row is gone). */
export interface NamedTicketEventRow extends TicketEventRow {
  actorUser: NamedRow | null;
  actorToken: NamedRow | null;
  assignee: NamedRow | null;
  previousAssignee: NamedRow | null;
  noteAuthorUser: NamedRow | null;
  noteAuthorToken: NamedRow | null;
}

export interface TicketEventPage {
  /** How many events the ticket has. */
  total: number;
  rows: NamedTicketEventRow[];
}

const actorUsers = alias(users, 'actor_user');
const actorTokens = alias(apiTokens, 'actor_token');
const assignees = alias(users, 'assignee');
const previousAssignees = alias(users, 'previous_assignee');
const noteUsers = alias(users, 'note_user');
const noteTokens = alias(apiTokens, 'note_token');

/**
 * A page of a ticket's history, oldest first, from an offset (REST's numbered pages),
 * with its notes, the people and tokens it names, and the ticket's event count, in
 * one statement: the ticket's row, its count, and a lateral range scan of
 * (ticket_id, id) joined to the names by primary key. Built once per handle and a
 * prepared statement (see cachedQuery). Null when the ticket does not exist.
 */
export async function readTicketEventPage(
  db: Db,
  ticketId: number,
  page: { offset: number; limit: number },
): Promise<TicketEventPage | null> {
  const query = cachedQuery(db, 'ticket-events:numbered-page', () => {
    const events = db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, tickets.id))
      .orderBy(asc(ticketEvents.id))
      .offset(sql.placeholder('offset'))
      .limit(sql.placeholder('limit'))
      .as('e');
    return db
      .select({
        total: sql<number>`(select count(*) from ${ticketEvents} where ${ticketEvents.ticketId} = ${tickets.id})::integer`.mapWith(Number),
        event: events._.selectedFields,
        note: ticketNotes,
        actorUser: { id: actorUsers.id, name: actorUsers.displayName },
        actorToken: { id: actorTokens.id, name: actorTokens.name },
        assignee: { id: assignees.id, name: assignees.displayName },
        previousAssignee: { id: previousAssignees.id, name: previousAssignees.displayName },
        noteAuthorUser: { id: noteUsers.id, name: noteUsers.displayName },
        noteAuthorToken: { id: noteTokens.id, name: noteTokens.name },
      })
      .from(tickets)
      .leftJoinLateral(events, sql`true`)
      .leftJoin(ticketNotes, eq(ticketNotes.id, events.noteId))
      .leftJoin(actorUsers, eq(actorUsers.id, events.actorUserId))
      .leftJoin(actorTokens, eq(actorTokens.id, events.actorTokenId))
      .leftJoin(assignees, eq(assignees.id, events.assigneeUserId))
      .leftJoin(previousAssignees, eq(previousAssignees.id, events.previousAssigneeUserId))
      .leftJoin(noteUsers, eq(noteUsers.id, ticketNotes.authorUserId))
      .leftJoin(noteTokens, eq(noteTokens.id, ticketNotes.authorTokenId))
      .where(eq(tickets.id, sql.placeholder('ticketId')))
      .orderBy(asc(events.id))
      .prepare('ticket_events_numbered_page');
  });
  const found = await query.execute({ ticketId, offset: page.offset, limit: page.limit });
  if (found.length === 0) return null;
  return {
    total: found[0]!.total,
    // A ticket without events on this page is one row without an event.
    rows: found.flatMap(({ total: _total, event, ...names }) => (event === null ? [] : [{ ...event, ...names }])),
  };
}

/** The same page of each ticket's history, in one statement (see ticket-entry.repository.ts). */
export function listTicketEventsOfTickets(db: Db, ticketIds: readonly number[], page: EntryPageRequest): Promise<TicketEventRow[]> {
  const after = page.afterId !== undefined;
  const query = cachedQuery(db, `ticket-events:of-tickets:${after ? 'after' : 'first'}`, () => {
    const perTicket = db
      .select()
      .from(ticketEvents)
      .where(and(ofListedTicket(ticketEvents.ticketId), after ? gt(ticketEvents.id, sql.placeholder('afterId')) : undefined))
      .orderBy(asc(ticketEvents.id))
      .limit(sql.placeholder('limit'))
      .as('e');
    return db
      .select({ ...perTicket._.selectedFields, note: ticketNotes })
      .from(listedTickets(sql.placeholder('ticketIds')))
      .crossJoinLateral(perTicket)
      .leftJoin(ticketNotes, eq(ticketNotes.id, perTicket.noteId))
      .orderBy(asc(perTicket.id))
      .prepare('ticket_events_of_tickets');
  });
  return query.execute({ ticketIds: [...ticketIds], afterId: page.afterId, limit: page.limit });
}
