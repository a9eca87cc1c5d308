// SQL for finding the tickets most like a text. Candidates come from word indexes, a
// few probes each cut off at PROBE_CANDIDATES before anything is ranked, and only they
// are ranked by trigram similarity of the descriptions (a fraction of a millisecond
// each). What a probe costs is the length of the posting lists it reads, so the
// service only probes all tickets with words it knows to be rare; the active tickets
// (open, in progress) have an index of their own, as large as the team's backlog and
// not its history.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { activeTicket, classifierTermCounts, tickets, type TicketRow } from '../db/schema.js';
import { decodeRow, executeRows } from '../db/statements.js';
import { EVERY_TICKET } from './learning.model.js';

/** Tickets each probe passes on to ranking, at most: the newest of its matches. */
const PROBE_CANDIDATES = 20;
/**
 * Matches of a probe read to find its newest, at most: bounds the heap reads of a
 * probe whose words turn out common (an "identifier" many tickets share).
 */
export const PROBE_MATCHES_MAX = 1_000;
/**
 * The same for the active tickets' probe, whose words may be common: the newest of
 * 200 matches came back as often as the newest of 1,000, for a third fewer buffers
 * (1,000,000 seeded tickets).
 */
const ACTIVE_PROBE_MATCHES_MAX = 200;

/** Identifiers of the text used as probe words, at most (the longest first). */
const IDENTIFIERS_MAX = 5;
/** An identifier: a word of at least this many characters with a digit in it (an order number, an error code). */
const IDENTIFIER_LENGTH_MIN = 5;

/**
 * The expression of the word indexes (schema.ts: `tickets_description_words_idx`,
 * and `tickets_active_words_idx` over the active tickets): the predicate must use exactly it.
 */
const words = sql`to_tsvector('simple', ${tickets.description})`;

export interface SimilarTicketRow {
  ticket: TicketRow;
  /** Trigram similarity of the descriptions, 0–1. */
  similarity: number;
}

export interface ProbeWords {
  /** Per learned term asked about, the tickets using it; EVERY_TICKET: all the tickets learned from. */
  tickets: Map<string, number>;
  /** The text's identifiers, as the word index spells them (its parser's lexemes, such as `-95375` or `123.45`). */
  identifiers: string[];
}

/**
 * How many tickets use each of `terms` (learned counts, one primary-key range per
 * term), and the identifiers of `text`, which learning does not count (numbers teach
 * no category) but which single out a ticket better than any word.
 */
export async function selectProbeWords(db: Db, text: string, terms: readonly string[]): Promise<ProbeWords> {
  const keys = JSON.stringify([EVERY_TICKET, ...terms]);
  const t = classifierTermCounts;
  const rows = await executeRows<{ term: string; tickets: number | null }>(
    db,
    sql`select term, sum(${t.count})::int as tickets from ${t}
        where ${t.term} = any(array(select jsonb_array_elements_text(${keys}::jsonb))) and ${t.field} = 'category' and ${t.count} > 0
        group by term
        union all
        (select lexeme, null from unnest(to_tsvector('simple', ${text}))
         where length(lexeme) >= ${IDENTIFIER_LENGTH_MIN} and lexeme ~ '[0-9]'
         order by length(lexeme) desc, lexeme limit ${IDENTIFIERS_MAX})`,
  );
  const result: ProbeWords = { tickets: new Map(), identifiers: [] };
  for (const row of rows) {
    if (row.tickets === null) result.identifiers.push(row.term);
    else result.tickets.set(row.term, Number(row.tickets));
  }
  return result;
}

/** A word index probe: a tsquery, over every ticket or only the active ones. */
export interface Probe {
  /** In tsquery syntax, lexemes quoted where needed (`tsqueryLexeme`). */
  query: string;
  activeOnly: boolean;
}

/** A lexeme as a tsquery operand, verbatim (not normalised again). */
export function tsqueryLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

// The newest matches rather than the first the index yields (the oldest): a
// duplicate is most likely of a recent ticket, and open tickets are recent.
function probeSql(probe: Probe): SQL {
  const active = probe.activeOnly ? sql` and ${activeTicket(tickets.status)}` : sql``;
  const matches = probe.activeOnly ? ACTIVE_PROBE_MATCHES_MAX : PROBE_MATCHES_MAX;
  return sql`(select id from (select ${tickets.id} from ${tickets} where ${words} @@ ${probe.query}::tsquery${active} limit ${matches}) as matches
    order by id desc limit ${PROBE_CANDIDATES})`;
}

/**
 * The tickets whose description is at least `threshold` similar to `text`, most
 * similar first, among the candidates of `probes` (the newest PROBE_CANDIDATES of
 * each). Each candidate's similarity is computed once.
 */
export async function selectSimilarTickets(
  db: Db,
  params: { text: string; probes: readonly Probe[]; threshold: number; limit: number },
): Promise<SimilarTicketRow[]> {
  if (params.probes.length === 0) return [];
  const rows = await executeRows<Record<string, unknown>>(
    db,
    sql`with candidates as (${sql.join(params.probes.map(probeSql), sql` union `)}),
        scored as materialized (
          select c.id, similarity(t.description, ${params.text}) as similarity
          from candidates c join ${tickets} t on t.id = c.id)
        select ${tickets}.*, s.similarity as similar_tickets_similarity
        from scored s join ${tickets} on ${tickets.id} = s.id
        where s.similarity >= ${params.threshold}
        order by s.similarity desc, ${tickets.id} desc
        limit ${params.limit}`,
  );
  const columns = getTableColumns(tickets);
  return rows.map((raw) => ({ ticket: decodeRow<TicketRow>(columns, raw), similarity: Number(raw.similar_tickets_similarity) }));
}
