// Suggestions as the server issued them: classify records each answer and hands out
// its id; a create redeems a reference to one, and a ticket records only what was
// redeemed, so the acceptance statistics count nothing the server did not suggest.
import { cacheKey } from '../classifier/fallback.classifier.js';
import type { Db } from '../db/client.js';
import { insertSuggestion, redeemSuggestionById, redeemSuggestionByValues, type SuggestedValues } from './ticket-suggestion.repository.js';
import type { SuggestionClaim } from './ticket.validation.js';

export type { SuggestedValues };

/**
 * The description as a suggestion is tied to it: the key the classifier's cache uses,
 * so a description differing only in case or whitespace is the same text, as it is
 * for the classifier.
 */
function descriptionKey(description: string): string {
  return cacheKey(description);
}

/** Records a classify answer for `description`; its id is what a create refers to. */
export async function issueSuggestion(db: Db, description: string, values: SuggestedValues): Promise<string> {
  // A few expired rows go with every new one, so the table stays about a day's worth.
  return insertSuggestion(db, descriptionKey(description), {
    category: values.category,
    priority: values.priority,
    source: values.source,
    confidence: values.confidence ?? null,
  });
}

/**
 * What the server suggested for this description, if the claim names a live
 * suggestion issued for it; that suggestion is used up. Null otherwise (unknown,
 * expired, already used, or issued for another description).
 */
export function redeemSuggestion(db: Db, claim: SuggestionClaim, description: string): Promise<SuggestedValues | null> {
  const hash = descriptionKey(description);
  return 'id' in claim ? redeemSuggestionById(db, claim.id, hash) : redeemSuggestionByValues(db, claim, hash);
}
