// The one function the rest of the server needs from the classifier feature.
import type { Classification } from './classifier.js';

export type ClassificationResult = Classification;
export type ClassifyDescription = (description: string) => Promise<Classification>;
