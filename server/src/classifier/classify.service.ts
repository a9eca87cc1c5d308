// The classify use case shared by GraphQL and REST: validate the description with
// the ticket rules, charge the client's rate-limit budget, then classify.
import type { RateLimiter } from '../common/rate-limiter.js';
import { TicketError, type TicketIssue } from '../tickets/ticket.errors.js';
import { validateDescription } from '../tickets/ticket.validation.js';
import { ClassifierError } from './classifier.errors.js';
import type { ClassificationResult, ClassifyDescription } from './classify.port.js';

export interface ClassifyDeps {
  classify: ClassifyDescription;
  limiter: RateLimiter;
}

export async function classifyTicketDescription(
  deps: ClassifyDeps,
  clientKey: string,
  raw: unknown,
): Promise<ClassificationResult> {
  const issues: TicketIssue[] = [];
  const description = validateDescription(issues, 'description', raw);
  if (description === undefined) throw new TicketError('VALIDATION_FAILED', issues);
  // Only valid requests can reach Gemini, so only they spend the budget.
  const decision = deps.limiter.take(clientKey);
  if (!decision.allowed) throw new ClassifierError('RATE_LIMITED', decision.retryAfterSeconds);
  return deps.classify(description);
}
