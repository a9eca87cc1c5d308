// Replays a team's own tickets in time order, as triage would have met them: each
// ticket is classified with what the tickets before it taught (train on the past,
// predict the next), then learnt. The figures say how often the suggestion would have
// matched what the team filed, per category and per priority, beside the keyword
// classifier alone. Reads the tickets a page at a time; the counts are kept in memory.
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets } from '../db/schema.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type TicketCategory, type TicketPriority } from '../tickets/ticket.enums.js';
import type { TermCountRow } from './learning.repository.js';
import { EVERY_TICKET, learningTerms, type LearnedField } from './learning.model.js';
import { decideOffline } from './learning.service.js';
import { classifyLocally } from './local.classifier.js';

const PAGE = 5_000;

export interface FieldFigures<L extends string> {
  /** Tickets replayed with this label as filed, and how many each classifier got right. */
  perLabel: Record<L, { tickets: number; learned: number; keywordOnly: number }>;
  learned: number;
  keywordOnly: number;
}

export interface ReplayFigures {
  tickets: number;
  category: FieldFigures<TicketCategory>;
  priority: FieldFigures<TicketPriority>;
}

function emptyField<L extends string>(labels: readonly L[]): FieldFigures<L> {
  return {
    perLabel: Object.fromEntries(labels.map((l) => [l, { tickets: 0, learned: 0, keywordOnly: 0 }])) as FieldFigures<L>['perLabel'],
    learned: 0,
    keywordOnly: 0,
  };
}

function score<L extends string>(figures: FieldFigures<L>, filed: L, learned: L, keywordOnly: L): void {
  const row = figures.perLabel[filed];
  row.tickets++;
  if (learned === filed) {
    row.learned++;
    figures.learned++;
  }
  if (keywordOnly === filed) {
    row.keywordOnly++;
    figures.keywordOnly++;
  }
}

/** Replays up to `limit` tickets (the oldest first), in order of creation. */
export async function replayTickets(db: Db, options: { limit?: number; onProgress?: (done: number) => void } = {}): Promise<ReplayFigures> {
  const counts = new Map<string, number>();
  const key = (term: string, field: LearnedField, label: string) => `${term}\u0000${field}\u0000${label}`;
  const rowsFor = (terms: readonly string[]): TermCountRow[] => {
    const rows: TermCountRow[] = [];
    for (const term of [EVERY_TICKET, ...terms]) {
      for (const [field, labels] of [
        ['category', TICKET_CATEGORIES],
        ['priority', TICKET_PRIORITIES],
      ] as const) {
        for (const label of labels) {
          const count = counts.get(key(term, field, label));
          if (count) rows.push({ term, field, label, count });
        }
      }
    }
    return rows;
  };
  const figures: ReplayFigures = { tickets: 0, category: emptyField(TICKET_CATEGORIES), priority: emptyField(TICKET_PRIORITIES) };
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  // Ids grow with creation, so paging by id replays in time order without a sort.
  let after = 0;
  while (figures.tickets < limit) {
    const page = await db
      .select({ id: tickets.id, description: tickets.description, category: tickets.category, priority: tickets.priority })
      .from(tickets)
      .where(gt(tickets.id, after))
      .orderBy(asc(tickets.id))
      .limit(Math.min(PAGE, limit - figures.tickets));
    if (page.length === 0) break;
    for (const ticket of page) {
      const terms = learningTerms(ticket.description);
      const learned = decideOffline(ticket.description, rowsFor(terms));
      const keywordOnly = classifyLocally(ticket.description);
      score(figures.category, ticket.category, learned.category, keywordOnly.category);
      score(figures.priority, ticket.priority, learned.priority, keywordOnly.priority);
      figures.tickets++;
      for (const term of [EVERY_TICKET, ...terms]) {
        counts.set(key(term, 'category', ticket.category), (counts.get(key(term, 'category', ticket.category)) ?? 0) + 1);
        counts.set(key(term, 'priority', ticket.priority), (counts.get(key(term, 'priority', ticket.priority)) ?? 0) + 1);
      }
    }
    after = page[page.length - 1]!.id;
    options.onProgress?.(figures.tickets);
  }
  return figures;
}

const pct = (n: number, of: number) => (of === 0 ? '    –' : `${((100 * n) / of).toFixed(1).padStart(5)} %`);

/** The figures as a table for a terminal. */
export function formatReplay(f: ReplayFigures): string {
  const lines = [
    `Replayed ${f.tickets.toLocaleString('en')} tickets in the order they were created: each classified with what the tickets before it taught, then learnt.`,
    '',
    `${'field / as filed'.padEnd(22)}${'tickets'.padStart(9)}   learned   keywords only`,
  ];
  for (const [name, field] of [
    ['category', f.category],
    ['priority', f.priority],
  ] as const) {
    lines.push(
      `${name.padEnd(22)}${String(f.tickets).padStart(9)}   ${pct(field.learned, f.tickets)}   ${pct(field.keywordOnly, f.tickets)}`,
    );
    for (const [label, row] of Object.entries(field.perLabel) as [string, { tickets: number; learned: number; keywordOnly: number }][]) {
      lines.push(
        `  ${label.padEnd(20)}${String(row.tickets).padStart(9)}   ${pct(row.learned, row.tickets)}   ${pct(row.keywordOnly, row.tickets)}`,
      );
    }
  }
  return lines.join('\n');
}
