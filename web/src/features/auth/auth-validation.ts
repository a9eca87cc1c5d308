// Live checks of what people type into the identity forms, by the server's rules
// (web/src/gql/limits.ts, generated from them), so a problem shows while typing. The server applies the same
// rules and stays the authority: it alone knows a taken email or a common password.
import { characterCount, hasLoneSurrogate, isBlankText } from '../../common/characters.js';
import { DISPLAY_NAME_MAX, EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../../gql/limits.js';

export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN} characters. Very common passwords are refused.`;

export function emailProblem(email: string): string | null {
  const trimmed = email.trim();
  if (trimmed === '') return 'Enter an email address.';
  if (characterCount(trimmed) > EMAIL_MAX) return `The email address is too long: at most ${EMAIL_MAX} characters.`;
  const [local, domain, ...rest] = trimmed.split('@');
  if (!local || !domain || rest.length > 0) return 'Enter an email address such as name@example.com.';
  return null;
}

export function displayNameProblem(name: string): string | null {
  if (isBlankText(name)) return 'Enter a name.';
  if (hasLoneSurrogate(name)) return 'The name holds a broken character (half of an emoji); retype or remove it.';
  const length = characterCount(name);
  if (length > DISPLAY_NAME_MAX) return `The name is too long: ${length} of at most ${DISPLAY_NAME_MAX} characters.`;
  return null;
}

/** A password being chosen. Every character counts, spaces included: a password is never trimmed. */
export function newPasswordProblem(password: string): string | null {
  const length = Array.from(password).length;
  if (length === 0) return 'Choose a password.';
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters (${length} so far).`;
  if (length > PASSWORD_MAX) return `The password is too long: at most ${PASSWORD_MAX} characters.`;
  return null;
}

/** A password being given (to sign in, or to confirm a change): only its absence is known to be wrong. */
export function enteredPasswordProblem(password: string): string | null {
  return password === '' ? 'Enter your password.' : null;
}
