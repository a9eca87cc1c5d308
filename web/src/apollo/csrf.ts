// The CSRF defence of cookie sessions, by Django's names: the server sets a readable
// `csrftoken` cookie beside the session cookie and refuses an unsafe request (every
// GraphQL POST, queries included) that does not repeat its value in `X-CSRFToken`.
// The value is read at each request, since signing in or out replaces the cookie.
// Requests authenticated by `Authorization: Token …` need no header; sending it
// anyway does no harm.

const CSRF_COOKIE = 'csrftoken';
const CSRF_HEADER = 'X-CSRFToken';

/** The value of cookie `name` in a `document.cookie` string, or null when it is not set. */
export function readCookie(name: string, cookies: string = document.cookie): string | null {
  for (const pair of cookies.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** The CSRF header to send now, or none when no session has set the cookie. */
export function csrfHeaders(): Record<string, string> {
  const token = readCookie(CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}

/**
 * `fetch` with the session's cookies and CSRF header, for code that calls the API
 * without Apollo (the GraphQL playground). Headers the caller set win, so a pasted
 * `Authorization` header, or an explicit `X-CSRFToken`, is sent as given.
 */
export const fetchWithSession: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(csrfHeaders())) {
    if (!headers.has(name)) headers.set(name, value);
  }
  return fetch(input, { credentials: 'same-origin', ...init, headers });
};
