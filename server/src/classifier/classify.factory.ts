// Builds the server's classify function from the configuration: one service per
// process, so its cache and in-flight request sharing serve every request.
import type { Config } from '../config.js';
import type { Classifier, ClassifierLogger } from './classifier.js';
import { createClassificationService } from './classification.service.js';

export function createClassify(config: Config, logger?: ClassifierLogger): Classifier['classify'] {
  const service = createClassificationService({
    apiKey: config.gemini.apiKey,
    model: config.gemini.model,
    baseUrl: config.gemini.baseUrl,
    timeoutMs: config.gemini.timeoutMs,
    logger,
  });
  return (description) => service.classify(description);
}
