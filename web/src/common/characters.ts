// Text lengths as the server counts them: Unicode code points, as PostgreSQL's varchar
// and DRF do. `String.length` counts UTF-16 units, so an emoji would count twice here
// and text the server accepts would be refused (or cut in half) in the browser.

/** Code points of the trimmed text: what the server measures against its limits. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text.trim()) count += 1;
  return count;
}

/** At most `max` code points of `text`, never cutting an emoji in half. */
export function clipCharacters(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('');
}
