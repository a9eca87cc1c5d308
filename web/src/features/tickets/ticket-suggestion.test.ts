// The rules combining the AI suggestion with the agent's own choices.
import { describe, expect, it } from 'vitest';
import { initialSuggestionState, isOverridden, suggestionReducer, type Suggestion, type SuggestionAction } from './ticket-suggestion.js';

const billingHigh: Suggestion = {
  category: 'BILLING',
  priority: 'HIGH',
  source: 'GEMINI',
  confidence: 0.72,
  reason: null,
  suggestionId: 's-1',
};
const technicalCritical: Suggestion = {
  category: 'TECHNICAL',
  priority: 'CRITICAL',
  source: 'LOCAL',
  confidence: 0.72,
  reason: null,
  suggestionId: 's-2',
};

function run(...actions: SuggestionAction[]) {
  return actions.reduce(suggestionReducer, initialSuggestionState);
}

describe('suggestionReducer', () => {
  it('starts on the defaults with no suggestion', () => {
    expect(initialSuggestionState).toEqual({
      category: { value: 'GENERAL', origin: 'default' },
      priority: { value: 'MEDIUM', origin: 'default' },
      suggestion: null,
    });
  });

  it.each<[string, SuggestionAction[], { category: [string, string]; priority: [string, string]; overridden: boolean }]>([
    [
      'a suggestion fills both fields',
      [{ type: 'suggested', suggestion: billingHigh }],
      { category: ['BILLING', 'suggested'], priority: ['HIGH', 'suggested'], overridden: false },
    ],
    [
      'a later suggestion replaces an earlier one',
      [
        { type: 'suggested', suggestion: billingHigh },
        { type: 'suggested', suggestion: technicalCritical },
      ],
      { category: ['TECHNICAL', 'suggested'], priority: ['CRITICAL', 'suggested'], overridden: false },
    ],
    [
      "the agent's pick survives a later suggestion",
      [
        { type: 'suggested', suggestion: billingHigh },
        { type: 'chose-priority', value: 'LOW' },
        { type: 'suggested', suggestion: technicalCritical },
      ],
      { category: ['TECHNICAL', 'suggested'], priority: ['LOW', 'agent'], overridden: true },
    ],
    [
      'a pick made before any suggestion is kept too',
      [
        { type: 'chose-category', value: 'ACCOUNT' },
        { type: 'suggested', suggestion: billingHigh },
      ],
      { category: ['ACCOUNT', 'agent'], priority: ['HIGH', 'suggested'], overridden: true },
    ],
    [
      'picking the suggested value again accepts it',
      [
        { type: 'suggested', suggestion: billingHigh },
        { type: 'chose-priority', value: 'LOW' },
        { type: 'chose-priority', value: 'HIGH' },
      ],
      { category: ['BILLING', 'suggested'], priority: ['HIGH', 'suggested'], overridden: false },
    ],
    [
      '"use suggestion" restores both fields',
      [
        { type: 'suggested', suggestion: billingHigh },
        { type: 'chose-category', value: 'GENERAL' },
        { type: 'chose-priority', value: 'LOW' },
        { type: 'use-suggestion' },
      ],
      { category: ['BILLING', 'suggested'], priority: ['HIGH', 'suggested'], overridden: false },
    ],
    [
      'clearing the description drops the suggestion but not the agent pick',
      [{ type: 'suggested', suggestion: billingHigh }, { type: 'chose-priority', value: 'LOW' }, { type: 'description-cleared' }],
      { category: ['GENERAL', 'default'], priority: ['LOW', 'agent'], overridden: false },
    ],
  ])('%s', (_title, actions, expected) => {
    const state = run(...actions);
    expect([state.category.value, state.category.origin]).toEqual(expected.category);
    expect([state.priority.value, state.priority.origin]).toEqual(expected.priority);
    expect(isOverridden(state)).toBe(expected.overridden);
  });

  it('keeps the suggestion that was shown, to send with the ticket', () => {
    const state = run({ type: 'suggested', suggestion: billingHigh }, { type: 'chose-category', value: 'ACCOUNT' });
    expect(state.suggestion).toEqual(billingHigh);
  });
});
