// Every table of the product, in one place: drizzle-kit generates `drizzle/` from this file.
import { sql, type SQL } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import {
  CLASSIFICATION_SOURCES,
  RESOLVED_STATUSES,
  TICKET_CATEGORIES,
  TICKET_DEFAULTS,
  TICKET_DESCRIPTION_MAX,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TITLE_MAX,
  type ClassificationSource,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from '../tickets/ticket.enums.js';

function inList(values: readonly string[]): SQL {
  return sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);
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
    check(
      'tickets_suggestion_complete',
      sql`(${t.suggestedCategory} is null) = (${t.suggestedPriority} is null) and (${t.suggestedCategory} is null) = (${t.classificationSource} is null)`,
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
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    // Redeeming by description (the original REST API's bodies carry no id).
    index('ticket_suggestions_description_hash_idx').on(t.descriptionHash),
    // Purging the expired ones reads only them, oldest first.
    index('ticket_suggestions_created_at_idx').on(t.createdAt),
  ],
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

export type TicketRow = typeof tickets.$inferSelect;
export type NewTicketRow = typeof tickets.$inferInsert;
