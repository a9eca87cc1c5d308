// A saved view's name as the agent types it, checked by the server's rules (trimmed,
// not blank, at most SAVED_VIEW_NAME_MAX code points) before it is sent, and the
// app's words for the server's refusal of one.
import { characterCount, hasLoneSurrogate, isBlankText } from '../../common/characters.js';
import { SAVED_VIEW_NAME_MAX } from '../../gql/limits.js';

/** What is wrong with a view name as typed; null when nothing is. */
export function viewNameProblem(name: string): string | null {
  if (isBlankText(name)) return 'Give the view a name.';
  if (hasLoneSurrogate(name)) return 'The name holds a broken character (half of an emoji); retype or remove it.';
  const length = characterCount(name.trim());
  if (length > SAVED_VIEW_NAME_MAX) return `The name is too long: ${length} of at most ${SAVED_VIEW_NAME_MAX} characters.`;
  return null;
}

export const VIEW_NAME_REFUSALS = { TAKEN: 'You already have a view with this name: choose another.' } as const;
