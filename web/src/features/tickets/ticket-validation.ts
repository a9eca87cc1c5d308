// Live checks against the server's limits, so the agent sees a problem while typing.
// The server applies the same rules and stays the authority (its errors are shown too).
// Lengths are code points, as the server counts them.
import { characterCount } from '../../common/characters.js';
import { DESCRIPTION_MAX, TITLE_MAX } from './ticket-enums.js';

export function titleProblem(title: string): string | null {
  const length = characterCount(title);
  if (length === 0) return 'Enter a title.';
  if (length > TITLE_MAX) return `The title is too long: ${length} of at most ${TITLE_MAX} characters.`;
  return null;
}

export function descriptionProblem(description: string): string | null {
  const length = characterCount(description);
  if (length === 0) return 'Describe the request.';
  if (length > DESCRIPTION_MAX) {
    return `The description is too long: ${length.toLocaleString('en')} of at most ${DESCRIPTION_MAX.toLocaleString('en')} characters.`;
  }
  return null;
}
