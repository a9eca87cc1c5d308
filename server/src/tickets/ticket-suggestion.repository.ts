// SQL for the suggestions the classifier issued (`ticket_suggestions`): recorded by
// classify, redeemed (and so deleted) by the create that refers to one, purged when
// expired. A ticket's suggestion columns are only ever filled from a redeemed row.
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketSuggestions } from '../db/schema.js';
import { ASYNC_COMMIT, executeRows } from '../db/statements.js';
import type { ClassificationSource, TicketCategory, TicketPriority } from './ticket.enums.js';
import { isSuggestionId } from './ticket.validation.js';

/** How long a classify answer can be referred to by a create: a working day and then some. */
export const SUGGESTION_TTL_SECONDS = 24 * 60 * 60;

/** Expired rows deleted per issued suggestion: more than one, so purging outpaces issuing. */
const PURGE_BATCH = 100;

export interface SuggestedValues {
  category: TicketCategory;
  priority: TicketPriority;
  source: ClassificationSource;
  /** How sure the classifier was (0–1); null for suggestions issued before confidence existed. */
  confidence?: number | null;
}

const REDEEMED = {
  category: ticketSuggestions.category,
  priority: ticketSuggestions.priority,
  source: ticketSuggestions.source,
  confidence: ticketSuggestions.confidence,
};

const notExpired = () => gt(ticketSuggestions.createdAt, sql`now() - ${SUGGESTION_TTL_SECONDS} * interval '1 second'`);

/**
 * Records a suggestion and purges a batch of expired ones (oldest first through the
 * created_at index, so it reads only expired rows; rows another transaction is
 * deleting are skipped, not waited for), in one statement committed without waiting
 * for the disk (ASYNC_COMMIT): a crash may lose the last suggestions issued, and a
 * create that refers to one of them records none, as for an expired one.
 */
export async function insertSuggestion(db: Db, descriptionHash: string, values: SuggestedValues): Promise<string> {
  const s = ticketSuggestions;
  const [row] = await executeRows<{ id: string }>(
    db,
    sql`with purged as (
          delete from ${s} where ${s.id} in (
            select ${s.id} from ${s} where ${s.createdAt} < now() - ${SUGGESTION_TTL_SECONDS} * interval '1 second'
            order by ${s.createdAt} limit ${PURGE_BATCH} for update skip locked))
        insert into ${s} (description_hash, category, priority, source, confidence)
        select ${descriptionHash}, ${values.category}, ${values.priority}, ${values.source}, ${values.confidence ?? null}::real
        from ${ASYNC_COMMIT}
        returning id`,
  );
  return row!.id;
}

/** Takes (deletes and returns) the live suggestion `id`, if it was issued for this description. */
export async function redeemSuggestionById(db: Db, id: string, descriptionHash: string): Promise<SuggestedValues | null> {
  // Validation refuses other shapes; a uuid comparison with one would be a database error.
  if (!isSuggestionId(id)) return null;
  const [row] = await db
    .delete(ticketSuggestions)
    .where(and(eq(ticketSuggestions.id, id), eq(ticketSuggestions.descriptionHash, descriptionHash), notExpired()))
    .returning(REDEEMED);
  return row ?? null;
}

/**
 * Takes the newest live suggestion issued for this description with exactly these
 * values: how a client of the original API, which sends the values classify answered
 * and no id, is matched to what the server really suggested.
 */
export async function redeemSuggestionByValues(db: Db, values: SuggestedValues, descriptionHash: string): Promise<SuggestedValues | null> {
  const match = db
    .select({ id: ticketSuggestions.id })
    .from(ticketSuggestions)
    .where(
      and(
        eq(ticketSuggestions.descriptionHash, descriptionHash),
        eq(ticketSuggestions.category, values.category),
        eq(ticketSuggestions.priority, values.priority),
        eq(ticketSuggestions.source, values.source),
        notExpired(),
      ),
    )
    .orderBy(desc(ticketSuggestions.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db.delete(ticketSuggestions).where(inArray(ticketSuggestions.id, match)).returning(REDEEMED);
  return row ?? null;
}
