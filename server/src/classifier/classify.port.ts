// The one function the rest of the server needs from the classifier feature.
import type { Suggestion } from './classifier.js';

export type ClassifyDescription = (description: string) => Promise<Suggestion>;
