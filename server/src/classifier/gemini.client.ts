// The Gemini client for classification: the only file that touches @google/genai. It sends the
// prompt with a JSON response schema, enforces our own deadline, and turns every way a call can
// go wrong into a GeminiError so the fallback classifier can fall back without knowing SDK details.
// Not itself a Classifier: it rejects, and answers field by field (ParsedAnswer).
import { ApiError, GoogleGenAI, Type, type GenerateContentConfig, type GenerateContentResponse, type Schema } from '@google/genai';
import { DEFAULT_GEMINI_MODEL } from '../config.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES } from '../tickets/ticket.enums.js';
import { parseClassificationText, type ParsedAnswer } from './parse.js';
import { SYSTEM_INSTRUCTION, buildUserPrompt, type PromptExample } from './prompt.js';

export type GeminiFailureKind = 'timeout' | 'http' | 'network' | 'blocked' | 'empty' | 'too_large';

/**
 * The most of a reply we read. An answer is under 1 KB (and flash's output is capped at 256
 * tokens); an error body is smaller still. Beyond this the connection is dropped and the
 * call fails, rather than holding a runaway reply in memory (and again as parsed JSON).
 */
export const GEMINI_REPLY_MAX_BYTES = 1024 * 1024;

export class GeminiError extends Error {
  constructor(
    readonly kind: GeminiFailureKind,
    message: string,
    /** HTTP status for `http` failures (429, 500, …). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GeminiError';
  }
}

export interface GeminiClientOptions {
  apiKey: string;
  model?: string;
  /** Overrides https://generativelanguage.googleapis.com (tests, proxies). */
  baseUrl?: string;
  timeoutMs: number;
}

export interface GeminiClient {
  /** Resolves with the parsed answer (fields may individually be invalid); rejects with GeminiError. */
  classify(description: string, examples?: readonly PromptExample[]): Promise<ParsedAnswer>;
}

const RESPONSE_SCHEMA: Schema = {
  type: Type.OBJECT,
  properties: {
    category: { type: Type.STRING, format: 'enum', enum: [...TICKET_CATEGORIES] },
    priority: { type: Type.STRING, format: 'enum', enum: [...TICKET_PRIORITIES] },
    reason: { type: Type.STRING, description: 'One short sentence explaining the choice.' },
  },
  required: ['category', 'priority'],
  propertyOrdering: ['category', 'priority', 'reason'],
};

/**
 * Per-model generation settings. Gemini 2.5 Flash "thinks" by default, which adds seconds of
 * latency and billed tokens to a one-word decision, and thinking tokens count against
 * maxOutputTokens; its budget can be set to 0. Other models (2.5 Pro rejects a budget of 0)
 * keep their defaults and no output cap, so that thinking cannot starve the answer.
 */
function modelTuning(model: string): Pick<GenerateContentConfig, 'thinkingConfig' | 'maxOutputTokens'> {
  return /^gemini-2\.5-flash/.test(model) ? { thinkingConfig: { thinkingBudget: 0 }, maxOutputTokens: 256 } : {};
}

export function createGeminiClient(options: GeminiClientOptions): GeminiClient {
  const model = options.model || DEFAULT_GEMINI_MODEL;
  const ai = new GoogleGenAI({
    apiKey: options.apiKey,
    // Explicit, so GOOGLE_GENAI_USE_VERTEXAI in the environment cannot reroute the calls.
    vertexai: false,
    httpOptions: {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      timeout: options.timeoutMs,
      // The SDK reads every body whole (response.json()); this fetch is how it is bounded.
      fetch: cappedFetch(GEMINI_REPLY_MAX_BYTES),
      // No retryOptions: the SDK then makes exactly one attempt. A person is waiting for the
      // suggestion and the local fallback is instant, so retrying a 429/5xx would only add
      // latency (its default policy is 5 attempts with exponential backoff from 1 s).
    },
  });

  return {
    async classify(description, examples = []) {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // Our own deadline, independent of the SDK's: whatever happens inside the SDK (a stalled
      // body read, a future retry default), the caller is released after timeoutMs.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new GeminiError('timeout', `Gemini did not answer within ${options.timeoutMs} ms`));
        }, options.timeoutMs);
      });
      try {
        const call = ai.models.generateContent({
          model,
          contents: [{ role: 'user', parts: [{ text: buildUserPrompt(description, examples) }] }],
          config: {
            systemInstruction: SYSTEM_INSTRUCTION,
            responseMimeType: 'application/json',
            responseSchema: RESPONSE_SCHEMA,
            temperature: 0,
            candidateCount: 1,
            abortSignal: controller.signal,
            ...modelTuning(model),
          },
        });
        const response = await Promise.race([call, deadline]);
        return parseClassificationText(answerText(response));
      } catch (error) {
        throw toGeminiError(error, options.timeoutMs);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * `fetch` whose response bodies fail with a `too_large` GeminiError once they pass
 * `maxBytes`, cancelling the download there (which closes the connection), so a reply is
 * never held in memory beyond the cap. A declared Content-Length over the cap fails at once.
 */
function cappedFetch(maxBytes: number): typeof fetch {
  const tooLarge = () => new GeminiError('too_large', `Gemini's reply exceeds ${maxBytes} bytes`);
  return async (input, init) => {
    const response = await fetch(input, init);
    const body = response.body;
    if (!body) return response;
    if (Number(response.headers.get('content-length')) > maxBytes) {
      await body.cancel();
      throw tooLarge();
    }
    const reader = body.getReader();
    let received = 0;
    const capped = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        received += value.byteLength;
        if (received > maxBytes) {
          controller.error(tooLarge());
          await reader.cancel();
          return;
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(capped, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The first candidate's visible text, or a GeminiError saying why there is none. */
function answerText(response: GenerateContentResponse): string {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) throw new GeminiError('blocked', `prompt blocked: ${blockReason}`);
  const candidate = response.candidates?.[0];
  if (!candidate) throw new GeminiError('empty', 'no candidates in the response');
  // Assembled by hand rather than via `response.text`, which console.warns on non-text parts.
  const text = (candidate.content?.parts ?? [])
    .filter((part) => typeof part.text === 'string' && !part.thought)
    .map((part) => part.text)
    .join('');
  if (!text.trim()) throw new GeminiError('empty', `candidate has no text (finishReason ${candidate.finishReason ?? 'unknown'})`);
  return text;
}

function toGeminiError(error: unknown, timeoutMs: number): GeminiError {
  if (error instanceof GeminiError) return error;
  if (error instanceof ApiError) return new GeminiError('http', `HTTP ${error.status}: ${error.message}`, error.status);
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new GeminiError('timeout', `Gemini did not answer within ${timeoutMs} ms`);
  }
  const message = error instanceof Error ? `${error.message}${causeMessage(error)}` : String(error);
  return new GeminiError('network', message);
}

function causeMessage(error: Error): string {
  const cause = error.cause;
  return cause instanceof Error ? ` (${cause.message})` : '';
}
