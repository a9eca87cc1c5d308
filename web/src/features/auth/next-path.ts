// Where the app goes after signing in: back to the screen that sent the agent to sign
// in, named in `?next=`, when it is a path of this site; anywhere else (another site,
// `//evil.example`, `/\evil.example`, a `javascript:` URL) is refused for the tickets,
// so a crafted sign-in link cannot send someone elsewhere once signed in.
import type { Location } from 'react-router';

const AFTER_SIGN_IN = '/tickets';

// The public screens, where going back after signing in would make no sense.
const PUBLIC_PATHS = new Set(['/signin', '/setup', '/invitation']);

// The pages the server serves itself (the playground, the REST docs and schema), which
// send an anonymous browser to /signin?next=…: going back to them loads the page.
const SERVER_PAGE = /^\/(?:graphiql|graphql|api)(?:[/?#]|$)/;

/** The sign-in screen, with the way back to `location`. */
export function signInPath({ pathname, search, hash }: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  return `/signin?next=${encodeURIComponent(`${pathname}${search}${hash}`)}`;
}

/** `next` when it is a path on `origin`, normalised; otherwise the tickets. */
export function safeNextPath(next: string | null, origin: string): string {
  // A path, not a scheme-relative URL: browsers read `//host` and `/\host` as another site.
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return AFTER_SIGN_IN;
  }
  // The URL parser drops tabs and newlines, so `/\t/host` is another site too: judge what it parsed.
  if (url.origin !== origin || PUBLIC_PATHS.has(url.pathname)) return AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Whether `path` (from safeNextPath) is a page of the server rather than a screen of the app. */
export function isServerPage(path: string): boolean {
  return SERVER_PAGE.test(path);
}
