// The offline classifier: weighted keyword and phrase cues, no network and no model. It answers
// when Gemini is not configured or fails, and supplies the per-field fallback when Gemini's
// answer is only partly usable. Deterministic: the same text always gives the same answer.
import { ClassificationSource, TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';
import type { Classifier, Suggestion } from './classifier.js';

/**
 * A cue is a phrase (lowercase; `*` at the end of a word matches any word ending, so `refund*`
 * covers refunds/refunded) or a regular expression with a label for the reason text.
 * Weights: 3 = unambiguous on its own, 2 = strong hint, 1 = weak hint that only tips a balance,
 * 0 = a longer phrase that scores nothing but stops a shorter cue inside it from matching.
 */
type CuePattern = string | { label: string; regex: RegExp };
type CueSpec<L extends string> = readonly [L, number, CuePattern];

interface Cue<L extends string> {
  label: L;
  weight: number;
  name: string;
  regex: RegExp;
}

const { BILLING, ACCOUNT, TECHNICAL, GENERAL } = TicketCategory;
const { CRITICAL, HIGH, MEDIUM, LOW } = TicketPriority;

const CATEGORY_CUES: readonly CueSpec<TicketCategory>[] = [
  [BILLING, 3, 'charged twice'],
  [BILLING, 3, 'double charged'],
  [BILLING, 3, 'double charge'],
  [BILLING, 3, 'overcharged'],
  [BILLING, 3, 'invoic*'],
  [BILLING, 3, 'refund*'],
  [BILLING, 3, 'billing'],
  [BILLING, 3, 'billed'],
  [BILLING, 2, 'bill'],
  [BILLING, 3, 'receipt*'],
  [BILLING, 3, 'subscription*'],
  [BILLING, 3, 'credit card'],
  [BILLING, 3, 'debit card'],
  [BILLING, 3, 'card declined'],
  [BILLING, 3, 'payment method'],
  [BILLING, 3, 'chargeback'],
  [BILLING, 3, 'pricing'],
  [BILLING, 2, 'price*'],
  [BILLING, 3, 'vat'],
  [BILLING, 2, 'tax*'],
  [BILLING, 3, 'coupon*'],
  [BILLING, 3, 'promo code'],
  [BILLING, 3, 'discount*'],
  [BILLING, 3, 'paypal'],
  [BILLING, 3, 'bank transfer'],
  [BILLING, 3, 'wire transfer'],
  [BILLING, 3, 'money back'],
  [BILLING, 2, 'charge*'],
  [BILLING, 2, 'payment*'],
  [BILLING, 2, 'paid'],
  [BILLING, 2, 'pay'],
  [BILLING, 2, 'renewal'],
  [BILLING, 2, 'renews'],
  [BILLING, 2, 'seats'],
  [BILLING, 2, 'downgrad*'],
  [BILLING, 2, 'free plan'],
  [BILLING, 2, 'annual plan'],
  [BILLING, 2, 'monthly plan'],
  [BILLING, 1, 'plan'],
  [BILLING, 1, 'plans'],
  [BILLING, 1, 'upgrad*'],
  [BILLING, 1, 'trial'],
  [BILLING, 1, 'card'],
  [BILLING, 2, { label: 'an amount of money', regex: /[$€£]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:usd|eur|gbp)\b/ }],

  [ACCOUNT, 3, 'password*'],
  [ACCOUNT, 3, 'locked out'],
  [ACCOUNT, 3, '2fa'],
  [ACCOUNT, 3, 'mfa'],
  [ACCOUNT, 3, 'two-factor'],
  [ACCOUNT, 3, 'two factor'],
  [ACCOUNT, 3, 'authenticator'],
  [ACCOUNT, 3, 'log in'],
  [ACCOUNT, 3, 'login'],
  [ACCOUNT, 3, 'sign in'],
  [ACCOUNT, 3, 'sign-in'],
  [ACCOUNT, 3, 'signed up'],
  [ACCOUNT, 3, 'logged into'],
  [ACCOUNT, 3, 'username'],
  [ACCOUNT, 3, 'user name'],
  [ACCOUNT, 3, 'email change'],
  [ACCOUNT, 3, 'change my email'],
  [ACCOUNT, 3, 'changed my email'],
  [ACCOUNT, 2, 'email address'],
  [ACCOUNT, 3, 'delete my account'],
  [ACCOUNT, 3, 'close my account'],
  [ACCOUNT, 3, 'deactivat*'],
  [ACCOUNT, 3, 'reset link'],
  [ACCOUNT, 3, 'verification code*'],
  [ACCOUNT, 3, 'security question'],
  [ACCOUNT, 3, 'sso'],
  [ACCOUNT, 3, 'saml'],
  [ACCOUNT, 3, 'okta'],
  [ACCOUNT, 3, 'remember me'],
  [ACCOUNT, 2, 'credentials'],
  [ACCOUNT, 2, 'profile'],
  [ACCOUNT, 2, 'admin*'],
  [ACCOUNT, 2, 'permission*'],
  [ACCOUNT, 2, 'invit*'],
  [ACCOUNT, 2, 'ownership'],
  [ACCOUNT, 2, 'phone number'],
  [ACCOUNT, 2, 'logged out'],
  [ACCOUNT, 2, 'access'],
  [ACCOUNT, 1, 'account'],
  [ACCOUNT, 1, 'accounts'],
  [ACCOUNT, 1, 'workspace'],
  [ACCOUNT, 1, 'guest*'],
  [ACCOUNT, 1, 'gdpr'],

  [TECHNICAL, 3, 'error*'],
  [TECHNICAL, 3, 'crash*'],
  [TECHNICAL, 3, 'bug*'],
  [TECHNICAL, 3, 'exception'],
  [TECHNICAL, 3, 'stack trace'],
  [TECHNICAL, 3, 'timeout*'],
  [TECHNICAL, 3, 'time out'],
  [TECHNICAL, 3, 'times out'],
  [TECHNICAL, 3, 'timed out'],
  [TECHNICAL, 3, 'not loading'],
  [TECHNICAL, 3, "doesn't load"],
  [TECHNICAL, 3, "won't load"],
  [TECHNICAL, 3, 'never loads'],
  [TECHNICAL, 3, 'webhook*'],
  [TECHNICAL, 3, 'api'],
  [TECHNICAL, 3, { label: 'an HTTP error status', regex: /(?<![$€£\d.,])\b(?:40[0134]|429|50[0-4])\b(?!\s*(?:users|rows|mb|gb|seats|customers|people|items))/ }],
  [TECHNICAL, 2, 'endpoint*'],
  [TECHNICAL, 2, 'integration*'],
  [TECHNICAL, 2, 'sync*'],
  [TECHNICAL, 2, 'outage'],
  [TECHNICAL, 2, 'broken'],
  [TECHNICAL, 2, 'freez*'],
  [TECHNICAL, 2, 'glitch*'],
  [TECHNICAL, 2, 'slow'],
  [TECHNICAL, 2, 'spinning'],
  [TECHNICAL, 2, 'blank page'],
  [TECHNICAL, 2, 'white screen'],
  [TECHNICAL, 2, 'not working'],
  [TECHNICAL, 2, 'stopped working'],
  [TECHNICAL, 2, "doesn't work"],
  [TECHNICAL, 2, 'upload*'],
  [TECHNICAL, 2, 'install*'],
  [TECHNICAL, 2, 'mobile app'],
  [TECHNICAL, 2, 'ios'],
  [TECHNICAL, 2, 'android'],
  [TECHNICAL, 2, 'typo'],
  [TECHNICAL, 2, 'rate limit'],
  [TECHNICAL, 2, 'data loss'],
  [TECHNICAL, 2, 'lost all'],
  [TECHNICAL, 2, 'deleted'],
  [TECHNICAL, 2, 'duplicat*'],
  [TECHNICAL, 2, 'dashboard'],
  [TECHNICAL, 2, 'export*'],
  [TECHNICAL, 2, 'import*'],
  [TECHNICAL, 1, 'down'],
  [TECHNICAL, 1, 'fails'],
  [TECHNICAL, 1, 'failed'],
  [TECHNICAL, 1, 'failing'],
  [TECHNICAL, 1, 'browser'],
  [TECHNICAL, 1, 'chrome'],
  [TECHNICAL, 1, 'firefox'],
  [TECHNICAL, 1, 'safari'],
  [TECHNICAL, 1, 'app'],
  [TECHNICAL, 1, 'page'],
  [TECHNICAL, 1, 'button'],
  [TECHNICAL, 1, 'console'],
  [TECHNICAL, 1, 'notification*'],
  [TECHNICAL, 1, 'update'],
  [TECHNICAL, 1, 'release'],

  // General has vocabulary of its own, so that an enquiry mentioning "outage" or "plans" can
  // still land in general rather than being dragged into another category by one word.
  [GENERAL, 3, 'feature request'],
  [GENERAL, 3, 'status page'],
  [GENERAL, 3, 'partner*'],
  [GENERAL, 3, 'reseller*'],
  [GENERAL, 3, 'privacy policy'],
  [GENERAL, 3, 'terms of service'],
  [GENERAL, 3, 'dpa'],
  [GENERAL, 3, 'compliance'],
  [GENERAL, 3, 'compliant'],
  [GENERAL, 3, 'soc 2'],
  [GENERAL, 3, 'hipaa'],
  [GENERAL, 3, 'iso 27001'],
  [GENERAL, 3, 'case study'],
  [GENERAL, 3, 'roadmap'],
  [GENERAL, 3, 'training'],
  [GENERAL, 3, 'webinar*'],
  [GENERAL, 3, 'support hours'],
  [GENERAL, 3, 'best practice*'],
  [GENERAL, 3, 'journalist'],
  [GENERAL, 3, 'press'],
  [GENERAL, 2, 'feedback'],
  [GENERAL, 2, 'suggestion*'],
  [GENERAL, 2, 'would be great'],
  [GENERAL, 2, 'would be nice'],
  [GENERAL, 2, 'logo'],
  [GENERAL, 2, 'legal'],
  [GENERAL, 1, 'thank*'],
];

const PRIORITY_CUES: readonly CueSpec<TicketPriority>[] = [
  [CRITICAL, 3, 'outage'],
  [CRITICAL, 3, 'all users'],
  [CRITICAL, 3, 'all our users'],
  [CRITICAL, 3, 'all of our users'],
  [CRITICAL, 3, 'all customers'],
  [CRITICAL, 3, 'all our customers'],
  [CRITICAL, 3, 'all of our customers'],
  [CRITICAL, 3, 'entire company'],
  [CRITICAL, 3, 'whole company'],
  [CRITICAL, 3, 'entire team'],
  [CRITICAL, 3, 'whole team'],
  [CRITICAL, 3, 'nobody can'],
  [CRITICAL, 3, 'no one can'],
  [CRITICAL, 3, 'for everyone'],
  [CRITICAL, 3, 'production down'],
  [CRITICAL, 3, 'production is down'],
  [CRITICAL, 3, 'completely down'],
  [CRITICAL, 3, 'security breach'],
  [CRITICAL, 3, 'breach*'],
  [CRITICAL, 3, 'hacked'],
  [CRITICAL, 3, 'compromised'],
  [CRITICAL, 3, 'unauthorized access'],
  [CRITICAL, 3, 'unauthorised access'],
  [CRITICAL, 3, 'did not do this'],
  [CRITICAL, 3, "wasn't me"],
  [CRITICAL, 3, 'vulnerability'],
  [CRITICAL, 3, 'data loss'],
  [CRITICAL, 3, 'data leak'],
  [CRITICAL, 3, 'lost all'],
  [CRITICAL, 3, 'emergency'],
  [CRITICAL, 2, 'security'],
  // Weight 0: phrases that only hide the shorter "security" cue they contain (see findHits).
  [CRITICAL, 0, 'security question*'],
  [CRITICAL, 0, 'security code*'],
  [CRITICAL, 0, 'security key*'],
  [CRITICAL, 0, 'security settings'],
  [CRITICAL, 2, 'deleted'],
  [CRITICAL, 2, 'critical'],
  [CRITICAL, 2, { label: 'thousands affected', regex: /\b\d{1,3}(?:,\d{3})+\s+(?:customers|users|people|recipients)\b/ }],

  [HIGH, 3, 'urgent*'],
  [HIGH, 3, 'asap'],
  [HIGH, 3, 'as soon as possible'],
  [HIGH, 3, 'blocked'],
  [HIGH, 3, 'locked out'],
  [HIGH, 3, 'charged twice'],
  [HIGH, 3, 'double charged'],
  [HIGH, 3, 'overcharged'],
  [HIGH, 3, 'money back'],
  [HIGH, 3, 'losing sales'],
  [HIGH, 3, 'losing money'],
  [HIGH, 2, 'cannot'],
  [HIGH, 2, "can't"],
  [HIGH, 2, 'can not'],
  [HIGH, 2, 'unable to'],
  [HIGH, 2, "couldn't"],
  [HIGH, 2, 'crash*'],
  [HIGH, 2, 'not working'],
  [HIGH, 2, 'stopped working'],
  [HIGH, 2, 'is down'],
  [HIGH, 2, 'lose access'],
  [HIGH, 2, 'lost access'],
  [HIGH, 2, 'suspend*'],
  [HIGH, 2, 'deactivated'],
  [HIGH, 2, 'production'],
  [HIGH, 2, 'deadline'],
  [HIGH, 2, 'nothing works'],
  [HIGH, 1, 'immediately'],

  [MEDIUM, 3, 'workaround'],
  [MEDIUM, 2, 'intermittent*'],
  [MEDIUM, 2, 'sometimes'],
  [MEDIUM, 2, 'occasionally'],
  [MEDIUM, 2, 'wrong'],
  [MEDIUM, 1, 'incorrect'],
  [MEDIUM, 1, 'missing'],

  [LOW, 4, 'not urgent'],
  [LOW, 4, 'no rush'],
  [LOW, 4, 'low priority'],
  [LOW, 4, 'whenever you get a chance'],
  [LOW, 3, 'feature request'],
  [LOW, 3, 'suggestion*'],
  [LOW, 3, 'would be great'],
  [LOW, 3, 'would be nice'],
  [LOW, 3, 'typo'],
  [LOW, 3, 'cosmetic'],
  [LOW, 3, 'how do i'],
  [LOW, 3, 'how can i'],
  [LOW, 3, 'how to'],
  [LOW, 3, 'is it possible'],
  [LOW, 3, 'where can i'],
  [LOW, 3, 'just wanted'],
  [LOW, 3, 'please ignore'],
  [LOW, 2, 'question'],
  [LOW, 2, 'is there'],
  [LOW, 2, 'are there'],
  [LOW, 2, 'do you'],
  [LOW, 2, 'can i'],
  [LOW, 2, 'can you add'],
  [LOW, 2, 'could you'],
  [LOW, 2, "what's the"],
  [LOW, 2, 'what are'],
  [LOW, 2, 'who should i'],
  [LOW, 2, 'who do i'],
  [LOW, 2, "i'd like to"],
  [LOW, 2, 'wondering'],
  [LOW, 2, 'curious'],
  [LOW, 2, 'minor'],
  [LOW, 1, 'thank*'],
];

/** Order used to break equal scores. Money and access problems have dedicated queues, so a tie
 * goes to the narrower category; for priority a tie goes to the more severe level, because
 * under-triaging an urgent ticket costs more than over-triaging a routine one. */
const CATEGORY_PRECEDENCE: readonly TicketCategory[] = [BILLING, ACCOUNT, TECHNICAL, GENERAL];
const PRIORITY_PRECEDENCE: readonly TicketPriority[] = [CRITICAL, HIGH, MEDIUM, LOW];

const REASON_CUES_SHOWN = 3;

function compilePhrase(phrase: string): RegExp {
  const source = phrase
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        // A trailing `*` means "any word ending".
        .replace(/\*$/, '[a-z0-9]*'),
    )
    .join('[\\s-]+');
  // Boundaries are letters and digits rather than \b, so cues containing apostrophes or
  // hyphens ("can't", "two-factor") still anchor correctly.
  return new RegExp(`(?<![a-z0-9])${source}(?![a-z0-9])`, 'g');
}

function compile<L extends string>(specs: readonly CueSpec<L>[]): Cue<L>[] {
  return specs.map(([label, weight, pattern]) =>
    typeof pattern === 'string'
      ? { label, weight, name: pattern.replace(/\*/g, ''), regex: compilePhrase(pattern) }
      : { label, weight, name: pattern.label, regex: new RegExp(pattern.regex.source, 'g') },
  );
}

const COMPILED_CATEGORY_CUES = compile(CATEGORY_CUES);
const COMPILED_PRIORITY_CUES = compile(PRIORITY_CUES);

interface Hit<L extends string> {
  cue: Cue<L>;
  start: number;
  end: number;
}

/** Lowercases and straightens typographic apostrophes so "can’t" matches the cue "can't". */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');
}

/**
 * Finds the cues present in the text. Longer matches win over the shorter ones they overlap
 * ("not urgent" hides "urgent", "security question" hides "security"), and each cue counts
 * once however often it appears, so repeating a word cannot inflate a score.
 */
function findHits<L extends string>(text: string, cues: readonly Cue<L>[]): Hit<L>[] {
  const all: Hit<L>[] = [];
  for (const cue of cues) {
    cue.regex.lastIndex = 0;
    for (const match of text.matchAll(cue.regex)) {
      all.push({ cue, start: match.index, end: match.index + match[0].length });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit<L>[] = [];
  const seen = new Set<Cue<L>>();
  for (const hit of all) {
    if (seen.has(hit.cue)) continue;
    if (kept.some((k) => hit.start < k.end && k.start < hit.end)) continue;
    kept.push(hit);
    seen.add(hit.cue);
  }
  return kept.sort((a, b) => a.start - b.start);
}

interface Winner<L extends string> {
  label: L;
  cues: string[];
}

function pickWinner<L extends string>(hits: readonly Hit<L>[], precedence: readonly L[]): Winner<L> | null {
  if (hits.length === 0) return null;
  const scores = new Map<L, number>();
  for (const hit of hits) scores.set(hit.cue.label, (scores.get(hit.cue.label) ?? 0) + hit.cue.weight);
  let best: L | null = null;
  for (const label of precedence) {
    const score = scores.get(label) ?? 0;
    if (score > 0 && (best === null || score > (scores.get(best) ?? 0))) best = label;
  }
  if (best === null) return null;
  const winner = best;
  return { label: winner, cues: hits.filter((h) => h.cue.label === winner && h.cue.weight > 0).map((h) => h.cue.name) };
}

function quoteCues(cues: readonly string[]): string {
  return cues
    .slice(0, REASON_CUES_SHOWN)
    .map((c) => `"${c}"`)
    .join(', ');
}

/** The answer when the text carries no recognisable signal at all. */
export const DEFAULT_SUGGESTION: Readonly<Suggestion> = Object.freeze({
  category: GENERAL,
  priority: MEDIUM,
  source: ClassificationSource.DEFAULT,
  reason: null,
});

function findWinners(description: string) {
  const text = normalize(description);
  return {
    category: pickWinner(findHits(text, COMPILED_CATEGORY_CUES), CATEGORY_PRECEDENCE),
    priority: pickWinner(findHits(text, COMPILED_PRIORITY_CUES), PRIORITY_PRECEDENCE),
  };
}

/** Why each field has its value, on its own: for an answer completed field by field. */
export function localFieldReasons(description: string): Record<'category' | 'priority', string> {
  const { category, priority } = findWinners(description);
  return {
    category: category ? `keyword match on ${category.label} cues ${quoteCues(category.cues)}` : `no category cues, so ${GENERAL}`,
    priority: priority ? `keyword match on ${priority.label} priority cues ${quoteCues(priority.cues)}` : `no priority cues, so ${MEDIUM}`,
  };
}

/** Synchronous core, exported for the service's per-field fallback and for tests. */
export function classifyLocally(description: string): Suggestion {
  const { category, priority } = findWinners(description);
  if (!category && !priority) return { ...DEFAULT_SUGGESTION };

  const parts: string[] = [];
  if (category) parts.push(`${category.label} cues ${quoteCues(category.cues)}`);
  if (priority) parts.push(`${priority.label} priority cues ${quoteCues(priority.cues)}`);
  return {
    category: category?.label ?? GENERAL,
    priority: priority?.label ?? MEDIUM,
    source: ClassificationSource.LOCAL,
    reason: `Keyword match: ${parts.join('; ')}.`,
  };
}

export function createLocalClassifier(): Classifier {
  return {
    classify: (description) => Promise.resolve(classifyLocally(description)),
  };
}
