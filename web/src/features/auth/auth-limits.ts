// The server's limits on people and tokens, as issue 12's contract states them.
// The server will emit them into gql/limits.ts beside the ticket limits; then they are
// imported from there and this file goes.

/** Longest email address, in characters. */
export const EMAIL_MAX = 254;

/** Longest display name, in code points of the trimmed text. */
export const DISPLAY_NAME_MAX = 100;

/** Shortest and longest password, in characters. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** Longest API token name, in code points of the trimmed text. */
export const API_TOKEN_NAME_MAX = 100;
