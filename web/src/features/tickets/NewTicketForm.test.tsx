// The new-ticket form with the AI suggestion, executed against the real contract:
// suggestions fill the fields and say where they came from, the agent's choices win,
// the suggestion shown is sent along, saving never waits for the AI, and the
// server's refusals land at their fields.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend, makeTicket, makeUser, type Classification, type SimilarTicket } from '../../../test/support/fake-backend.js';
import { deferred, renderWithApp } from '../../../test/support/render.js';
import { NewTicketForm } from './NewTicketForm.js';

const BILLING_TEXT = 'I was charged twice for my subscription this month.';
const OUTAGE_TEXT = 'Everything is down, the app crashes on start for all users.';

function classifier(answers: Record<string, Classification>) {
  return vi.fn(({ description }: { description: string }) => {
    const answer = answers[description];
    if (!answer) throw new Error(`unexpected description ${description}`);
    return answer;
  });
}

const billing: Classification = {
  __typename: 'Classification',
  category: 'BILLING',
  priority: 'HIGH',
  source: 'LOCAL',
  confidence: 0.72,
  reason: 'Billing 90%: cues "charged twice"; high priority 80%: cues "charged twice".',
  suggestionId: 's-billing',
};
const outage: Classification = {
  __typename: 'Classification',
  category: 'TECHNICAL',
  priority: 'CRITICAL',
  source: 'GEMINI',
  confidence: 0.9361,
  reason: null,
  suggestionId: 's-outage',
};

function created(id = '7') {
  return vi.fn(({ input }: { input: { title: string; description: string } }) => ({
    __typename: 'CreateTicketPayload' as const,
    ticket: makeTicket({ id, title: input.title, description: input.description }),
    userErrors: [],
  }));
}

async function setup(resolvers: Parameters<typeof createFakeBackend>[0], classifyDelayMs = 20) {
  // Similar tickets are asked for beside every suggestion; none unless a test says otherwise.
  const backend = createFakeBackend({ similarTickets: () => [], ...resolvers });
  const onCreated = vi.fn();
  const user = userEvent.setup();
  renderWithApp(<NewTicketForm onCreated={onCreated} classifyDelayMs={classifyDelayMs} />, { client: backend.client });
  return { backend, onCreated, user };
}

/** A suggestion note, whose confidence is a separate, quieter element. */
const note = (text: string) => (_: string, element: Element | null) =>
  element?.classList.contains('suggestion-note') === true && element.textContent === text;

const category = () => screen.getByLabelText<HTMLSelectElement>('Category');
const priority = () => screen.getByLabelText<HTMLSelectElement>('Priority');

describe('NewTicketForm', () => {
  it('pre-fills category and priority from the suggestion, marked with where it came from', async () => {
    const classify = classifier({ [BILLING_TEXT]: billing });
    const { user } = await setup({ classifyDescription: classify });
    expect(category().value).toBe('GENERAL');
    expect(screen.getAllByText('Default')).toHaveLength(2);

    await user.click(screen.getByLabelText('Description'));
    await user.paste(BILLING_TEXT);

    await waitFor(() => expect(category().value).toBe('BILLING'));
    expect(priority().value).toBe('HIGH');
    expect(screen.getAllByText(note('Suggested by offline classifier · 72% sure'))).toHaveLength(2);
    expect(classify).toHaveBeenCalledTimes(1);
  });

  it('says how sure the suggestion is and why, and claims no confidence for the default', async () => {
    const nothing: Classification = {
      ...billing,
      source: 'DEFAULT',
      category: 'GENERAL',
      priority: 'MEDIUM',
      confidence: 0.06,
      reason: null,
    };
    const { user } = await setup({ classifyDescription: classifier({ [BILLING_TEXT]: billing, 'Hello there, just a note.': nothing }) });
    await user.click(screen.getByLabelText('Description'));
    await user.paste(BILLING_TEXT);

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Why: ${billing.reason}`));
    expect(screen.getAllByText(note('Suggested by offline classifier · 72% sure'))).toHaveLength(2);

    await user.clear(screen.getByLabelText('Description'));
    await user.paste('Hello there, just a note.');
    await waitFor(() => expect(screen.getAllByText('Suggested by default (nothing recognisable)')).toHaveLength(2));
    expect(screen.queryByText(/% sure/)).toBeNull();
  });

  it("keeps the agent's choice when a later suggestion arrives, and sends the suggestion that was shown", async () => {
    const createTicket = created('42');
    const { user, onCreated } = await setup({
      classifyDescription: classifier({ [BILLING_TEXT]: billing, [OUTAGE_TEXT]: outage }),
      createTicket,
    });

    await user.type(screen.getByLabelText('Title'), 'Trouble');
    await user.click(screen.getByLabelText('Description'));
    await user.paste(BILLING_TEXT);
    await waitFor(() => expect(priority().value).toBe('HIGH'));

    await user.selectOptions(priority(), 'LOW');
    expect(screen.getByText(/Your choice \(suggested: High\)/)).toBeTruthy();

    await user.clear(screen.getByLabelText('Description'));
    await user.paste(OUTAGE_TEXT);
    await waitFor(() => expect(category().value).toBe('TECHNICAL'));
    expect(priority().value).toBe('LOW');
    expect(screen.getByText(note('Suggested by Gemini · 94% sure'))).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('42', { defaultsUsed: false }));
    expect(createTicket.mock.calls[0]![0].input).toEqual({
      title: 'Trouble',
      description: OUTAGE_TEXT,
      category: 'TECHNICAL',
      priority: 'LOW',
      // The answer that was on screen, by the id the server issued for it.
      suggestionId: 's-outage',
      idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('"Use suggestion" puts the suggested values back', async () => {
    const { user } = await setup({ classifyDescription: classifier({ [BILLING_TEXT]: billing }) });
    await user.click(screen.getByLabelText('Description'));
    await user.paste(BILLING_TEXT);
    await waitFor(() => expect(category().value).toBe('BILLING'));
    await user.selectOptions(category(), 'ACCOUNT');
    await user.click(screen.getByRole('button', { name: 'Use suggestion' }));
    expect(category().value).toBe('BILLING');
    expect(priority().value).toBe('HIGH');
  });

  it('asks for a suggestion as soon as the description loses focus', async () => {
    const classify = classifier({ [BILLING_TEXT]: billing });
    // A pause long enough that only the blur can have asked.
    const { user } = await setup({ classifyDescription: classify }, 60_000);
    await user.click(screen.getByLabelText('Description'));
    await user.paste(BILLING_TEXT);
    expect(classify).not.toHaveBeenCalled();
    await user.tab();
    await waitFor(() => expect(category().value).toBe('BILLING'));
    expect(classify).toHaveBeenCalledTimes(1);
  });

  it('saves without waiting for a suggestion still on its way, and sends none', async () => {
    const pending = deferred<Classification>();
    const classify = vi.fn(() => pending.promise);
    const createTicket = created('9');
    const { user, onCreated } = await setup({ classifyDescription: classify, createTicket });

    await user.type(screen.getByLabelText('Title'), 'Charged twice');
    await user.click(screen.getByLabelText('Description'));
    await user.paste(BILLING_TEXT);
    await user.tab();
    await waitFor(() => expect(classify).toHaveBeenCalled());
    expect(screen.getByText(/A suggestion is on its way/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('9', { defaultsUsed: true }));
    expect(createTicket.mock.calls[0]![0].input).toEqual({
      title: 'Charged twice',
      description: BILLING_TEXT,
      category: 'GENERAL',
      priority: 'MEDIUM',
      idempotencyKey: expect.any(String),
    });
    pending.resolve(billing);
  });

  it('still lets the agent choose and save when the suggestion fails', async () => {
    const createTicket = created('3');
    const { user, onCreated } = await setup({
      classifyDescription: () => {
        throw new Error('classifier exploded');
      },
      createTicket,
    });
    await user.type(screen.getByLabelText('Title'), 'Help');
    await user.click(screen.getByLabelText('Description'));
    await user.paste(BILLING_TEXT);
    await user.tab();
    await screen.findByText(/No suggestion:/);
    await user.selectOptions(category(), 'BILLING');
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('3', { defaultsUsed: false }));
    expect(createTicket.mock.calls[0]![0].input).not.toHaveProperty('suggestionId');
  });

  it('retries a failed save with the same idempotency key, and a changed ticket with a new one', async () => {
    let fail = true;
    const saved = created('11');
    const createTicket = vi.fn((args: { input: { title: string; description: string; idempotencyKey?: string | null } }) => {
      if (fail) throw new Error('the answer was lost');
      return saved(args);
    });
    const { user, onCreated } = await setup({ classifyDescription: () => new Promise(() => {}), createTicket }, 60_000);
    await user.type(screen.getByLabelText('Title'), 'Charged twice');
    await user.click(screen.getByLabelText('Description'));
    await user.paste(BILLING_TEXT);
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(createTicket).toHaveBeenCalledTimes(1));
    await screen.findByText(/The ticket was not saved/);

    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(createTicket).toHaveBeenCalledTimes(2));
    await user.type(screen.getByLabelText('Title'), '!');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('11', { defaultsUsed: true }));

    const keys = createTicket.mock.calls.map(([args]) => args.input.idempotencyKey);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('shows the server’s refusal at its field and does not leave the form', async () => {
    const { user, onCreated } = await setup({
      classifyDescription: classifier({ [BILLING_TEXT]: billing }),
      createTicket: () => ({
        __typename: 'CreateTicketPayload',
        ticket: null,
        userErrors: [{ __typename: 'UserError', field: 'title', code: 'INVALID', message: 'The server says this title is not allowed.' }],
      }),
    });
    await user.type(screen.getByLabelText('Title'), 'Nope');
    await user.click(screen.getByLabelText('Description'));
    await user.paste(BILLING_TEXT);
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));

    const message = await screen.findByText('The server says this title is not allowed.');
    expect(screen.getByLabelText('Title').getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('checks lengths as the agent types and sends nothing invalid', async () => {
    const createTicket = created();
    const { user } = await setup({ classifyDescription: classifier({}), createTicket });
    const title = screen.getByLabelText('Title');
    await user.click(title);
    await user.paste('t'.repeat(201));
    await user.tab();
    expect(screen.getByText('201 / 200')).toBeTruthy();
    expect(screen.getByText(/title is too long/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    expect(screen.getByText('Describe the request.')).toBeTruthy();
    expect(document.activeElement).toBe(title);
    expect(createTicket).not.toHaveBeenCalled();
  });

  it('counts an emoji as one character, as the server does', async () => {
    const createTicket = created('5');
    const { user, onCreated } = await setup({ classifyDescription: () => billing, createTicket });
    const title = screen.getByLabelText('Title');
    await user.click(title);
    await user.paste('🎫'.repeat(201));
    await user.tab();
    expect(screen.getByText('201 / 200')).toBeTruthy();
    expect(screen.getByText(/title is too long/)).toBeTruthy();

    await user.clear(title);
    await user.paste('🎫'.repeat(200));
    expect(screen.getByText('200 / 200')).toBeTruthy();
    expect(screen.queryByText(/title is too long/)).toBeNull();
    await user.click(screen.getByLabelText('Description'));
    await user.paste('Refund please 💳💳');
    expect(screen.getByText('16 / 20,000')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    // Whether the suggestion came before the click is timing, not this test's point.
    await waitFor(() => expect(onCreated.mock.calls[0]?.[0]).toBe('5'));
    expect(createTicket.mock.calls[0]![0].input.title).toBe('🎫'.repeat(200));
  });

  describe('similar tickets', () => {
    const DUPLICATE_TEXT = 'We got billed two times for the subscription in March.';
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600 * 1000).toISOString();
    const similar: SimilarTicket[] = [
      {
        similarity: 0.62,
        ticket: {
          ...makeTicket({ id: '12', title: 'Charged twice in March', status: 'OPEN', createdAt: hoursAgo(50) }),
          assignee: makeUser({ displayName: 'Sam Support' }),
        },
      },
      {
        similarity: 0.41,
        ticket: { ...makeTicket({ id: '3', title: 'Double charge', status: 'CLOSED', createdAt: hoursAgo(24 * 40) }), assignee: null },
      },
    ];

    it('shows the tickets like the description, with status, assignee and age, linked; one request per pause', async () => {
      const similarTickets = vi.fn(({ text }: { text: string }) => (text === DUPLICATE_TEXT ? similar : []));
      const { user, backend } = await setup({ classifyDescription: () => billing, similarTickets }, 100);
      await user.click(screen.getByLabelText('Description'));
      await user.type(screen.getByLabelText('Description'), DUPLICATE_TEXT.slice(0, 12));
      await user.paste(DUPLICATE_TEXT.slice(12));

      const region = await screen.findByRole('region', { name: /similar tickets/i });
      const items = within(region).getAllByRole('listitem');
      expect(items.map((item) => item.getAttribute('data-ticket-id'))).toEqual(['12', '3']);
      expect(
        within(items[0]!)
          .getByRole('link', { name: /#12 Charged twice in March/ })
          .getAttribute('href'),
      ).toBe('/tickets/12');
      expect(items[0]!.textContent).toContain('Open');
      expect(items[0]!.textContent).toContain('Sam Support');
      expect(items[0]!.textContent).toContain('2 days ago');
      expect(items[1]!.textContent).toContain('Closed');
      expect(items[1]!.textContent).toContain('last mo.');
      expect(similarTickets).toHaveBeenCalledTimes(1);
      expect(backend.calls.filter((c) => c.operation === 'SimilarTickets').map((c) => c.variables)).toEqual([{ text: DUPLICATE_TEXT }]);
    });

    it('shows nothing for text nothing is like, and hides them when the description is cleared', async () => {
      const similarTickets = vi.fn(({ text }: { text: string }) => (text === DUPLICATE_TEXT ? similar : []));
      const { user } = await setup({ classifyDescription: () => billing, similarTickets });
      await user.click(screen.getByLabelText('Description'));
      await user.paste(DUPLICATE_TEXT);
      await screen.findByRole('region', { name: /similar tickets/i });

      await user.clear(screen.getByLabelText('Description'));
      expect(screen.queryByRole('region', { name: /similar tickets/i })).toBeNull();
      await user.paste('The colour of the logo on the about page.');
      await waitFor(() => expect(similarTickets).toHaveBeenCalledTimes(2));
      expect(screen.queryByRole('region', { name: /similar tickets/i })).toBeNull();
    });
  });
});
