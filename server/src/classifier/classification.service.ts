// The classify use case shared by GraphQL and REST: validate the description with
// the ticket rules, charge the client's rate-limit budget, classify, and record the
// answer as a suggestion the server issued (its id is what a create refers to).
import type { RateLimiter } from '../common/rate-limiter.js';
import type { Db } from '../db/client.js';
import { issueSuggestion } from '../tickets/ticket-suggestion.service.js';
import { TicketError, type TicketIssue } from '../tickets/ticket.errors.js';
import { validateDescription } from '../tickets/ticket.validation.js';
import { ClassifierError } from './classifier.errors.js';
import type { Classifier, Suggestion } from './classifier.js';

export interface ClassifyDeps {
  classify: Classifier['classify'];
  limiter: Pick<RateLimiter, 'take'>;
}

/** A suggestion and the id under which the server recorded it. */
export interface IssuedSuggestion extends Suggestion {
  suggestionId: string;
}

export async function classifyTicketDescription(deps: ClassifyDeps, db: Db, clientKey: string, raw: unknown): Promise<IssuedSuggestion> {
  const issues: TicketIssue[] = [];
  const description = validateDescription(issues, 'description', raw);
  if (description === undefined) throw new TicketError('VALIDATION_FAILED', issues);
  // Only valid requests can reach Gemini, so only they spend the budget.
  const decision = await deps.limiter.take(clientKey);
  if (!decision.allowed) throw new ClassifierError('RATE_LIMITED', decision.retryAfterSeconds);
  const suggestion = await deps.classify(description);
  const suggestionId = await issueSuggestion(db, description, suggestion);
  return { ...suggestion, suggestionId };
}
