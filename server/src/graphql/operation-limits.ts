// The limits on one GraphQL request, as numbers a client can plan for (README, "GraphQL
// API"), each with the code of its refusal. Everything that checks a limit reads it here.
import { GraphQLError, type ASTNode, type GraphQLFormattedError } from 'graphql';

export const OPERATION_LIMITS = {
  /** Lexical tokens in the document; the parser stops past it, before any validation. */
  maxTokens: 1000,
  /** Nesting of fields, the root fields being depth 1 (fragments are expanded). */
  maxDepth: 32,
  /** Aliased fields in the operation, a fragment counting each time it is spread. */
  maxAliases: 20,
  /** Fields at the root of the operation (`tickets`, `stats`, `__typename`, …). */
  maxRootFields: 10,
  /** Fields in the operation, a fragment counting each time it is spread. */
  maxFields: 500,
  /**
   * Fields that each run at least one database query (lists, counts, statistics,
   * mutations), each counting 1, or SCAN_COST when it reads rows chosen by a search or
   * a created-at range.
   */
  maxCost: 25,
  /**
   * The largest response the operation could produce, in bytes of UTF-8 JSON, computed
   * from the schema before execution: every list at its longest, every text at its
   * longest in its widest characters. Two pages of 100 tickets with every field fit.
   */
  maxResponseSize: 25_000_000,
  /**
   * The serialised response, in bytes: a last line of defence behind `maxResponseSize`,
   * which an operation that passed the estimate should never reach.
   */
  maxResponseBytes: 30_000_000,
} as const;

/**
 * The cost of a list or statistics whose rows a search or a created-at range chooses:
 * such a query may read many tickets (every one, on PGlite, for a rare term shorter than
 * the search index serves), and PGlite runs it on the server's own thread, where it
 * cannot be cancelled. Two fit within maxCost with their counts, three do not.
 */
export const SCAN_COST = 10;

export type OperationLimit = keyof typeof OPERATION_LIMITS;

/** The `extensions.code` of each refusal; the limit itself is in `extensions[limit]`. */
export const OPERATION_LIMIT_CODES = {
  maxTokens: 'DOCUMENT_TOO_LARGE',
  maxDepth: 'OPERATION_TOO_DEEP',
  maxAliases: 'TOO_MANY_ALIASES',
  maxRootFields: 'TOO_MANY_ROOT_FIELDS',
  maxFields: 'TOO_MANY_FIELDS',
  maxCost: 'OPERATION_TOO_COSTLY',
  maxResponseSize: 'RESPONSE_TOO_LARGE',
  maxResponseBytes: 'RESPONSE_LIMIT_EXCEEDED',
} as const satisfies Record<OperationLimit, string>;

const DESCRIPTIONS: Record<OperationLimit, (max: number) => string> = {
  maxTokens: (max) => `The document has more than ${max} tokens; split it into several requests.`,
  maxDepth: (max) => `This operation nests fields more than ${max} deep.`,
  maxAliases: (max) => `This operation has more than ${max} aliases (a fragment counts each time it is spread).`,
  maxRootFields: (max) => `This operation asks for more than ${max} root fields; split it into several requests.`,
  maxFields: (max) =>
    `This operation asks for more than ${max} fields (a fragment counts each time it is spread); split it into several requests.`,
  maxCost: (max) =>
    `This operation asks for more than ${max} units of database work (a ticket query, list, count or statistics costs 1, ${SCAN_COST} with a search or a createdAt range); split it into several requests.`,
  maxResponseSize: (max) =>
    `This operation's response could exceed ${max} bytes (lists counted at their page size, texts at their maximum length); ask for fewer tickets or fields, or split it.`,
  maxResponseBytes: (max) => `The response exceeded ${max} bytes and was not sent; ask for less.`,
};

/** The message of a refusal: what was crossed and what to do. */
export function describeLimit(limit: OperationLimit, value: number = OPERATION_LIMITS[limit]): string {
  return DESCRIPTIONS[limit](value);
}

/** A request refused for one of the limits above. */
export class OperationLimitError extends GraphQLError {
  readonly limit: OperationLimit;

  constructor(limit: OperationLimit, nodes?: readonly ASTNode[]) {
    super(describeLimit(limit), {
      nodes,
      extensions: { code: OPERATION_LIMIT_CODES[limit], [limit]: OPERATION_LIMITS[limit] },
    });
    this.limit = limit;
  }
}

// graphql-js's own message when `parse(…, { maxTokens })` stops ("more that" in 16.x).
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] \d+ tokens\. Parsing aborted\.$/;

/**
 * Gives a refusal its own code back. Apollo reports every validation error as
 * GRAPHQL_VALIDATION_FAILED and every parse error, the token limit's included, as
 * GRAPHQL_PARSE_FAILED; a limit is worth telling apart, since the client's remedy is
 * to ask for less, not to fix a mistake.
 */
export function limitErrorFormat(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const limit: OperationLimit | null =
    original instanceof OperationLimitError
      ? original.limit
      : formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT_MESSAGE.test(formatted.message)
        ? 'maxTokens'
        : null;
  if (!limit) return formatted;
  return {
    ...formatted,
    message: describeLimit(limit),
    extensions: { ...formatted.extensions, code: OPERATION_LIMIT_CODES[limit], [limit]: OPERATION_LIMITS[limit] },
  };
}
