// The classifier the rest of the server uses: Gemini when a key is configured, else (or when
// Gemini fails in any way) the local keyword classifier, else the general/medium default.
// It never throws, logs every fallback without the API key, and bounds Gemini cost with a
// small TTL cache and by sharing one request among concurrent identical descriptions.
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import { ClassificationSource } from '../tickets/ticket.enums.js';
import type { Classifier, ClassifierLogger, ClassifyContext, Suggestion, TeamExample } from './classifier.js';
import { boundedReason } from './learning.service.js';
import { createGeminiClient, GeminiError, type GeminiClient } from './gemini.client.js';
import { classifyLocally, DEFAULT_SUGGESTION, localFieldReasons } from './local.classifier.js';
import { isUnusable, mergeWithFallback, type ParsedAnswer } from './parse.js';
import { createTtlLruCache } from '../common/ttl-lru.cache.js';

export interface FallbackClassifierOptions {
  /** Gemini is used only when this is a non-empty string. */
  apiKey?: string | undefined;
  model: string;
  baseUrl?: string | undefined;
  /** Upper bound on how long a classify() call waits for Gemini before falling back. */
  timeoutMs: number;
  cacheTtlMs?: number;
  cacheSize?: number;
  logger?: ClassifierLogger;
  now?: () => number;
}

const DEFAULT_CACHE_TTL_MS = 5 * 60_000;
const DEFAULT_CACHE_SIZE = 500;
const LOGGED_MESSAGE_MAX = 500;

const silentLogger: ClassifierLogger = { warn: () => {} };

/**
 * Descriptions differing only in case or whitespace are the same ticket text for classification.
 * Hashed so that 500 keys of up to 20 000 characters do not sit in memory.
 */
export function cacheKey(description: string): string {
  const normalized = description.replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(normalized).digest('base64url');
}

/** A throwing logger must not turn a handled fallback into a failed classification. */
function neverThrowing(injected: ClassifierLogger): ClassifierLogger {
  return {
    warn(obj, msg) {
      try {
        injected.warn(obj, msg);
      } catch {
        // nothing sensible left to do with a log line that cannot be written
      }
    },
  };
}

export function createFallbackClassifier(options: FallbackClassifierOptions): Classifier {
  const ownLogger = neverThrowing(options.logger ?? silentLogger);
  const loggerFor = (context: ClassifyContext | undefined) => (context?.log ? neverThrowing(context.log) : ownLogger);
  const apiKey = options.apiKey?.trim() || undefined;
  const gemini: GeminiClient | null = apiKey
    ? createGeminiClient({ apiKey, model: options.model, baseUrl: options.baseUrl, timeoutMs: options.timeoutMs })
    : null;
  const cache = createTtlLruCache<Suggestion>({
    maxEntries: options.cacheSize ?? DEFAULT_CACHE_SIZE,
    ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
    now: options.now,
  });
  const inFlight = new Map<string, Promise<Suggestion>>();

  /** Error text can echo request details; the key never leaves this module in a log line. */
  function safeMessage(text: string): string {
    const redacted = apiKey ? text.split(apiKey).join('[redacted]') : text;
    return redacted.length > LOGGED_MESSAGE_MAX ? `${redacted.slice(0, LOGGED_MESSAGE_MAX)}…` : redacted;
  }

  function describeFailure(error: unknown): { kind: string; status?: number; message: string } {
    if (error instanceof GeminiError) {
      return { kind: error.kind, ...(error.status === undefined ? {} : { status: error.status }), message: safeMessage(error.message) };
    }
    return { kind: 'unexpected', message: safeMessage(error instanceof Error ? error.message : String(error)) };
  }

  async function askGemini(
    client: GeminiClient,
    description: string,
    local: Suggestion,
    examples: readonly TeamExample[],
    logger: ClassifierLogger,
  ): Promise<Suggestion> {
    let answer: ParsedAnswer;
    try {
      answer = await client.classify(description, examples);
    } catch (error) {
      logger.warn({ model: options.model, failure: describeFailure(error) }, 'Gemini classification failed; using the local classifier');
      return local;
    }
    const problems = [answer.category, answer.priority].flatMap((field) => (field.ok ? [] : [safeMessage(field.problem)]));
    if (isUnusable(answer)) {
      logger.warn({ model: options.model, problems }, 'Gemini answer unusable; using the local classifier');
      return local;
    }
    const merged = mergeWithFallback(answer, local, localFieldReasons(description));
    if (merged.fellBack.length > 0) {
      logger.warn(
        { model: options.model, fellBack: merged.fellBack, problems },
        'Gemini answer partly invalid; missing fields taken from the local classifier',
      );
    }
    // Source stays `gemini` when Gemini supplied at least one field: it did answer, and the
    // warning above records which field was filled in locally. There is no "mixed" source.
    const similar = examples.length > 0 ? `Similar to ${examples.map((e) => `#${e.id}`).join(', ')}.` : null;
    const reason = [merged.reason, similar].filter((part) => part !== null).join(' ');
    return {
      category: merged.category,
      priority: merged.priority,
      source: ClassificationSource.GEMINI,
      reason: reason === '' ? null : boundedReason(reason),
    };
  }

  async function compute(
    key: string,
    description: string,
    local: Suggestion,
    examples: readonly TeamExample[],
    logger: ClassifierLogger,
  ): Promise<Suggestion> {
    if (!gemini) return local;
    const result = await askGemini(gemini, description, local, examples, logger);
    // Only Gemini answers are cached: they are what costs money, and a fallback caused by a
    // transient failure should not outlive the failure.
    if (result.source === ClassificationSource.GEMINI) cache.set(key, result);
    return result;
  }

  /** The team's examples for Gemini; none when they cannot be read (the answer is then generic, not lost). */
  async function examplesFor(context: ClassifyContext | undefined): Promise<readonly TeamExample[]> {
    try {
      return (await context?.examples?.()) ?? [];
    } catch (error) {
      loggerFor(context).warn(
        { failure: describeFailure(error) },
        'Similar tickets for the Gemini prompt could not be read; asking without them',
      );
      return [];
    }
  }

  async function classifySafely(description: string, context: ClassifyContext | undefined): Promise<Suggestion> {
    const local = context?.offline ?? classifyLocally(description);
    if (!gemini) return local;
    const examples = await examplesFor(context);
    // The examples are part of the question: a correction that changes them asks Gemini afresh.
    const key = `${cacheKey(description)}:${examples.map((e) => `${e.id}/${e.category}/${e.priority}`).join(',')}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const pending = inFlight.get(key);
    if (pending) return pending;
    // Callers who join it share its log lines, under the request that started it.
    const started = compute(key, description, local, examples, loggerFor(context)).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  return {
    async classify(description, context) {
      try {
        // A copy per caller, so a caller mutating its result cannot corrupt the cache or the
        // answer shared with concurrent callers.
        return { ...(await classifySafely(description, context)) };
      } catch (error) {
        loggerFor(context).warn({ failure: describeFailure(error) }, 'Classification failed unexpectedly; using the default');
        return { ...DEFAULT_SUGGESTION };
      }
    },
  };
}

/**
 * The server's classify function, built from the configuration: one chain per process,
 * so its cache and in-flight request sharing serve every request.
 */
export function classifyFromConfig(config: Config, logger?: ClassifierLogger): Classifier['classify'] {
  const classifier = createFallbackClassifier({
    apiKey: config.gemini.apiKey,
    model: config.gemini.model,
    baseUrl: config.gemini.baseUrl,
    timeoutMs: config.gemini.timeoutMs,
    logger,
  });
  return (description, context) => classifier.classify(description, context);
}
