// The classify use case shared by GraphQL and REST: validate the description with
// the ticket rules, charge the client's rate-limit budget, classify (the offline
// answer learns from the team's confirmed tickets; Gemini, when configured, sees the
// most similar of them as examples), judge how sure the answer is, and record it as a
// suggestion the server issued (its id is what a create refers to).
import type { RateLimiter } from '../common/rate-limiter.js';
import type { Db } from '../db/client.js';
import { issueSuggestion } from '../tickets/ticket-suggestion.service.js';
import { TicketError, type TicketIssue } from '../tickets/ticket.errors.js';
import { validateDescription } from '../tickets/ticket.validation.js';
import { ClassifierError } from './classifier.errors.js';
import type { Classifier, ClassifierLogger, Suggestion } from './classifier.js';
import { suggestOffline, type OfflineSuggestion } from './learning.service.js';
import { teamExamples } from './similar-tickets.service.js';

export interface ClassifyDeps {
  classify: Classifier['classify'];
  limiter: Pick<RateLimiter, 'take'>;
}

/** A suggestion, how sure the server is of it, and the id under which the server recorded it. */
export interface IssuedSuggestion extends Suggestion {
  confidence: number;
  suggestionId: string;
}

/**
 * How often an answer from elsewhere (Gemini) is taken to be right on each field when
 * nothing else is known. Assumed, not measured (no labelled Gemini answers exist yet):
 * the generic set puts the keyword classifier at about 0.9 and 0.7.
 */
const OTHER_FIELD_ACCURACY = { category: 0.85, priority: 0.65 } as const;

/**
 * The probability that a field is right when two judges are combined as independent
 * votes: the answer's own assumed accuracy `a`, and the offline classifier's
 * probability `p` for its label, which either agrees or not.
 */
function combined(a: number, p: number, agree: boolean): number {
  if (agree) return 1 - ((1 - a) * (1 - p)) / (a * p + (1 - a) * (1 - p));
  // The offline label is the other judge's pick; the answer is right only if that is wrong.
  return (a * (1 - p)) / (a * (1 - p) + (1 - a) * p);
}

/** The answer's confidence: the offline one's own, or, for another classifier's answer, judged against it. */
function confidenceOf(answer: Suggestion, offline: OfflineSuggestion): number {
  if (answer.confidence !== undefined) return answer.confidence;
  if (answer.source === offline.source && answer.category === offline.category && answer.priority === offline.priority) {
    return offline.confidence;
  }
  const category = combined(OTHER_FIELD_ACCURACY.category, offline.categoryProbability, answer.category === offline.category);
  const priority = combined(OTHER_FIELD_ACCURACY.priority, offline.priorityProbability, answer.priority === offline.priority);
  return category * priority;
}

export async function classifyTicketDescription(
  deps: ClassifyDeps,
  db: Db,
  clientKey: string,
  raw: unknown,
  log?: ClassifierLogger,
): Promise<IssuedSuggestion> {
  const issues: TicketIssue[] = [];
  const description = validateDescription(issues, 'description', raw);
  if (description === undefined) throw new TicketError('VALIDATION_FAILED', issues);
  // Only valid requests can reach Gemini, so only they spend the budget.
  const decision = await deps.limiter.take(clientKey);
  if (!decision.allowed) throw new ClassifierError('RATE_LIMITED', decision.retryAfterSeconds);
  const offline = await suggestOffline(db, description);
  const answer = await deps.classify(description, { offline, examples: () => teamExamples(db, description), log });
  const suggestion = {
    category: answer.category,
    priority: answer.priority,
    source: answer.source,
    reason: answer.reason,
    confidence: confidenceOf(answer, offline),
  };
  const suggestionId = await issueSuggestion(db, description, suggestion);
  return { ...suggestion, suggestionId };
}
