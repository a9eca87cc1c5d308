// Unit tables for the offline keyword classifier: the signals it reads, how it breaks ties, and
// its default when nothing matches.
import { describe, expect, it } from 'vitest';
import { classifyLocally, createLocalClassifier, DEFAULT_SUGGESTION } from '../../src/classifier/local.classifier.js';
import { ClassificationSource, TicketCategory, TicketPriority } from '../../src/tickets/ticket.enums.js';

const { BILLING, ACCOUNT, TECHNICAL, GENERAL } = TicketCategory;
const { LOW, MEDIUM, HIGH, CRITICAL } = TicketPriority;

describe('classifyLocally', () => {
  it.each<[string, TicketCategory, TicketPriority]>([
    ['I was charged twice this month', BILLING, HIGH],
    ['Please send the invoice for May', BILLING, MEDIUM],
    ['Where is my refund?', BILLING, MEDIUM],
    ['My credit card payment failed', BILLING, MEDIUM],
    ['I forgot my password', ACCOUNT, MEDIUM],
    ["I'm locked out of my account", ACCOUNT, HIGH],
    ['2FA codes are not accepted', ACCOUNT, MEDIUM],
    ['How do I change my username?', ACCOUNT, LOW],
    ['Please delete my account', ACCOUNT, MEDIUM],
    ['The app crashes when I open settings', TECHNICAL, HIGH],
    ['The API returns a 500 error', TECHNICAL, MEDIUM],
    ['Requests time out after 30 seconds', TECHNICAL, MEDIUM],
    ['Production down for all users, total outage', TECHNICAL, CRITICAL],
    ['Possible data loss after the sync', TECHNICAL, CRITICAL],
    ['Typo on the pricing page', BILLING, LOW],
    ['Feature request: dark mode', GENERAL, LOW],
    ['URGENT, please call me back', GENERAL, HIGH],
    ['Do you have a partner program?', GENERAL, LOW],
  ])('%j → %s / %s', (description, category, priority) => {
    const result = classifyLocally(description);
    expect({ category: result.category, priority: result.priority, source: result.source }).toEqual({
      category,
      priority,
      source: ClassificationSource.LOCAL,
    });
  });

  it.each(['', '   ', 'hello', 'asdf qwerty zxcv', '🙂🙂🙂', 'Bonjour, merci beaucoup'])(
    'nothing recognisable in %j → the default',
    (description) => {
      expect(classifyLocally(description)).toEqual(DEFAULT_SUGGESTION);
      expect(DEFAULT_SUGGESTION).toEqual({ category: GENERAL, priority: MEDIUM, source: ClassificationSource.DEFAULT, reason: null });
    },
  );

  it('names the matched cues in its reason', () => {
    expect(classifyLocally('I was charged twice and want a refund asap').reason).toBe(
      'Keyword match: billing cues "charged twice", "refund"; high priority cues "charged twice", "asap".',
    );
  });

  it.each<[string, string, string[]]>([
    ['a word-ending cue names the word written, not its stem', 'Our invoices were deactivated', ['"invoices"', '"deactivated"']],
    ['a phrase cue names the phrase as written', 'I was Charged  Twice', ['"charged twice"']],
    ['a pattern cue names what it stands for', 'They took $40 from me', ['"an amount of money"']],
  ])('reasons: %s', (_name, description, named) => {
    const reason = classifyLocally(description).reason ?? '';
    for (const word of named) expect(reason).toContain(word);
    expect(reason).not.toMatch(/"(invoic|deactivat|invit|upgrad|downgrad)"/);
  });

  it.each<[string, string, TicketCategory | TicketPriority]>([
    ['equal billing and account scores go to billing', 'invoice password', BILLING],
    ['equal account and technical scores go to account', 'password error', ACCOUNT],
    ['equal technical and general scores go to technical', 'error roadmap', TECHNICAL],
    ['a cue counts once however often it repeats', 'bug bug bug bug bug refund', BILLING],
  ])('category ties: %s', (_name, description, expected) => {
    expect(classifyLocally(description).category).toBe(expected);
  });

  it.each<[string, string, TicketPriority]>([
    ['equal critical and low scores go to critical', 'outage: how do i report it', CRITICAL],
    ['"not urgent" hides "urgent"', 'Not urgent: the export has a typo', LOW],
    ['typographic apostrophes are read', 'I can’t open the dashboard', HIGH],
    ['case is ignored', 'PRODUCTION IS DOWN', CRITICAL],
    ['"security question" is not a security incident', 'I forgot my security question', MEDIUM],
  ])('priority: %s', (_name, description, expected) => {
    expect(classifyLocally(description).priority).toBe(expected);
  });

  it.each([
    ['"$500" is an amount, not an HTTP status', 'We paid $500 for the plan', BILLING],
    ['"500 users" is a headcount, not an HTTP status', 'We have 500 users on the plan', BILLING],
    ['"502" alone is an HTTP status', 'Getting 502 from the gateway', TECHNICAL],
  ])('numbers: %s', (_name, description, expected) => {
    expect(classifyLocally(description).category).toBe(expected);
  });

  it('is deterministic', () => {
    const text = 'Our invoices fail to download with a 500 error and we cannot log in';
    expect(new Set(Array.from({ length: 5 }, () => JSON.stringify(classifyLocally(text)))).size).toBe(1);
  });

  it('copes with the longest allowed description quickly enough to run inline', () => {
    const long = 'The dashboard shows an error and my invoice is wrong. '.repeat(400);
    expect(classifyLocally(long).source).toBe(ClassificationSource.LOCAL);
  });
});

describe('createLocalClassifier', () => {
  it('wraps classifyLocally in the Classifier interface', async () => {
    await expect(createLocalClassifier().classify('refund please')).resolves.toEqual(classifyLocally('refund please'));
  });
});
