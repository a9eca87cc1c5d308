// Realistic synthetic tickets for seeding and benchmarks: titles and descriptions
// built from a vocabulary of support phrases, skewed category/priority/status
// distributions, creation times over two years with growth and weekly rhythm, and
// consistent resolved_at/updated_at. Deterministic for a given seed.
import type { ClassificationSource, TicketCategory, TicketPriority, TicketStatus } from '../tickets/ticket.enums.js';

export interface SeedTicket {
  title: string;
  description: string;
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  suggestedCategory: TicketCategory | null;
  suggestedPriority: TicketPriority | null;
  classificationSource: ClassificationSource | null;
  /**
   * The priority the ticket was saved with when a suggestion was shown (null without
   * one): for about two in five it differs from `priority`, a later escalation or
   * de-escalation that the seeded history records as a priority change.
   */
  filedPriority: TicketPriority | null;
}

const PRIORITY_ORDER: readonly TicketPriority[] = ['low', 'medium', 'high', 'critical'] as TicketPriority[];

/** A phrase planted in about one ticket in 20,000: the benchmark's "rare phrase" search. */
export const RARE_PHRASE = 'kerberos keytab';

const DAY_MS = 86_400_000;

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

function weighted<T>(random: () => number, table: Weighted<T>): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [value, w] of table) {
    x -= w;
    if (x < 0) return value;
  }
  return table[table.length - 1]![0];
}

const CATEGORY_WEIGHTS: Weighted<TicketCategory> = [
  ['technical' as TicketCategory, 38],
  ['billing' as TicketCategory, 27],
  ['account' as TicketCategory, 22],
  ['general' as TicketCategory, 13],
];

const PRIORITY_WEIGHTS: Record<string, Weighted<TicketPriority>> = {
  technical: [
    ['low' as TicketPriority, 22],
    ['medium' as TicketPriority, 40],
    ['high' as TicketPriority, 27],
    ['critical' as TicketPriority, 11],
  ],
  billing: [
    ['low' as TicketPriority, 25],
    ['medium' as TicketPriority, 42],
    ['high' as TicketPriority, 26],
    ['critical' as TicketPriority, 7],
  ],
  account: [
    ['low' as TicketPriority, 28],
    ['medium' as TicketPriority, 44],
    ['high' as TicketPriority, 22],
    ['critical' as TicketPriority, 6],
  ],
  general: [
    ['low' as TicketPriority, 52],
    ['medium' as TicketPriority, 38],
    ['high' as TicketPriority, 8],
    ['critical' as TicketPriority, 2],
  ],
};

// Older tickets are mostly done; this week's are mostly still open.
const STATUS_BY_AGE: readonly { maxAgeDays: number; weights: Weighted<TicketStatus> }[] = [
  {
    maxAgeDays: 2,
    weights: [
      ['open' as TicketStatus, 60],
      ['in_progress' as TicketStatus, 28],
      ['resolved' as TicketStatus, 10],
      ['closed' as TicketStatus, 2],
    ],
  },
  {
    maxAgeDays: 14,
    weights: [
      ['open' as TicketStatus, 22],
      ['in_progress' as TicketStatus, 26],
      ['resolved' as TicketStatus, 38],
      ['closed' as TicketStatus, 14],
    ],
  },
  {
    maxAgeDays: 60,
    weights: [
      ['open' as TicketStatus, 4],
      ['in_progress' as TicketStatus, 6],
      ['resolved' as TicketStatus, 45],
      ['closed' as TicketStatus, 45],
    ],
  },
  {
    maxAgeDays: Infinity,
    weights: [
      ['open' as TicketStatus, 0.6],
      ['in_progress' as TicketStatus, 0.9],
      ['resolved' as TicketStatus, 28],
      ['closed' as TicketStatus, 70.5],
    ],
  },
];

const SOURCE_WEIGHTS: Weighted<ClassificationSource | null> = [
  ['gemini' as ClassificationSource, 62],
  ['local' as ClassificationSource, 20],
  ['default' as ClassificationSource, 3],
  [null, 15],
];

const PRODUCTS = [
  'the mobile app',
  'the web dashboard',
  'the desktop client',
  'the API',
  'the admin console',
  'the iOS app',
  'the Android app',
  'the reporting module',
  'the checkout page',
  'the browser extension',
];
const BROWSERS = ['Chrome', 'Firefox', 'Safari', 'Edge', 'Brave', 'Opera'];
const SYSTEMS = ['Windows 11', 'macOS Sonoma', 'Ubuntu 22.04', 'iOS 17', 'Android 14', 'ChromeOS'];
const PLANS = ['Starter', 'Team', 'Business', 'Enterprise', 'Pro'];
const WHEN = [
  'since this morning',
  'since yesterday',
  'for two days now',
  'since the last update',
  'after the maintenance window',
  'since we migrated',
  'every few hours',
  'intermittently this week',
];

const SUBJECTS: Record<string, readonly string[]> = {
  technical: [
    'Error 500 when saving',
    'App crashes on startup',
    'Sync stuck at 99%',
    'Page loads forever',
    'Webhook deliveries failing',
    'Export to CSV produces an empty file',
    'Search returns no results',
    'Upload fails with a timeout',
    'Notifications not arriving',
    'Integration with Slack disconnected',
    'Dashboard charts are blank',
    'API returns 429 too often',
    'Login page shows a blank screen',
    'Data missing after import',
    'SSO redirect loop',
    'Attachments cannot be opened',
    'Calendar events duplicated',
    'Memory usage keeps growing',
    'Mobile app freezes when scrolling',
    'Scheduled report never sent',
  ],
  billing: [
    'Charged twice this month',
    'Refund not received',
    'Invoice shows the wrong amount',
    'Cannot update payment method',
    'Unexpected charge on card',
    'Need a copy of last invoice',
    'Downgrade did not lower the price',
    'VAT number missing on invoice',
    'Card declined at renewal',
    'Question about annual billing',
    'Proration looks wrong',
    'Coupon code not applied',
    'Billing address cannot be changed',
    'Trial converted without notice',
    'Credit note request',
  ],
  account: [
    'Cannot log in',
    'Password reset email never arrives',
    'Locked out after 2FA change',
    'Need to change account owner',
    'Delete my account',
    'Two-factor codes rejected',
    'Email address change',
    'Invite link expired',
    'User cannot see shared workspace',
    'Merge two accounts',
    'Account suspended by mistake',
    'Remove a former employee',
    'Username already taken',
    'Recovery codes lost',
    'Session expires too quickly',
  ],
  general: [
    'Feature request: dark mode',
    'How do I export my data?',
    'Question about data retention',
    'Where is the API documentation?',
    'Suggestion for the onboarding',
    'Do you offer a nonprofit discount?',
    'Request for a product demo',
    'Accessibility feedback',
    'Is there a status page?',
    'Compliance questionnaire',
    'Training for our team',
    'Roadmap question',
    'Keyboard shortcuts list',
    'Partnership inquiry',
    'Feedback on the new design',
  ],
};

const DETAILS: Record<string, readonly string[]> = {
  technical: [
    'The error message says "Something went wrong" with code E{code}.',
    'It happens in {product} on {browser} under {os}.',
    'Clearing the cache and reinstalling did not help.',
    'Our logs show a timeout after 30 seconds on request {ref}.',
    'About {n} of our users are affected.',
    'The problem started {when}.',
    'Rolling back to the previous version fixes it temporarily.',
    'Screenshots of the console output are attached.',
    'The sync log ends with "connection reset by peer".',
    'It only fails for files larger than {n} MB.',
    'Retrying the same request a minute later usually works.',
    'We see a spike of 502 responses in our monitoring.',
    'The webhook endpoint responds with 200 but the events are marked as failed.',
    'The job queue shows {n} pending tasks that never finish.',
  ],
  billing: [
    'The charge of ${amount} appeared twice on my statement.',
    'Our plan is {plan}, billed monthly.',
    'The invoice number is INV-{ref}.',
    'I requested the refund {when} and have not heard back.',
    'The card ending in {last4} should be the default.',
    'We need the invoice to show our company name and VAT number.',
    'The renewal price was ${amount}, but the pricing page says otherwise.',
    'Our finance team needs this resolved before the end of the month.',
    'We downgraded to {plan} but were still charged for the old seats.',
    'Please send the receipt to our accounts payable address.',
  ],
  account: [
    'I tried the password reset link three times.',
    'My username is user{ref} and the workspace is team-{code}.',
    'The verification code is always rejected.',
    'I changed phones and lost access to my authenticator app.',
    'The invite was sent {when} but the link says it expired.',
    'Our admin left the company and nobody can manage billing or users.',
    'I get "invalid credentials" although the password is correct.',
    'Single sign-on worked until {when}.',
    'Please confirm the identity check steps you need from me.',
    'The account shows as suspended without any email.',
  ],
  general: [
    'It would help our team of {n} people a lot.',
    'We are evaluating the {plan} plan for next quarter.',
    'I could not find this in the help center.',
    'A link to the documentation would be enough.',
    'We would be happy to join a beta.',
    'Our legal team asked about data residency in the EU.',
    'Could you share the timeline, even roughly?',
    'Several colleagues asked the same question.',
    'The onboarding emails were useful, thanks.',
  ],
};

const OPENINGS = ['Hello,', 'Hi team,', 'Hi there,', 'Good morning,', 'Dear support,', 'Hey,', ''];
const CLOSINGS = [
  'Thanks in advance.',
  'Please advise.',
  'Any help is appreciated.',
  'Thank you!',
  'Regards.',
  'This is urgent for us.',
  'Let me know if you need more details.',
  '',
];

export interface GeneratorOptions {
  seed?: number;
  /** The end of the creation window (default: now). */
  now?: Date;
  /** Length of the creation window in days (default: two years). */
  days?: number;
  /**
   * How many tickets will be drawn. When given, creation times come out oldest
   * first, as a real ticket table fills (ids follow time), instead of in random order.
   */
  count?: number;
}

export function createTicketGenerator(options: GeneratorOptions = {}): () => SeedTicket {
  const random = createRandom(options.seed ?? 1);
  // A stream of its own for the later priority changes, so that adding them left every
  // other generated value (and so every earlier seed's tickets) as it was.
  const reprioritise = createRandom((options.seed ?? 1) ^ 0x2545f491);
  const now = (options.now ?? new Date()).getTime();
  const spanMs = (options.days ?? 730) * DAY_MS;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, key: string) => {
      switch (key) {
        case 'code':
          return String(int(1000, 9999));
        case 'ref':
          return String(int(10000, 999999));
        case 'n':
          return String(int(2, 250));
        case 'amount':
          return `${int(9, 899)}.${String(int(0, 99)).padStart(2, '0')}`;
        case 'last4':
          return String(int(1000, 9999));
        case 'product':
          return pick(PRODUCTS);
        case 'browser':
          return pick(BROWSERS);
        case 'os':
          return pick(SYSTEMS);
        case 'plan':
          return pick(PLANS);
        case 'when':
          return pick(WHEN);
        default:
          return key;
      }
    });

  const randomCreatedAt = (): number => {
    for (;;) {
      // Volume grows over the window (density rises linearly), quieter at weekends.
      const t = now - spanMs + Math.sqrt(random()) * spanMs;
      const weekday = new Date(t).getUTCDay();
      if ((weekday === 0 || weekday === 6) && random() < 0.6) continue;
      return Math.floor(t);
    }
  };
  let createdAt = randomCreatedAt;
  if (options.count !== undefined) {
    const times = new Float64Array(options.count);
    for (let i = 0; i < times.length; i += 1) times[i] = randomCreatedAt();
    times.sort();
    let next = 0;
    createdAt = () => (next < times.length ? times[next++]! : randomCreatedAt());
  }

  const description = (category: string, subject: string): string => {
    const target = int(100, 600);
    const parts: string[] = [];
    const opening = pick(OPENINGS);
    if (opening) parts.push(opening);
    parts.push(`${subject} ${pick(WHEN)}.`);
    let length = parts.join(' ').length;
    const pool = random() < 0.85 ? DETAILS[category]! : DETAILS[pick(Object.keys(DETAILS))]!;
    while (length < target - 20) {
      const sentence = fill(pick(pool));
      parts.push(sentence);
      length += sentence.length + 1;
    }
    if (random() < 0.00005) parts.push(`We use a ${RARE_PHRASE} for authentication.`);
    const closing = pick(CLOSINGS);
    if (closing) parts.push(closing);
    let text = parts.join(' ');
    if (text.length > 600) text = `${text.slice(0, 597).trimEnd()}...`;
    while (text.length < 100) text += ` ${fill(pick(pool))}`;
    return text.slice(0, 600);
  };

  return () => {
    const category = weighted(random, CATEGORY_WEIGHTS);
    const priority = weighted(random, PRIORITY_WEIGHTS[category]!);
    const created = createdAt();
    const ageDays = (now - created) / DAY_MS;
    const status = weighted(random, STATUS_BY_AGE.find((b) => ageDays <= b.maxAgeDays)!.weights);
    const done = status === 'resolved' || status === 'closed';
    // Resolution takes minutes to weeks (log-uniform), never beyond now.
    const resolved = done ? Math.min(now, created + Math.floor(Math.exp(Math.log(600_000) + random() * Math.log(3_000)))) : null;
    const updated = resolved ?? Math.min(now, created + Math.floor(random() * random() * 3 * DAY_MS));
    const subject = pick(SUBJECTS[category]!);
    const title = random() < 0.3 ? `${subject} (${pick(PRODUCTS)})` : subject;

    // Two in five tickets with a suggestion are saved with another priority than they
    // have now (escalated or calmed later); the suggestion was judged against that one.
    const later = reprioritise() < 0.4;
    const shift = Math.floor(reprioritise() * 3);
    const firstPriority = later ? PRIORITY_ORDER[(PRIORITY_ORDER.indexOf(priority) + 1 + shift) % 4]! : priority;
    const source = weighted(random, SOURCE_WEIGHTS);
    let suggestedCategory: TicketCategory | null = null;
    let suggestedPriority: TicketPriority | null = null;
    if (source !== null) {
      // Agents keep about four suggestions in five; otherwise one of the two differs.
      const kept = random() < 0.78;
      suggestedCategory = kept || random() < 0.5 ? category : weighted(random, CATEGORY_WEIGHTS);
      suggestedPriority = kept ? firstPriority : weighted(random, PRIORITY_WEIGHTS[category]!);
      if (source === 'default') {
        suggestedCategory = 'general' as TicketCategory;
        suggestedPriority = 'medium' as TicketPriority;
      }
    }
    return {
      title,
      description: description(category, subject),
      category,
      priority,
      status,
      createdAt: new Date(created),
      updatedAt: new Date(updated),
      resolvedAt: resolved === null ? null : new Date(resolved),
      suggestedCategory,
      suggestedPriority,
      classificationSource: source,
      filedPriority: source === null ? null : firstPriority,
    };
  };
}
