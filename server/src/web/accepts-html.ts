// Whether a request's Accept header asks for a web page rather than JSON: a browser
// navigating to /graphql gets the playground, an API client gets GraphQL.
const HTML = new Set(['text/html', 'application/xhtml+xml']);
const JSON_TYPES = new Set(['application/json', 'application/graphql-response+json']);

interface MediaRange {
  type: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const qParam = params.find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { type, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 };
    })
    .filter((range) => range.type !== '');
}

/**
 * True only when HTML is named explicitly and preferred to JSON; `*\/*` alone (what
 * fetch and curl send) is not a request for a page, and a tie goes to JSON.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = parseAccept(accept);
  const best = (types: Set<string>) => Math.max(0, ...ranges.filter((r) => types.has(r.type)).map((r) => r.q));
  const html = best(HTML);
  return html > 0 && html > best(JSON_TYPES);
}
