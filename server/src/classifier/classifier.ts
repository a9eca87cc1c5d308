// The contract every ticket classifier fulfils: a description in, a suggestion out (a category
// and priority, plus which classifier produced it). Callers depend on this, never on Gemini.
import type { ClassificationSource, TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';

/** What a classifier suggests for a description. Issued to clients as the GraphQL `Classification`. */
export interface Suggestion {
  category: TicketCategory;
  priority: TicketPriority;
  source: ClassificationSource;
  /** A short human-readable justification, or null when there is nothing to say. */
  reason: string | null;
}

/** The rest of the server takes only `Classifier['classify']`: a function is all it calls. */
export interface Classifier {
  classify(description: string): Promise<Suggestion>;
}

/**
 * The slice of a pino / Fastify logger the classifier needs. Kept this small so tests can pass
 * a recording stub and the service never depends on a logging library.
 */
export interface ClassifierLogger {
  warn(obj: object, msg: string): void;
}
