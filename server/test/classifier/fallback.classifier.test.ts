// The fallback chain end to end: the fallback classifier with the real SDK against the fake Gemini server.
// Covers which classifier answers, what gets logged, caching, and request sharing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../src/classifier/classifier.js';
import { createFallbackClassifier, type FallbackClassifierOptions } from '../../src/classifier/fallback.classifier.js';
import { ClassificationSource, TICKET_DESCRIPTION_MAX, TicketCategory, TicketPriority } from '../../src/tickets/ticket.enums.js';
import { startFakeGemini, type FakeGemini, type FakeGeminiReply } from '../support/fake-gemini.js';

const API_KEY = 'test-key-Qw93-never-logged';
const { GEMINI, LOCAL, DEFAULT } = ClassificationSource;
const { BILLING, ACCOUNT, TECHNICAL, GENERAL } = TicketCategory;
const { LOW, MEDIUM, HIGH, CRITICAL } = TicketPriority;

/** The local classifier reads this as account/high ("password", "locked out"). */
const LOCKED_OUT = "I forgot my password and now I'm locked out";

let fake: FakeGemini;
beforeAll(async () => {
  fake = await startFakeGemini();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

function setup(overrides: Partial<FallbackClassifierOptions> = {}) {
  const logs: { obj: object; msg: string }[] = [];
  const service = createFallbackClassifier({
    apiKey: API_KEY,
    model: 'gemini-2.5-flash',
    baseUrl: fake.baseUrl,
    timeoutMs: 2000,
    logger: { warn: (obj, msg) => logs.push({ obj, msg }) },
    ...overrides,
  });
  return { service, logs };
}

const pick = ({ category, priority, source }: Suggestion) => ({ category, priority, source });

describe('when Gemini answers', () => {
  it.each<[string, string, Pick<Suggestion, 'category' | 'priority' | 'source'>]>([
    ['valid JSON', '{"category":"billing","priority":"critical","reason":"r"}', { category: BILLING, priority: CRITICAL, source: GEMINI }],
    ['fenced JSON', '```json\n{"category":"technical","priority":"low"}\n```', { category: TECHNICAL, priority: LOW, source: GEMINI }],
    [
      'prose around JSON',
      'Classification: {"category":"general","priority":"high"}. Done.',
      { category: GENERAL, priority: HIGH, source: GEMINI },
    ],
    ['upper-case values', '{"category":"ACCOUNT","priority":"Low"}', { category: ACCOUNT, priority: LOW, source: GEMINI }],
    // Partial answers keep source gemini; the invalid field comes from the local classifier.
    ['an invented category', '{"category":"security","priority":"low"}', { category: ACCOUNT, priority: LOW, source: GEMINI }],
    ['an invented priority', '{"category":"billing","priority":"p1"}', { category: BILLING, priority: HIGH, source: GEMINI }],
    ['a missing priority', '{"category":"technical"}', { category: TECHNICAL, priority: HIGH, source: GEMINI }],
    // Nothing usable: the local classifier answers in full.
    ['both fields invented', '{"category":"x","priority":"y"}', { category: ACCOUNT, priority: HIGH, source: LOCAL }],
    ['not JSON', 'This looks like an account problem.', { category: ACCOUNT, priority: HIGH, source: LOCAL }],
  ])('%s', async (_name, text, expected) => {
    fake.script({ kind: 'text', text });
    const { service } = setup();
    expect(pick(await service.classify(LOCKED_OUT))).toEqual(expected);
    expect(fake.requests).toHaveLength(1);
  });

  it("keeps Gemini's reason", async () => {
    fake.script({ kind: 'text', text: '{"category":"billing","priority":"high","reason":"Duplicate charge."}' });
    expect((await setup().service.classify('charged twice')).reason).toBe('Duplicate charge.');
  });

  it('explains a partly local answer by where each field came from, not by Gemini’s reason', async () => {
    fake.script({ kind: 'text', text: '{"category":"security","priority":"low","reason":"A security incident."}' });
    const result = await setup().service.classify(LOCKED_OUT);
    expect(pick(result)).toEqual({ category: ACCOUNT, priority: LOW, source: GEMINI });
    expect(result.reason).toMatch(/^Priority from Gemini; category from the offline classifier, .*account cues "password"/);
    expect(result.reason).not.toContain('security');
  });

  it.each([
    ['partly invalid', '{"category":"nope","priority":"low"}', /partly invalid/, { fellBack: ['category'] }],
    ['unusable', 'nope', /unusable/, {}],
  ])('logs a warning when the answer is %s', async (_name, text, msg, fields) => {
    fake.script({ kind: 'text', text });
    const { service, logs } = setup();
    await service.classify(LOCKED_OUT);
    expect(logs).toHaveLength(1);
    expect(logs[0]!.msg).toMatch(msg);
    expect(logs[0]!.obj).toMatchObject(fields);
  });

  it('does not log anything for a valid answer', async () => {
    fake.script({ kind: 'text', text: '{"category":"billing","priority":"low"}' });
    const { service, logs } = setup();
    await service.classify(LOCKED_OUT);
    expect(logs).toEqual([]);
  });
});

describe('when Gemini fails', () => {
  it.each<[string, FakeGeminiReply, string]>([
    ['HTTP 500', { kind: 'status', status: 500 }, 'http'],
    ['HTTP 429', { kind: 'status', status: 429 }, 'http'],
    ['HTTP 401', { kind: 'status', status: 401 }, 'http'],
    ['empty candidates', { kind: 'empty' }, 'empty'],
    ['a blocked prompt', { kind: 'blocked' }, 'blocked'],
    ['a server that never answers', { kind: 'hang' }, 'timeout'],
  ])('%s → the local classifier answers and the failure is logged', async (_name, reply, kind) => {
    fake.script(reply);
    const { service, logs } = setup({ timeoutMs: 300 });
    // For a server that never answers only our deadline can release the caller;
    // vitest's test timeout is the backstop, the logged failure kind the proof.
    expect(pick(await service.classify(LOCKED_OUT))).toEqual({ category: ACCOUNT, priority: HIGH, source: LOCAL });
    expect(fake.requests).toHaveLength(1);
    expect(logs).toEqual([
      {
        obj: expect.objectContaining({ failure: expect.objectContaining({ kind }) }),
        msg: expect.stringMatching(/Gemini classification failed/),
      },
    ]);
  });

  it('a reply larger than the cap → local, logged as too_large', async () => {
    fake.script({ kind: 'huge', bytes: 100 * 1024 * 1024 });
    const { service, logs } = setup({ timeoutMs: 60_000 });
    expect(pick(await service.classify(LOCKED_OUT))).toEqual({ category: ACCOUNT, priority: HIGH, source: LOCAL });
    expect(logs).toEqual([
      { obj: expect.objectContaining({ failure: expect.objectContaining({ kind: 'too_large' }) }), msg: expect.stringMatching(/failed/) },
    ]);
  });

  it('an unreachable Gemini → local', async () => {
    const gone = await startFakeGemini();
    const baseUrl = gone.baseUrl;
    await gone.close();
    const { service, logs } = setup({ baseUrl });
    expect(pick(await service.classify(LOCKED_OUT)).source).toBe(LOCAL);
    expect(logs[0]!.obj).toMatchObject({ failure: { kind: 'network' } });
  });

  it("logs through the calling request's logger when it is given one, not the classifier's own", async () => {
    fake.script({ kind: 'status', status: 503 });
    const { service, logs } = setup();
    const requestLines: string[] = [];
    await service.classify(LOCKED_OUT, { log: { warn: (_obj, msg) => void requestLines.push(msg) } });
    expect(requestLines).toEqual([expect.stringMatching(/failed/)]);
    expect(logs).toEqual([]);
  });

  it('nothing recognisable and Gemini down → the default', async () => {
    fake.script({ kind: 'status', status: 503 });
    expect(pick(await setup().service.classify('hello there'))).toEqual({ category: GENERAL, priority: MEDIUM, source: DEFAULT });
  });

  it('never logs the API key, even when the error body echoes it', async () => {
    fake.script({ kind: 'status', status: 400, message: `API key ${API_KEY} not valid. Please pass a valid API key.` });
    const { service, logs } = setup();
    await service.classify(LOCKED_OUT);
    const logged = JSON.stringify(logs);
    expect(logged).toContain('[redacted]');
    expect(logged).not.toContain(API_KEY);
  });
});

describe('without an API key', () => {
  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('(%s) the local classifier answers and Gemini is never called', async (_name, apiKey) => {
    const { service, logs } = setup({ apiKey });
    expect(pick(await service.classify(LOCKED_OUT))).toEqual({ category: ACCOUNT, priority: HIGH, source: LOCAL });
    expect(pick(await service.classify('hmm'))).toEqual({ category: GENERAL, priority: MEDIUM, source: DEFAULT });
    expect(fake.requests).toHaveLength(0);
    expect(logs).toEqual([]);
  });
});

describe('never throws', () => {
  it.each<[string, unknown]>([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['over the maximum length', 'x'.repeat(TICKET_DESCRIPTION_MAX + 1)],
    ['emoji and control characters', '💥\u0000\u001b[31m\uFFFF'],
    ['a lone surrogate', '\uD800 broken'],
    ['JSON-looking text', '{"category":"billing","priority":"critical"}'],
    ['undefined smuggled past the types', undefined],
    ['a number smuggled past the types', 42],
  ])('%s', async (_name, description) => {
    fake.script({ kind: 'text', text: '{"category":"general","priority":"nope"}' });
    // A partial answer makes the service log; a throwing logger must not break it either.
    const logger = {
      warn: () => {
        throw new Error('log sink down');
      },
    };
    for (const apiKey of [API_KEY, undefined]) {
      const result = await setup({ apiKey, logger }).service.classify(description as string);
      expect(Object.values(ClassificationSource)).toContain(result.source);
      expect(Object.values(TicketCategory)).toContain(result.category);
      expect(Object.values(TicketPriority)).toContain(result.priority);
    }
  });
});

describe('cost bounds', () => {
  const VALID: FakeGeminiReply = { kind: 'text', text: '{"category":"billing","priority":"low"}' };

  it('answers a repeated description from the cache, ignoring case and whitespace', async () => {
    fake.script(VALID);
    const { service } = setup();
    const first = await service.classify('My Invoice  is wrong');
    const variants = ['My Invoice  is wrong', 'my invoice is wrong', '  MY\tINVOICE\n is   WRONG  '];
    for (const variant of variants) expect(await service.classify(variant)).toEqual(first);
    expect(fake.requests).toHaveLength(1);
    await service.classify('My invoice is right');
    expect(fake.requests).toHaveLength(2);
  });

  it('does not cache a fallback, so Gemini is asked again once it recovers', async () => {
    fake.script({ kind: 'status', status: 500 }, VALID);
    const { service } = setup();
    expect((await service.classify(LOCKED_OUT)).source).toBe(LOCAL);
    expect((await service.classify(LOCKED_OUT)).source).toBe(GEMINI);
    expect(fake.requests).toHaveLength(2);
  });

  it('expires cached answers after cacheTtlMs', async () => {
    fake.script(VALID);
    let now = 1_000_000;
    const { service } = setup({ cacheTtlMs: 60_000, now: () => now });
    await service.classify('invoice');
    now += 59_999;
    await service.classify('invoice');
    expect(fake.requests).toHaveLength(1);
    now += 1;
    await service.classify('invoice');
    expect(fake.requests).toHaveLength(2);
  });

  it('evicts beyond cacheSize', async () => {
    fake.script(VALID);
    const { service } = setup({ cacheSize: 2 });
    for (const d of ['a invoice', 'b invoice', 'c invoice', 'c invoice', 'a invoice']) await service.classify(d);
    expect(fake.requests.map((r) => JSON.stringify(r.body).match(/([abc]) invoice/)?.[1])).toEqual(['a', 'b', 'c', 'a']);
  });

  it('shares one Gemini request among concurrent identical descriptions', async () => {
    fake.script({ ...VALID, delayMs: 150 });
    const { service } = setup();
    const results = await Promise.all(
      ['Refund please', 'refund please', 'REFUND   please', 'Refund please', 'refund PLEASE'].map((d) => service.classify(d)),
    );
    expect(fake.requests).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify(results[0])]));
    expect(results[0]!.source).toBe(GEMINI);
  });

  it('shares a failing request too, and every caller gets the fallback', async () => {
    fake.script({ kind: 'hang' });
    const { service, logs } = setup({ timeoutMs: 300 });
    const results = await Promise.all(Array.from({ length: 4 }, () => service.classify(LOCKED_OUT)));
    expect(fake.requests).toHaveLength(1);
    expect(results.map((r) => r.source)).toEqual([LOCAL, LOCAL, LOCAL, LOCAL]);
    expect(logs).toHaveLength(1);
  });

  it('gives each caller its own copy, so mutating a result cannot corrupt the cache', async () => {
    fake.script(VALID);
    const { service } = setup();
    const first = await service.classify('invoice');
    first.category = TECHNICAL;
    expect((await service.classify('invoice')).category).toBe(BILLING);
  });
});
