// Live checks against the server's rules, so the agent sees a problem while typing.
// The server applies the same rules and stays the authority (its errors are shown too).
// Lengths are code points and "blank" means nothing visible, as on the server.
import { characterCount, hasLoneSurrogate, isBlankText } from '../../common/characters.js';
import { TICKET_DESCRIPTION_MAX, TICKET_NOTE_MAX, TICKET_TITLE_MAX } from '../../gql/limits.js';

const BROKEN_CHARACTER = 'holds a broken character (half of an emoji or other surrogate pair); retype or remove it.';

export function titleProblem(title: string): string | null {
  if (isBlankText(title)) return 'Enter a title.';
  if (hasLoneSurrogate(title)) return `The title ${BROKEN_CHARACTER}`;
  const length = characterCount(title);
  if (length > TICKET_TITLE_MAX) return `The title is too long: ${length} of at most ${TICKET_TITLE_MAX} characters.`;
  return null;
}

export function descriptionProblem(description: string): string | null {
  if (isBlankText(description)) return 'Describe the request.';
  if (hasLoneSurrogate(description)) return `The description ${BROKEN_CHARACTER}`;
  const length = characterCount(description);
  if (length > TICKET_DESCRIPTION_MAX) {
    return `The description is too long: ${length.toLocaleString('en')} of at most ${TICKET_DESCRIPTION_MAX.toLocaleString('en')} characters.`;
  }
  return null;
}

export function noteProblem(body: string): string | null {
  if (isBlankText(body)) return 'Write the note.';
  if (hasLoneSurrogate(body)) return `The note ${BROKEN_CHARACTER}`;
  const length = characterCount(body);
  if (length > TICKET_NOTE_MAX) {
    return `The note is too long: ${length.toLocaleString('en')} of at most ${TICKET_NOTE_MAX.toLocaleString('en')} characters.`;
  }
  return null;
}
