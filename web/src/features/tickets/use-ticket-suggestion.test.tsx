// The hook behind the new-ticket form's AI suggestion, against the real contract: it
// asks after a pause or at once on leaving the field, never twice for the same text,
// and an answer for a description that has since changed or been cleared is dropped.
import { ApolloProvider } from '@apollo/client/react';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend, type Classification } from '../../../test/support/fake-backend.js';
import { deferred } from '../../../test/support/render.js';
import { useTicketSuggestion } from './use-ticket-suggestion.js';

const FIRST = 'My invoice shows a charge I do not recognise.';
const SECOND = 'The app crashes whenever I open the settings page.';
const billing: Classification = {
  __typename: 'Classification',
  category: 'BILLING',
  priority: 'MEDIUM',
  source: 'LOCAL',
  confidence: 0.72,
  reason: null,
  suggestionId: 's-billing',
};
const technical: Classification = {
  __typename: 'Classification',
  category: 'TECHNICAL',
  priority: 'HIGH',
  source: 'GEMINI',
  confidence: 0.72,
  reason: 'a crash',
  suggestionId: 's-technical',
};

function setup(classifyDescription: (args: { description: string }) => Promise<Classification>, delayMs = 60_000) {
  const classify = vi.fn(classifyDescription);
  const backend = createFakeBackend({ classifyDescription: classify });
  const wrapper = ({ children }: { children: ReactNode }) => <ApolloProvider client={backend.client}>{children}</ApolloProvider>;
  const hook = renderHook(() => useTicketSuggestion({ delayMs }), { wrapper });
  return { classify, hook };
}

describe('useTicketSuggestion', () => {
  it('drops an answer that arrives after a newer description was asked about', async () => {
    const answers: Record<string, ReturnType<typeof deferred<Classification>>> = { [FIRST]: deferred(), [SECOND]: deferred() };
    const { classify, hook } = setup(({ description }) => answers[description]!.promise);

    act(() => hook.result.current.descriptionLeft(FIRST));
    act(() => hook.result.current.descriptionLeft(SECOND));
    await waitFor(() => expect(classify).toHaveBeenCalledTimes(2));
    expect(hook.result.current.asking).toEqual({ state: 'asking' });

    await act(async () => answers[SECOND]!.resolve(technical));
    await waitFor(() => expect(hook.result.current.choices.suggestion).toMatchObject({ category: 'TECHNICAL' }));
    await act(async () => answers[FIRST]!.resolve(billing));
    expect(hook.result.current.choices.category).toEqual({ value: 'TECHNICAL', origin: 'suggested' });
    expect(hook.result.current.asking).toEqual({ state: 'idle' });
  });

  it('drops the suggestion, and one on its way, when the description is cleared', async () => {
    const answer = deferred<Classification>();
    const { hook } = setup(() => answer.promise);
    act(() => hook.result.current.descriptionLeft(FIRST));
    act(() => hook.result.current.descriptionChanged('  '));
    expect(hook.result.current.asking).toEqual({ state: 'idle' });
    await act(async () => answer.resolve(billing));
    expect(hook.result.current.choices).toMatchObject({ suggestion: null, category: { value: 'GENERAL', origin: 'default' } });
  });

  it('asks once typing pauses, only for text long enough, and not twice for the same text', async () => {
    const { classify, hook } = setup(async () => billing, 10);
    act(() => hook.result.current.descriptionChanged('too short'));
    act(() => hook.result.current.descriptionLeft('too short'));
    act(() => hook.result.current.descriptionChanged(FIRST));
    await waitFor(() => expect(hook.result.current.choices.suggestion).toMatchObject({ category: 'BILLING' }));
    act(() => hook.result.current.descriptionLeft(` ${FIRST} `));
    expect(classify).toHaveBeenCalledTimes(1);
    expect(classify.mock.calls[0]![0]).toEqual({ description: FIRST });
  });

  it('says why when asking fails, and asks again for the same text on leaving the field', async () => {
    let fail = true;
    const { classify, hook } = setup(async () => {
      if (fail) throw new Error('classifier exploded');
      return billing;
    });
    act(() => hook.result.current.descriptionLeft(FIRST));
    await waitFor(() => expect(hook.result.current.asking.state).toBe('failed'));
    fail = false;
    act(() => hook.result.current.descriptionLeft(FIRST));
    await waitFor(() => expect(hook.result.current.choices.suggestion).toMatchObject({ category: 'BILLING' }));
    expect(classify).toHaveBeenCalledTimes(2);
    expect(hook.result.current.asking).toEqual({ state: 'idle' });
  });
});
