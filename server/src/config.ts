// The server's configuration: the environment parsed and validated once, at start.
// A bad value stops the start with a message naming the variable.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANONYMOUS_ACCESS_LEVELS, type AnonymousAccessLevel } from './auth/auth.enums.js';
import { checkProxyAddress, parseAllowedHosts } from './http/request-guards.js';

export interface Config {
  port: number;
  host: string;
  /** `postgres://…` selects PostgreSQL; absent selects the embedded PGlite database. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  corsOrigins: string[];
  /** Host header patterns served, as Django's ALLOWED_HOSTS; others get 400. */
  allowedHosts: string[];
  /** Whose X-Forwarded-* to believe: nobody, that many hops from the right, or these proxies. */
  trustProxy: false | number | string[];
  graphqlIntrospection: boolean;
  bodyLimitBytes: number;
  gemini: {
    apiKey: string | undefined;
    model: string;
    baseUrl: string | undefined;
    timeoutMs: number;
  };
  classifyRateLimitPerMinute: number;
  shutdownGraceMs: number;
  /** Deadlines: no request waits on the database, or anything else, without bound. */
  timeouts: {
    /** A request not answered by then gets 503 (Fastify's handlerTimeout). */
    requestMs: number;
    /** PostgreSQL cancels a statement running longer (its `statement_timeout`). */
    statementMs: number;
    /** Longest wait for a database connection: to open one, or for a busy pool to free one. */
    connectMs: number;
  };
  webDistDir: string | undefined;
  auth: AuthSettings;
  /** The first admin, created at start when no admin exists (Grafana's convention); ignored afterwards. */
  bootstrapAdmin: { email: string; password: string } | undefined;
  /** Where people reach the product (links in the setup log line); by default this server's own address. */
  publicUrl: string | undefined;
  webhooks: WebhookSettings;
  live: LiveSettings;
}

/**
 * Live updates over WebSocket (live/): every limit of a connection, in one place. The
 * README's "Live updates" lists them.
 */
export interface LiveSettings {
  /** WebSocket connections one process holds (LIVE_MAX_CONNECTIONS); an upgrade past it is refused with 503. */
  maxConnections: number;
  /** Subscriptions open at once on one connection (LIVE_MAX_SUBSCRIPTIONS); one more is refused with TOO_MANY_SUBSCRIPTIONS. */
  maxSubscriptionsPerConnection: number;
  /** Bytes waiting to be sent to one client (LIVE_MAX_BUFFERED_BYTES): past it, a client that stopped reading is dropped. */
  maxBufferedBytes: number;
  /** Activities waiting for one subscription: past it, the client is too slow to follow and is dropped. */
  queueMax: number;
  /** A ping this often (LIVE_KEEPALIVE_MS); a connection that has not answered by the next one is dropped. */
  keepAliveMs: number;
  /** The longest message a client may send (a subscription document and its variables). */
  maxMessageBytes: number;
  /** How long a new connection may take to send `connection_init`. */
  connectionInitTimeoutMs: number;
  /** How often the process checks that every connection's session or token still lets it in. */
  recheckIntervalMs: number;
}

/** How webhooks are delivered (webhooks/). */
export interface WebhookSettings {
  /** Allow endpoints on loopback, private and link-local addresses (WEBHOOK_ALLOW_PRIVATE): for tests and closed networks. */
  allowPrivate: boolean;
  /** An endpoint failing continuously this long is turned off. */
  disableAfterMs: number;
  /** One attempt's deadline, connection to last byte of the answer. */
  timeoutMs: number;
  /** The first retry's delay; each next one doubles, up to backoffMaxMs (with jitter). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Deliveries this process attempts at once; 0: it delivers none (others on the database do). */
  workers: number;
  /** How often an idle worker looks for due deliveries without being woken. */
  pollIntervalMs: number;
  /** Finished deliveries (and outbox rows no delivery needs) are kept this long after their last attempt (WEBHOOK_RETENTION_DAYS). */
  retentionMs: number;
  /** How often each process purges what is past the retention. */
  retentionIntervalMs: number;
}

/** Identity settings the services read. */
export interface AuthSettings {
  /** What a caller without credentials may do (ANONYMOUS_ACCESS); 'none' by default. */
  anonymousAccess: AnonymousAccessLevel | 'none';
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, however active. */
  sessionMaxAgeMs: number;
  /** Failed sign-ins per account, and per client address, within the window before 429. */
  signInMaxFailures: number;
  signInWindowMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * A relative path is relative to where the user ran the command: npm runs the
 * server's script inside server/ but records the caller's directory in INIT_CWD.
 */
function userPath(env: Env, path: string): string {
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}

/** The repository root's `.env`: the same file whether the server runs from src/ (tsx) or dist/ (node). */
const DEFAULT_ENV_FILE = fileURLToPath(new URL('../../.env', import.meta.url));
/** The repository root's `.data`, whichever directory the server was started from (npm runs it in server/). */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data', import.meta.url));
/** `GEMINI_MODEL` when unset; also the Gemini client's default when a caller names no model. */
export const DEFAULT_GEMINI_MODEL = 'gemini-2.5-flash';

/**
 * Loads `ENV_FILE` (default: the repository root's `.env`, skipped when absent) into
 * process.env. Variables already set in the environment win, as with `node --env-file`.
 * Returns the path loaded, for the start-up log line; never the values.
 */
export function loadEnvFile(env: Env = process.env): string | undefined {
  const explicit = env.ENV_FILE?.trim() || undefined;
  const path = explicit === undefined ? DEFAULT_ENV_FILE : userPath(env, explicit);
  if (!existsSync(path)) {
    if (explicit !== undefined) throw new ConfigError('ENV_FILE', `no such file: ${path}`);
    return undefined;
  }
  try {
    process.loadEnvFile(path);
  } catch (error) {
    throw new ConfigError('ENV_FILE', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return path;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function str(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected ${min}..${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

/** The message of a check that throws, as a ConfigError naming the variable. */
function checked<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new ConfigError(name, error instanceof Error ? error.message : String(error));
  }
}

function trustProxy(env: Env): Config['trustProxy'] {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 0, 100) || false;
  // `true` would trust every address: any client could then pick its own rate-limit key.
  const addresses = raw.split(',').map((a) => a.trim());
  for (const address of addresses) checked('TRUST_PROXY', () => checkProxyAddress(address));
  return addresses;
}

export function parseConfig(env: Env = process.env): Config {
  const databaseUrl = str(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'expected a postgres:// or postgresql:// URL');
  }
  const logLevel = str(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const corsOrigins = (str(env, 'CORS_ORIGINS') ?? 'http://localhost:5173')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError('CORS_ORIGINS', `expected comma-separated origins like http://localhost:5173, got "${origin}"`);
    }
  }
  const geminiBaseUrl = str(env, 'GEMINI_BASE_URL');
  if (geminiBaseUrl !== undefined && !/^https?:\/\//.test(geminiBaseUrl)) {
    throw new ConfigError('GEMINI_BASE_URL', 'expected an http(s) URL');
  }
  const webDist = str(env, 'WEB_DIST_DIR');
  const anonymousAccess = str(env, 'ANONYMOUS_ACCESS')?.toLowerCase() ?? 'none';
  if (anonymousAccess !== 'none' && !(ANONYMOUS_ACCESS_LEVELS as readonly string[]).includes(anonymousAccess)) {
    throw new ConfigError('ANONYMOUS_ACCESS', `expected read or write (or unset), got "${anonymousAccess}"`);
  }
  const adminEmail = str(env, 'ADMIN_EMAIL');
  // Not trimmed: spaces may be part of a password.
  const adminPassword = env.ADMIN_PASSWORD === '' ? undefined : env.ADMIN_PASSWORD;
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(adminEmail === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD', 'ADMIN_EMAIL and ADMIN_PASSWORD are set together');
  }
  const publicUrl = str(env, 'PUBLIC_URL')?.replace(/\/+$/, '');
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+$/.test(publicUrl)) {
    throw new ConfigError('PUBLIC_URL', `expected an origin like https://tickets.example.com, got "${publicUrl}"`);
  }
  return {
    port: int(env, 'PORT', 8000, 0, 65535),
    host: str(env, 'HOST') ?? '127.0.0.1',
    databaseUrl,
    dataDir: userPath(env, str(env, 'DATA_DIR') ?? DEFAULT_DATA_DIR),
    logLevel: logLevel as Config['logLevel'],
    corsOrigins,
    allowedHosts: checked('ALLOWED_HOSTS', () => parseAllowedHosts(str(env, 'ALLOWED_HOSTS') ?? 'localhost,127.0.0.1,[::1]')),
    trustProxy: trustProxy(env),
    graphqlIntrospection: bool(env, 'GRAPHQL_INTROSPECTION', true),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    gemini: {
      apiKey: str(env, 'GEMINI_API_KEY'),
      model: str(env, 'GEMINI_MODEL') ?? DEFAULT_GEMINI_MODEL,
      baseUrl: geminiBaseUrl,
      timeoutMs: int(env, 'GEMINI_TIMEOUT_MS', 8000, 100, 120_000),
    },
    classifyRateLimitPerMinute: int(env, 'CLASSIFY_RATE_LIMIT', 30, 1, 100_000),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    timeouts: {
      requestMs: int(env, 'REQUEST_TIMEOUT_MS', 10_000, 100, 600_000),
      statementMs: int(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 5_000, 100, 600_000),
      connectMs: int(env, 'DATABASE_CONNECT_TIMEOUT_MS', 3_000, 100, 600_000),
    },
    webDistDir: webDist === undefined ? undefined : userPath(env, webDist),
    auth: {
      anonymousAccess: anonymousAccess as AuthSettings['anonymousAccess'],
      sessionIdleMs: int(env, 'SESSION_IDLE_TIMEOUT_MINUTES', 12 * 60, 1, 366 * 24 * 60) * 60_000,
      sessionMaxAgeMs: int(env, 'SESSION_MAX_AGE_HOURS', 7 * 24, 1, 366 * 24) * 3_600_000,
      signInMaxFailures: int(env, 'SIGN_IN_MAX_FAILURES', 10, 1, 10_000),
      signInWindowMs: int(env, 'SIGN_IN_WINDOW_MINUTES', 15, 1, 24 * 60) * 60_000,
    },
    bootstrapAdmin: adminEmail !== undefined && adminPassword !== undefined ? { email: adminEmail, password: adminPassword } : undefined,
    publicUrl,
    webhooks: {
      allowPrivate: bool(env, 'WEBHOOK_ALLOW_PRIVATE', false),
      disableAfterMs: int(env, 'WEBHOOK_DISABLE_AFTER_HOURS', 72, 1, 366 * 24) * 3_600_000,
      timeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
      backoffBaseMs: int(env, 'WEBHOOK_BACKOFF_BASE_MS', 30_000, 10, 3_600_000),
      backoffMaxMs: int(env, 'WEBHOOK_BACKOFF_MAX_MS', 3_600_000, 10, 24 * 3_600_000),
      workers: int(env, 'WEBHOOK_WORKERS', 4, 0, 64),
      pollIntervalMs: int(env, 'WEBHOOK_POLL_INTERVAL_MS', 5_000, 50, 600_000),
      retentionMs: int(env, 'WEBHOOK_RETENTION_DAYS', 30, 1, 3_650) * 86_400_000,
      retentionIntervalMs: 3_600_000,
    },
    live: {
      maxConnections: int(env, 'LIVE_MAX_CONNECTIONS', 1_000, 1, 1_000_000),
      maxSubscriptionsPerConnection: int(env, 'LIVE_MAX_SUBSCRIPTIONS', 10, 1, 1_000),
      maxBufferedBytes: int(env, 'LIVE_MAX_BUFFERED_BYTES', 1_048_576, 1024, 1_073_741_824),
      queueMax: 100,
      keepAliveMs: int(env, 'LIVE_KEEPALIVE_MS', 12_000, 100, 600_000),
      maxMessageBytes: 65_536,
      connectionInitTimeoutMs: 3_000,
      // "Within a second" of a sign-out, a revocation or a deactivation, on any process.
      recheckIntervalMs: 1_000,
    },
  };
}
