// The checks of an endpoint URL the form makes while the administrator types. The
// server stays the authority (public addresses only, length, credentials): its
// refusals appear at the field as they come.
import { isBlankText } from '../../common/characters.js';

export function webhookUrlProblem(url: string): string | null {
  if (isBlankText(url)) return 'Enter the URL the events are sent to.';
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'Enter a whole URL, such as https://example.com/hooks/tickets.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'Only http:// and https:// URLs can receive events.';
  return null;
}

export function eventsProblem(events: readonly string[]): string | null {
  return events.length === 0 ? 'Choose at least one event.' : null;
}
