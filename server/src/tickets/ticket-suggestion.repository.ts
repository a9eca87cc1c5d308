// SQL for the suggestions the classifier issued (`ticket_suggestions`): recorded by
// classify, redeemed (and so deleted) by the create that refers to one, purged when
// expired. A ticket's suggestion columns are only ever filled from a redeemed row.
import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketSuggestions } from '../db/schema.js';
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

export async function insertSuggestion(db: Db, descriptionHash: string, values: SuggestedValues): Promise<string> {
  const [row] = await db
    .insert(ticketSuggestions)
    .values({ descriptionHash, ...values })
    .returning({ id: ticketSuggestions.id });
  return row!.id;
}

/**
 * Deletes a batch of expired suggestions, oldest first through the created_at index
 * (so it reads only expired rows). Rows another transaction is deleting are skipped,
 * not waited for.
 */
export async function deleteExpiredSuggestions(db: Db): Promise<void> {
  const expired = db
    .select({ id: ticketSuggestions.id })
    .from(ticketSuggestions)
    .where(lt(ticketSuggestions.createdAt, sql`now() - ${SUGGESTION_TTL_SECONDS} * interval '1 second'`))
    .orderBy(asc(ticketSuggestions.createdAt))
    .limit(PURGE_BATCH)
    .for('update', { skipLocked: true });
  await db.delete(ticketSuggestions).where(inArray(ticketSuggestions.id, expired));
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
