// The contract every ticket classifier fulfils: a description in, a suggestion out (a category
// and priority, plus which classifier produced it). Callers depend on this, never on Gemini.
import type { ClassificationSource, TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';
import type { PromptExample } from './prompt.js';

/** What a classifier suggests for a description. Issued to clients as the GraphQL `Classification`. */
export interface Suggestion {
  category: TicketCategory;
  priority: TicketPriority;
  source: ClassificationSource;
  /** A short human-readable justification, or null when there is nothing to say. */
  reason: string | null;
  /** How sure the classifier is (0–1); absent when it cannot say, and the classify service judges it. */
  confidence?: number;
}

/** One of the team's confirmed tickets, shown to a model as an example. */
export interface TeamExample extends PromptExample {
  id: number;
}

/** What the server knows beyond the description, for a classifier that can use it. */
export interface ClassifyContext {
  /** The offline answer (keyword cues and what the team's tickets taught), already computed. */
  offline?: Suggestion;
  /** The team's confirmed tickets most like the description; read only by a classifier that uses them. */
  examples?: () => Promise<readonly TeamExample[]>;
  /** The calling request's logger, so that a fallback's line carries its request id; else the classifier's own. */
  log?: ClassifierLogger;
}

/** The rest of the server takes only `Classifier['classify']`: a function is all it calls. */
export interface Classifier {
  classify(description: string, context?: ClassifyContext): Promise<Suggestion>;
}

/**
 * The slice of a pino / Fastify logger the classifier needs. Kept this small so tests can pass
 * a recording stub and the service never depends on a logging library.
 */
export interface ClassifierLogger {
  warn(obj: object, msg: string): void;
}
