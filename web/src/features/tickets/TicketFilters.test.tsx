// The search box and filters of the tickets list: what reaches the URL, and when.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { SEARCH_PAUSE_MS, TicketFilters } from './TicketFilters.js';
import { EMPTY_VIEW, type TicketsView } from './tickets-url.js';

const empty: TicketsView = EMPTY_VIEW;

describe('TicketFilters search', () => {
  it('searches once typing pauses for 150 ms, and not between keys typed 100 ms apart', () => {
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    expect(SEARCH_PAUSE_MS).toBe(150);
    const onChange = vi.fn();
    render(<TicketFilters view={empty} onChange={onChange} />);
    const search = screen.getByLabelText('Search');
    for (const text of ['r', 're', 'ref', 'refu', 'refun', 'refund']) {
      fireEvent.change(search, { target: { value: text } });
      act(() => vi.advanceTimersByTime(100));
    }
    expect(onChange).not.toHaveBeenCalled();
    // 149 ms after the last key: still waiting; at 150 ms, the word is searched, once.
    act(() => vi.advanceTimersByTime(49));
    expect(onChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ ...empty, search: 'refund' });
  });

  it('keeps up to 200 characters counted as the server counts them, an emoji being one', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<TicketFilters view={empty} onChange={onChange} searchDelayMs={10} />);
    const search = screen.getByLabelText<HTMLInputElement>('Search');
    await user.click(search);
    await user.paste('🎫'.repeat(201));
    expect(search.value).toBe('🎫'.repeat(200));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ ...empty, search: '🎫'.repeat(200) }));
  });

  it('writes the settled text into the latest view, keeping a filter ticked meanwhile', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<TicketFilters view={empty} onChange={onChange} searchDelayMs={50} />);
    await user.type(screen.getByLabelText('Search'), 'refund');
    rerender(<TicketFilters view={{ ...empty, categories: ['BILLING'] }} onChange={onChange} searchDelayMs={50} />);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ ...empty, categories: ['BILLING'], search: 'refund' }));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('follows the URL when it changes from outside, without writing it back', () => {
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const onChange = vi.fn();
    const { rerender } = render(<TicketFilters view={{ ...empty, search: 'refund' }} onChange={onChange} searchDelayMs={10} />);
    const search = screen.getByLabelText<HTMLInputElement>('Search');
    expect(search.value).toBe('refund');
    rerender(<TicketFilters view={{ ...empty, search: 'login' }} onChange={onChange} searchDelayMs={10} />);
    expect(search.value).toBe('login');
    // Past the pause, the settled text is the URL's own: nothing to write.
    act(() => vi.advanceTimersByTime(1_000));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('TicketFilters chips', () => {
  it('shows each filter a link set without a checkbox, and removes it on request', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    const view: TicketsView = {
      ...empty,
      suggestedCategories: ['BILLING'],
      suggestionOutcomes: ['CATEGORY_OVERRIDDEN'],
      since: '2026-03-01T10:00:00.000Z',
    };
    render(<TicketFilters view={view} onChange={onChange} />);
    const chips = within(screen.getByRole('list', { name: 'Also narrowed by' })).getAllByRole('listitem');
    expect(chips.map((chip) => chip.textContent)).toEqual([
      expect.stringMatching(/^Created since .*2026.*×$/),
      'Suggested category: Billing×',
      'Only suggested category overridden×',
    ]);
    expect(screen.getByText(/^Filters \(3\)/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove filter: Only suggested category overridden' }));
    expect(onChange).toHaveBeenCalledWith({ ...view, suggestionOutcomes: [] });
  });

  it('shows each end of a creation window (a saved view may bound both), each removable', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    const view: TicketsView = { ...empty, since: '2026-03-01T10:00:00.000Z', before: '2026-04-01T10:00:00.000Z' };
    render(<TicketFilters view={view} onChange={onChange} />);
    const chips = within(screen.getByRole('list', { name: 'Also narrowed by' })).getAllByRole('listitem');
    expect(chips.map((chip) => chip.textContent)).toEqual([
      expect.stringMatching(/^Created since .*2026.*×$/),
      expect.stringMatching(/^Created before .*2026.*×$/),
    ]);
    await user.click(screen.getByRole('button', { name: /^Remove filter: Created before / }));
    expect(onChange).toHaveBeenCalledWith({ ...view, before: '' });
  });

  it('shows no chips when only checkbox filters are chosen', () => {
    render(<TicketFilters view={{ ...empty, categories: ['BILLING'] }} onChange={vi.fn()} />);
    expect(screen.queryByRole('list', { name: 'Also narrowed by' })).toBeNull();
  });
});
