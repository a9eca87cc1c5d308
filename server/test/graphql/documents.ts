// Hostile GraphQL documents shared by the limit tests and the benchmark.

/** `n` copies of `item(i)`, space-separated. */
export function repeat(n: number, item: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => item(i)).join(' ');
}

/**
 * The fragment fan-out: each fragment spreads the next twice, so a walk of
 * every path visits 2^levels leaves from a document of about 40·levels bytes.
 */
export function fanOut(levels: number, { on = 'Query', leaf = '__typename', root = (spread: string) => spread } = {}): string {
  return [
    `query FanOut { ${root('...F0')} }`,
    ...Array.from({ length: levels }, (_, i) => `fragment F${i} on ${on} { ...F${i + 1} ...F${i + 1} }`),
    `fragment F${levels} on ${on} { ${leaf} }`,
  ].join('\n');
}
