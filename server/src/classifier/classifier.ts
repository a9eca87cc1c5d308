// The contract every ticket classifier fulfils: a description in, a suggested category and
// priority out, plus which classifier produced it. Callers depend on this, never on Gemini.
import type { ClassificationSource, TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';

export interface Classification {
  category: TicketCategory;
  priority: TicketPriority;
  source: ClassificationSource;
  /** A short human-readable justification, or null when there is nothing to say. */
  reason: string | null;
}

export interface Classifier {
  classify(description: string): Promise<Classification>;
}

/**
 * The slice of a pino / Fastify logger the classifier needs. Kept this small so tests can pass
 * a recording stub and the service never depends on a logging library.
 */
export interface ClassifierLogger {
  warn(obj: object, msg: string): void;
}
