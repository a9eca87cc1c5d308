// Every table of the product, in one place: drizzle-kit generates `drizzle/` from this file.
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  API_TOKEN_SCOPES,
  ONE_TIME_TOKEN_PURPOSES,
  USER_ROLES,
  type ApiTokenScope,
  type OneTimeTokenPurpose,
  type UserRole,
} from '../auth/auth.enums.js';
import {
  ACTIVE_STATUSES,
  CLASSIFICATION_SOURCES,
  RESOLVED_STATUSES,
  TICKET_CATEGORIES,
  TICKET_DEFAULTS,
  TICKET_DESCRIPTION_MAX,
  RECORDED_EVENT_FIELDS,
  TICKET_EVENT_KINDS,
  TICKET_NOTE_MAX,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TITLE_MAX,
  type ClassificationSource,
  type TicketCategory,
  type RecordedEventField,
  type TicketEventKind,
  type TicketPriority,
  type TicketStatus,
} from '../tickets/ticket.enums.js';
import { LEARNED_FIELDS, type LearnedField } from '../classifier/learning.model.js';
import { SAVED_VIEW_NAME_MAX, type SavedViewQuery } from '../views/saved-view.validation.js';
import {
  WEBHOOK_ATTEMPT_ERRORS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_RETRY_WINDOW_HOURS,
  WEBHOOK_URL_MAX,
  WebhookDeliveryStatus,
  type WebhookAttemptError,
  type WebhookEventType,
} from '../webhooks/webhook.enums.js';

function inList(values: readonly string[]): SQL {
  return sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);
}

/**
 * Whether a ticket is active (ACTIVE_STATUSES), as the active tickets' word index is
 * defined: a query must say exactly this, with constants, for the planner to use it.
 */
export function activeTicket(status: AnyPgColumn): SQL {
  return sql`${status} in ${inList(ACTIVE_STATUSES)}`;
}

function textArray(values: readonly string[]): SQL {
  return sql.raw(`array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`);
}

// Timestamps have millisecond precision so that a JavaScript Date (and so a
// pagination cursor) holds the exact stored value; keyset pagination needs that.
const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const tickets = pgTable(
  'tickets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: varchar('title', { length: TICKET_TITLE_MAX }).notNull(),
    description: text('description').notNull(),
    category: text('category').$type<TicketCategory>().notNull().default(TICKET_DEFAULTS.category),
    priority: text('priority').$type<TicketPriority>().notNull().default(TICKET_DEFAULTS.priority),
    status: text('status').$type<TicketStatus>().notNull().default(TICKET_DEFAULTS.status),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    resolvedAt: ts('resolved_at'),
    // What the classifier suggested when the ticket was created, so that
    // acceptance of AI suggestions can be measured. All null when none was shown.
    suggestedCategory: text('suggested_category').$type<TicketCategory>(),
    suggestedPriority: text('suggested_priority').$type<TicketPriority>(),
    classificationSource: text('classification_source').$type<ClassificationSource>(),
    // Whether the ticket was saved with both the suggested category and priority: set
    // once, by the create, so that a later edit (an escalation) is history, not an
    // override. Null when no suggestion was shown. The counters and statistics read it.
    suggestionAccepted: boolean('suggestion_accepted'),
    // How sure the classifier was of that suggestion (0–1), so the dashboard can show
    // whether high confidence means accepted. Null when none was shown, and for
    // suggestions recorded before confidence existed.
    suggestionConfidence: real('suggestion_confidence'),
    // What the ticket was saved with when a suggestion was shown: the suggestion is
    // judged against these (kept, or overridden to what), never against later edits, so
    // that an escalation a day later is history rather than an override. Set once, by
    // the create. Null when no suggestion was shown.
    filedCategory: text('filed_category').$type<TicketCategory>(),
    filedPriority: text('filed_priority').$type<TicketPriority>(),
    // Who wrote the ticket and who last changed it: a user (signed in, or owning the
    // API token used) and, for a token, the token. All null for an anonymous write
    // (ANONYMOUS_ACCESS) and for tickets from before sign-in existed.
    createdByUserId: integer('created_by_user_id').references((): AnyPgColumn => users.id),
    createdByTokenId: integer('created_by_token_id').references((): AnyPgColumn => apiTokens.id),
    updatedByUserId: integer('updated_by_user_id').references((): AnyPgColumn => users.id),
    updatedByTokenId: integer('updated_by_token_id').references((): AnyPgColumn => apiTokens.id),
    // Bumped by every write (ticket.repository.ts), so that a client can say which
    // version its change was based on and a stale one is refused instead of lost.
    version: integer('version').notNull().default(1),
    // Who works the ticket: an active user when assigned (ticket.service.ts checks it;
    // one deactivated later stays until someone reassigns), null when nobody does.
    assigneeUserId: integer('assignee_user_id').references((): AnyPgColumn => users.id),
  },
  (t) => [
    check('tickets_title_not_blank', sql`btrim(${t.title}) <> ''`),
    check('tickets_description_not_blank', sql`btrim(${t.description}) <> ''`),
    check('tickets_description_length', sql`char_length(${t.description}) <= ${sql.raw(String(TICKET_DESCRIPTION_MAX))}`),
    check('tickets_category_valid', sql`${t.category} in ${inList(TICKET_CATEGORIES)}`),
    check('tickets_priority_valid', sql`${t.priority} in ${inList(TICKET_PRIORITIES)}`),
    check('tickets_status_valid', sql`${t.status} in ${inList(TICKET_STATUSES)}`),
    check('tickets_resolved_at_matches_status', sql`(${t.status} in ${inList(RESOLVED_STATUSES)}) = (${t.resolvedAt} is not null)`),
    check('tickets_suggested_category_valid', sql`${t.suggestedCategory} in ${inList(TICKET_CATEGORIES)}`),
    check('tickets_suggested_priority_valid', sql`${t.suggestedPriority} in ${inList(TICKET_PRIORITIES)}`),
    check('tickets_classification_source_valid', sql`${t.classificationSource} in ${inList(CLASSIFICATION_SOURCES)}`),
    check('tickets_created_by_token_has_user', sql`${t.createdByTokenId} is null or ${t.createdByUserId} is not null`),
    check('tickets_version_positive', sql`${t.version} >= 1`),
    check(
      'tickets_suggestion_confidence_valid',
      sql`${t.suggestionConfidence} is null or (${t.suggestedCategory} is not null and ${t.suggestionConfidence} between 0 and 1)`,
    ),
    check('tickets_updated_by_token_has_user', sql`${t.updatedByTokenId} is null or ${t.updatedByUserId} is not null`),
    check(
      'tickets_suggestion_complete',
      sql`(${t.suggestedCategory} is null) = (${t.suggestedPriority} is null) and (${t.suggestedCategory} is null) = (${t.classificationSource} is null)`,
    ),
    check('tickets_suggestion_accepted_iff_suggested', sql`(${t.suggestedCategory} is null) = (${t.suggestionAccepted} is null)`),
    check(
      'tickets_filed_iff_suggested',
      sql`(${t.suggestedCategory} is null) = (${t.filedCategory} is null) and (${t.suggestedCategory} is null) = (${t.filedPriority} is null)`,
    ),
    check('tickets_filed_category_valid', sql`${t.filedCategory} in ${inList(TICKET_CATEGORIES)}`),
    check('tickets_filed_priority_valid', sql`${t.filedPriority} in ${inList(TICKET_PRIORITIES)}`),
    check(
      'tickets_suggestion_accepted_as_filed',
      sql`${t.suggestionAccepted} = (${t.filedCategory} = ${t.suggestedCategory} and ${t.filedPriority} = ${t.suggestedPriority})`,
    ),
    // Indexes, chosen from EXPLAIN ANALYZE on 1,000,000 seeded tickets (PostgreSQL 15,
    // `npm run seed`); each one is used by a query below, and each costs every write.
    // Statistics and enum-only counts use no ticket index: they read the counter
    // tables further down.
    //
    // Newest first and keyset pagination: (created_at, id) matches ORDER BY created_at
    // DESC, id DESC exactly, so the newest 20 is a 0.2 ms index range scan. A search
    // for a common word also walks it and stops after 20 matches (`password`, 15% of
    // tickets: 1 ms), as does a term too short for the trigram index.
    index('tickets_created_at_id_idx').on(t.createdAt, t.id),
    // Filter + newest first: each enum column leads an index that continues with the
    // sort key, so "status = open, newest 20" reads about 20 index entries (0.1–0.3 ms)
    // wherever the open tickets sit in time; without it a rare value means walking the
    // created_at index past every other ticket (priority = critical: 1.8 ms instead of
    // 0.3 ms; deep pages of older open tickets: 3.3 ms instead of 0.2 ms). A second
    // filter is applied to the rows the first index yields (status + category: 0.3 ms);
    // three rare values combined read a few thousand entries (about 10 ms), which did
    // not justify a composite index per combination.
    index('tickets_status_created_at_idx').on(t.status, t.createdAt, t.id),
    index('tickets_category_created_at_idx').on(t.category, t.createdAt, t.id),
    index('tickets_priority_created_at_idx').on(t.priority, t.createdAt, t.id),
    // The assignee filters (mine, unassigned, an agent's) the same way: a btree keeps
    // NULLs, so "unassigned, newest 20" is a range scan of the NULL entries.
    index('tickets_assignee_created_at_idx').on(t.assigneeUserId, t.createdAt, t.id),
    // Last changed first (RECENTLY_CHANGED) and its keyset pages: (updated_at, id) as
    // (created_at, id) serves newest first. One index for every filter: with a
    // selective one (an agent's own tickets, a rare status) the planner reads that
    // filter's index above and sorts its few rows instead (0.2 ms for 200 of 300,000);
    // with a common one it walks this index (0.03 ms); two rare values combined read a
    // few thousand entries (16 ms), as for newest first. Every write changes
    // updated_at, so this costs each update an index entry; each update already changes
    // some indexed column (or the search index's text), so none was a HOT update
    // before. PRIORITY has no index of its own (ticket.repository.ts says why).
    // Measured: bench/results/2026-12-01-ticket-orders.md.
    index('tickets_updated_at_id_idx').on(t.updatedAt, t.id),
    // Search (case-insensitive substring, every term must match): one trigram GIN index
    // over the exact expression the search predicate uses (title, a space,
    // description). A rare phrase is found through it in 1–2 ms instead of a 3 s scan,
    // and it lets a bounded count check rare terms exactly. A term never contains
    // whitespace, so it cannot match across the joining space. One index instead of
    // two (title, description) halves the per-write overhead; it is still the most
    // expensive index to maintain and to build (most of `npm run seed`'s time at 1M).
    // No full-text (tsvector) index: it cannot serve substring semantics, and ranking
    // by ts_rank costs 90–250 ms for common words.
    // Left with PostgreSQL's `fastupdate` on (new entries go to a pending list of up to
    // gin_pending_list_limit, 4 MB, merged in one go by the write that fills it, or by
    // vacuum). That merge is a real tail: single-row inserts and status updates at 8
    // connections (pgbench) showed about 20 writes in 10 s over 100 ms, up to
    // 0.5–0.7 s, and none over 75 ms with fastupdate off. But off puts each of a
    // ticket's ~300 trigrams into the index as it is written, and through the server
    // (`npm run bench`, 8 connections, create then patch) that doubled the p95 of every
    // write: create 8.7 → 19.4 ms (REST) and 10.6 → 20.1 ms (GraphQL), patch 12.9 →
    // 22.0 ms and 15.9 → 22.6 ms, missing the 15 ms target, at half the throughput.
    // So the p95 stays low and a write in about a thousand pays for the merge.
    index('tickets_search_trgm_idx').using('gin', sql`(${t.title} || ' ' || ${t.description}) gin_trgm_ops`),
    // Similar tickets (classifier/similar-tickets.repository.ts): the words of each
    // description, so that "tickets sharing two of these three rare words" is a few
    // posting lists merged. The trigram index cannot serve it cheaply: a word is six
    // trigrams, each with a long list, and ranking its candidates by similarity cost
    // 0.3–0.6 ms each (EXPLAIN ANALYZE, 20,000 seeded tickets). About 40 entries a
    // ticket against the trigram index's ~300.
    index('tickets_description_words_idx').using('gin', sql`to_tsvector('simple', ${t.description})`),
    // The same over the active tickets only, so that possible duplicates among them are
    // found by common words too: its posting lists are as long as the backlog, not the
    // history (1,000,000 seeded tickets, 45,000 active: two of three common words 0.7 ms
    // instead of 10–40 ms over every ticket). A ticket leaves it when it is resolved.
    index('tickets_active_words_idx')
      .using('gin', sql`to_tsvector('simple', ${t.description})`)
      .where(activeTicket(t.status)),
  ],
);

// The history of tickets, append-only: written in the same transaction as the change
// it records (ticket.service.ts), never updated or deleted by the application. One row
// per event: a ticket created (with the suggestion shown then and whether it was
// kept), or one field changed from -> to. Typed columns rather than a JSON document,
// so the database checks every event's shape.
export const ticketEvents = pgTable(
  'ticket_events',
  {
    // bigint: the fastest-growing table (several events per ticket) may pass 2^31 rows.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // No API deletes a ticket; one deleted by hand (an operator erasing it) takes its history along.
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<TicketEventKind>().notNull(),
    // Who did it, as the tickets' author columns: the person, and the token when one
    // was used; both null for an anonymous write (ANONYMOUS_ACCESS) or the system.
    actorUserId: integer('actor_user_id').references((): AnyPgColumn => users.id),
    actorTokenId: integer('actor_token_id').references((): AnyPgColumn => apiTokens.id),
    at: ts('at').notNull().defaultNow(),
    // field_changed: which field, and its stored values before and after.
    field: text('field').$type<RecordedEventField>(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    // created: the suggestion shown (all null when none was), and whether the ticket
    // was saved with both its category and priority.
    suggestedCategory: text('suggested_category').$type<TicketCategory>(),
    suggestedPriority: text('suggested_priority').$type<TicketPriority>(),
    classificationSource: text('classification_source').$type<ClassificationSource>(),
    suggestionAccepted: boolean('suggestion_accepted'),
    // assigned: the new assignee, and the one before on a reassignment; unassigned:
    // the assignee removed.
    assigneeUserId: integer('assignee_user_id').references((): AnyPgColumn => users.id),
    previousAssigneeUserId: integer('previous_assignee_user_id').references((): AnyPgColumn => users.id),
    // note_added: the note (a note is never deleted by the application; one deleted
    // with its ticket takes the event along in the same cascade).
    noteId: bigint('note_id', { mode: 'number' }).references((): AnyPgColumn => ticketNotes.id, { onDelete: 'cascade' }),
  },
  (t) => [
    // A ticket's history, oldest first, one page after another: `WHERE ticket_id = $1
    // AND id > $2 ORDER BY id` is a range scan of this index. Each index costs every
    // write, and nothing else reads events yet.
    index('ticket_events_ticket_id_id_idx').on(t.ticketId, t.id),
    // For the foreign key's cascade: a note deleted with its ticket finds its event here
    // instead of scanning every event. Partial: only note events pay for it on write.
    index('ticket_events_note_id_idx')
      .on(t.noteId)
      .where(sql`${t.noteId} is not null`),
    check('ticket_events_kind_valid', sql`${t.kind} in ${inList(TICKET_EVENT_KINDS)}`),
    check('ticket_events_field_valid', sql`${t.field} in ${inList(RECORDED_EVENT_FIELDS)}`),
    check('ticket_events_actor_token_has_user', sql`${t.actorTokenId} is null or ${t.actorUserId} is not null`),
    check(
      'ticket_events_field_changed_shape',
      sql`(${t.kind} = 'field_changed') = (${t.field} is not null and ${t.fromValue} is not null and ${t.toValue} is not null)`,
    ),
    check(
      'ticket_events_assignment_shape',
      sql`(${t.kind} in ('assigned', 'unassigned')) = (${t.assigneeUserId} is not null) and (${t.kind} = 'assigned' or ${t.previousAssigneeUserId} is null)`,
    ),
    check(
      'ticket_events_created_shape',
      sql`${t.kind} = 'created' or (${t.suggestedCategory} is null and ${t.suggestionAccepted} is null)`,
    ),
    check('ticket_events_note_added_shape', sql`(${t.kind} = 'note_added') = (${t.noteId} is not null)`),
    check(
      'ticket_events_suggestion_complete',
      sql`(${t.suggestedCategory} is null) = (${t.suggestedPriority} is null) and (${t.suggestedCategory} is null) = (${t.classificationSource} is null) and (${t.suggestedCategory} is null) = (${t.suggestionAccepted} is null)`,
    ),
  ],
);

// Internal notes of agents on a ticket, append-only: no API edits or deletes one (a
// correction is a new note). Adding one writes a `note_added` event in the same
// transaction (ticket-note.service.ts); the ticket itself is not changed (no version).
export const ticketNotes = pgTable(
  'ticket_notes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    // As the events' actor: the person, and the token when one was used; both null
    // for an anonymous write (ANONYMOUS_ACCESS).
    authorUserId: integer('author_user_id').references((): AnyPgColumn => users.id),
    authorTokenId: integer('author_token_id').references((): AnyPgColumn => apiTokens.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    // A ticket's notes, oldest first, a page at a time: a range scan, as for events.
    index('ticket_notes_ticket_id_id_idx').on(t.ticketId, t.id),
    check('ticket_notes_body_not_blank', sql`btrim(${t.body}) <> ''`),
    check('ticket_notes_body_length', sql`char_length(${t.body}) <= ${sql.raw(String(TICKET_NOTE_MAX))}`),
    check('ticket_notes_author_token_has_user', sql`${t.authorTokenId} is null or ${t.authorUserId} is not null`),
  ],
);

// Exact counters kept by statement-level triggers on `tickets` (see the custom
// migration drizzle/0003_ticket_counter_triggers.sql): statistics and enum-only counts read
// these few hundred rows instead of scanning millions of tickets. Never written by
// application code; a TRUNCATE of `tickets` empties them too.
export const ticketCounts = pgTable(
  'ticket_counts',
  {
    category: text('category').$type<TicketCategory>().notNull(),
    priority: text('priority').$type<TicketPriority>().notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    /** The suggested category, or '' when no suggestion was shown (a key column cannot be null). */
    suggestedCategory: text('suggested_category').notNull(),
    /** Category and priority both kept as suggested. */
    accepted: boolean('accepted').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ name: 'ticket_counts_pk', columns: [t.category, t.priority, t.status, t.suggestedCategory, t.accepted] })],
);

// Tickets per UTC day of `created_at` and enum key: serves `ticketsPerDay` and the
// first ticket's day (for `avgTicketsPerDay`) under enum-only filters. At most 64
// rows a day (4 categories x 4 priorities x 4 statuses).
export const ticketDailyCounts = pgTable(
  'ticket_daily_counts',
  {
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category').$type<TicketCategory>().notNull(),
    priority: text('priority').$type<TicketPriority>().notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ name: 'ticket_daily_counts_pk', columns: [t.day, t.category, t.priority, t.status] })],
);

// Tickets per assignee and enum key, kept by their own statement-level triggers on
// `tickets` (drizzle/0011_ticket_assignee_counts.sql): the active tickets per assignee
// of the dashboard read these rows (a team's agents x 64 at most) instead of every
// open ticket. Never written by application code.
export const ticketAssigneeCounts = pgTable(
  'ticket_assignee_counts',
  {
    /** The assignee's user id, or 0 for the unassigned (a key column cannot be null). */
    assigneeUserId: integer('assignee_user_id').notNull(),
    category: text('category').$type<TicketCategory>().notNull(),
    priority: text('priority').$type<TicketPriority>().notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ name: 'ticket_assignee_counts_pk', columns: [t.assigneeUserId, t.status, t.category, t.priority] })],
);

// Suggestions the classifier really made (one row per classify answer), so that a
// ticket can only record a suggestion the server issued: create refers to one by id
// (or, for the original REST API, by its values and the description), and redeeming
// it deletes it, so each answer backs at most one ticket. Rows expire after
// SUGGESTION_TTL_SECONDS (ticket-suggestion.repository.ts) and are purged a batch
// at a time as new ones are issued.
export const ticketSuggestions = pgTable(
  'ticket_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The description as the classifier saw it, hashed (`descriptionKey`): case and whitespace aside. */
    descriptionHash: text('description_hash').notNull(),
    category: text('category').$type<TicketCategory>().notNull(),
    priority: text('priority').$type<TicketPriority>().notNull(),
    source: text('source').$type<ClassificationSource>().notNull(),
    /** The answer's confidence (0–1); null for rows issued before confidence existed. */
    confidence: real('confidence'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    // Redeeming by description (the original REST API's bodies carry no id).
    index('ticket_suggestions_description_hash_idx').on(t.descriptionHash),
    // Purging the expired ones reads only them, oldest first.
    index('ticket_suggestions_created_at_idx').on(t.createdAt),
  ],
);

// What the team's confirmed tickets taught the offline classifier: for each term of a
// ticket's description (classifier/learning.model.ts), how many tickets using it the
// team filed under each category and each priority; the row with term '' counts the
// tickets themselves. Read by primary-key lookups of one description's terms, by every
// process sharing the database. Written only by folding in the deltas below. Counts
// never go below 0: a correction of a ticket from before learning existed has nothing
// to take back.
export const classifierTermCounts = pgTable(
  'classifier_term_counts',
  {
    term: text('term').notNull(),
    field: text('field').$type<LearnedField>().notNull(),
    label: text('label').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ name: 'classifier_term_counts_pk', columns: [t.term, t.field, t.label] }),
    check('classifier_term_counts_field_valid', sql`${t.field} in ${inList(LEARNED_FIELDS)}`),
  ],
);

// What each ticket write taught, appended in the write's own transaction (create, and
// any change of description, category or priority: classifier/learning.service.ts), and
// folded into classifier_term_counts a batch at a time by every process, within a
// quarter of a second (classifier/learning.folder.ts). Appending takes no lock another write waits on: the
// counts' busiest rows (every ticket counts in its category's '' row) made concurrent
// creates queue behind each other's commit when each write updated them directly.
export const classifierTermDeltas = pgTable(
  'classifier_term_deltas',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    term: text('term').notNull(),
    field: text('field').$type<LearnedField>().notNull(),
    label: text('label').notNull(),
    delta: integer('delta').notNull(),
  },
  (t) => [check('classifier_term_deltas_field_valid', sql`${t.field} in ${inList(LEARNED_FIELDS)}`)],
);

// Idempotency keys of ticket creates: a key is inserted in the same transaction as
// the ticket it created, so concurrent retries with one key wait on the primary key
// and find the committed answer. `response` is that first answer, replayed as it
// was. Rows expire after IDEMPOTENCY_KEY_TTL_SECONDS (idempotency-key.repository.ts)
// and are purged a batch at a time as new keys arrive.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').primaryKey(),
    /** SHA-256 of the validated input (`createRequestHash`): the same key with another input is refused. */
    requestHash: text('request_hash').notNull(),
    ticketId: integer('ticket_id').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('idempotency_keys_created_at_idx').on(t.createdAt)],
);

// ---- identity ------------------------------------------------------------------

// People who sign in. Never deleted (tickets and history name them): deactivated
// instead. `password_hash` is an argon2id PHC string; null for an invited person who
// has not set a password yet.
export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<UserRole>().notNull(),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // Case-insensitive uniqueness, as people type their address as they like.
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_role_valid', sql`${t.role} in ${inList(USER_ROLES)}`),
  ],
);

// Web sessions, server-side so that they survive restarts, are shared by every
// process on one PostgreSQL, and end at once when deleted. The cookie holds a random
// secret; only its SHA-256 is stored, so a leaked table does not leak sessions.
export const sessions = pgTable(
  'sessions',
  {
    secretHash: text('secret_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The double-submit value the `csrftoken` cookie carries and unsafe requests echo in `X-CSRFToken`. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Refreshed at most once a minute: the idle timeout counts from it. */
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    /** The absolute lifetime: no activity extends it. */
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

// API tokens for integrators: stored only as a SHA-256 of the random secret (high
// entropy: a slow hash would add nothing but latency to every request). Revoked
// tokens are kept, so that history can still name them.
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The user the token acts for: its creator. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** The token's first characters, shown in lists to recognise it. */
    prefix: text('prefix').notNull(),
    scopes: text('scopes').array().$type<ApiTokenScope[]>().notNull(),
    expiresAt: ts('expires_at'),
    /** Refreshed at most once a minute. */
    lastUsedAt: ts('last_used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_tokens_secret_hash_key').on(t.secretHash),
    check('api_tokens_scopes_valid', sql`${t.scopes} <@ ${textArray(API_TOKEN_SCOPES)}`),
  ],
);

// One-time links: the first admin's setup link and invitations. Stored as a SHA-256
// of the secret; deleted when used.
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    secretHash: text('secret_hash').primaryKey(),
    purpose: text('purpose').$type<OneTimeTokenPurpose>().notNull(),
    /** The invited user; null for the setup link. */
    userId: integer('user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** null: valid until used (the setup link). */
    expiresAt: ts('expires_at'),
  },
  (t) => [
    check('one_time_tokens_purpose_valid', sql`${t.purpose} in ${inList(ONE_TIME_TOKEN_PURPOSES)}`),
    check('one_time_tokens_invitation_has_user', sql`(${t.purpose} = 'invitation') = (${t.userId} is not null)`),
  ],
);

// Failed sign-ins per account and per client address, in a fixed window: a table,
// so that every server process on one PostgreSQL counts the same failures.
export const signInFailures = pgTable('sign_in_failures', {
  /** `account:<lower-case email>` or `address:<client address>`. */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: ts('window_started_at').notNull(),
});

// Token buckets of rate limits (common/rate-limiter.ts), one row per limit and
// client: a table, so that every server process on one PostgreSQL spends from the
// same budget. Taken by one atomic upsert; a row idle for a whole window is full
// again, equivalent to no row, and is purged.
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    /** `<limit name>:<client key>`. */
    key: text('key').primaryKey(),
    /** Tokens left as of `updated_at`; refilled continuously up to the limit. */
    tokens: doublePrecision('tokens').notNull(),
    /** Whether the last take was granted: the upsert's answer. */
    allowed: boolean('allowed').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('rate_limit_buckets_updated_at_idx').on(t.updatedAt)],
);

// ---- saved views ---------------------------------------------------------------

// A person's saved ticket lists: a name and the list's filter, search and order, as
// the list takes them (views/saved-view.validation.ts validates them with the list's
// own rules before they are written). Per user, so they follow the person to any
// browser; an API token reads and writes its user's.
export const savedViews = pgTable(
  'saved_views',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<SavedViewQuery>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One name once per person, whatever its case; and a person's views (at most
    // SAVED_VIEWS_MAX) are a range of it.
    uniqueIndex('saved_views_user_name_key').on(t.userId, sql`lower(${t.name})`),
    check('saved_views_name_not_blank', sql`btrim(${t.name}) <> ''`),
    check('saved_views_name_length', sql`char_length(${t.name}) <= ${sql.raw(String(SAVED_VIEW_NAME_MAX))}`),
    check('saved_views_query_object', sql`jsonb_typeof(${t.query}) = 'object'`),
  ],
);

// ---- webhooks ------------------------------------------------------------------

// Where admins want events sent. `secret` signs every delivery (HMAC-SHA256): it must
// be kept readable to sign, is shown once at creation and never returned again.
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    url: text('url').notNull(),
    events: text('events').array().$type<WebhookEventType[]>().notNull(),
    secret: text('secret').notNull(),
    /** Off: nothing is delivered (deliveries wait); set off by an admin, or by failing for WEBHOOK_DISABLE_AFTER_HOURS. */
    active: boolean('active').notNull().default(true),
    /** When failures turned it off; null when on, or turned off by an admin. */
    disabledAt: ts('disabled_at'),
    /** The first failed attempt since the last success: null while it answers. */
    failingSince: ts('failing_since'),
    createdByUserId: integer('created_by_user_id').references((): AnyPgColumn => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('webhook_endpoints_events_valid', sql`${t.events} <@ ${textArray(WEBHOOK_EVENT_TYPES)} and cardinality(${t.events}) > 0`),
    check('webhook_endpoints_url_length', sql`char_length(${t.url}) <= ${sql.raw(String(WEBHOOK_URL_MAX))}`),
  ],
);

// The outbox: one row per ticket, event type and writing statement, inserted by a
// trigger on ticket_events (drizzle/0013_webhook_outbox.sql) in the transaction of
// the change, so an event exists exactly when its change committed. Holds the ticket
// as it was then and the history events it stands for. Written only while some
// active endpoint wants the type.
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    type: text('type').$type<WebhookEventType>().notNull(),
    /** The first history event it stands for: the id receivers deduplicate on. */
    firstEventId: bigint('first_event_id', { mode: 'number' }).notNull(),
    occurredAt: ts('occurred_at').notNull(),
    /** The `tickets` row after the change, as `to_jsonb`. */
    ticket: jsonb('ticket').notNull(),
    /** The `ticket_events` rows, as `to_jsonb`, oldest first. */
    events: jsonb('events').notNull(),
  },
  (t) => [check('webhook_events_type_valid', sql`${t.type} in ${inList(WEBHOOK_EVENT_TYPES)}`)],
);

// One event for one endpoint: the unit that is claimed, attempted and retried.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    webhookEventId: bigint('webhook_event_id', { mode: 'number' })
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    /** The event's ticket, here so that "nothing earlier of this ticket pending" is one index probe. */
    ticketId: integer('ticket_id').notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default(WebhookDeliveryStatus.PENDING),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    /** Retries stop after this (24 h after the delivery was created, or redelivered). */
    retryUntil: ts('retry_until')
      .notNull()
      .default(sql`now() + interval '${sql.raw(String(WEBHOOK_RETRY_WINDOW_HOURS))} hours'`),
    /** The lease of the worker attempting it: past it, another process may take it over. */
    lockedUntil: ts('locked_until'),
    lockedBy: text('locked_by'),
    /**
     * Redeliveries requested so far. An attempt compares it with the value it was
     * claimed with: one requested while the attempt was in flight must not be undone
     * by that attempt's outcome.
     */
    redeliveryRequests: integer('redelivery_requests').notNull().default(0),
    lastAttemptAt: ts('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error').$type<WebhookAttemptError>(),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event_key').on(t.endpointId, t.webhookEventId),
    // The workers' claim: due pending deliveries, soonest first.
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    // In order per ticket: is an earlier delivery of this endpoint and ticket pending?
    index('webhook_deliveries_pending_ticket_idx')
      .on(t.endpointId, t.ticketId, t.id)
      .where(sql`${t.status} = 'pending'`),
    // The delivery log of an endpoint, newest first.
    index('webhook_deliveries_endpoint_id_idx').on(t.endpointId, t.id),
    // An event's deliveries: whether an outbox row is still needed (retention), and
    // the cascade when one is purged.
    index('webhook_deliveries_event_id_idx').on(t.webhookEventId),
    // Finished deliveries, oldest attempt first: what retention purges.
    index('webhook_deliveries_finished_idx')
      .on(t.lastAttemptAt)
      .where(sql`${t.status} <> 'pending'`),
    check('webhook_deliveries_status_valid', sql`${t.status} in ${inList(WEBHOOK_DELIVERY_STATUSES)}`),
    check('webhook_deliveries_last_error_valid', sql`${t.lastError} in ${inList(WEBHOOK_ATTEMPT_ERRORS)}`),
  ],
);

// Every attempt of a delivery: when, by which process, and what came back.
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    /** The process that made it (host:pid:random). */
    worker: text('worker').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at').notNull(),
    statusCode: integer('status_code'),
    error: text('error').$type<WebhookAttemptError>(),
  },
  (t) => [
    index('webhook_attempts_delivery_id_idx').on(t.deliveryId, t.id),
    check('webhook_attempts_error_valid', sql`${t.error} in ${inList(WEBHOOK_ATTEMPT_ERRORS)}`),
    check('webhook_attempts_outcome', sql`(${t.statusCode} is null) <> (${t.error} is null)`),
  ],
);

export type TicketRow = typeof tickets.$inferSelect;
export type NewTicketRow = typeof tickets.$inferInsert;
export type TicketEventRow = typeof ticketEvents.$inferSelect;
export type NewTicketEventRow = typeof ticketEvents.$inferInsert;
export type TicketNoteRow = typeof ticketNotes.$inferSelect;
export type NewTicketNoteRow = typeof ticketNotes.$inferInsert;
