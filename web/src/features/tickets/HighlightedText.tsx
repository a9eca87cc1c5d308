// A text with the terms of a search marked (<mark>), built as React nodes from the
// parts search-highlight.ts finds: the text is never parsed as HTML.
import { highlightParts } from './search-highlight.js';

export function HighlightedText({ text, search }: { text: string; search: string | null }) {
  return <>{highlightParts(text, search).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
