// Starts the real server (tsx, as `npm start` does) on a free port with a fresh
// embedded database in a temporary DATA_DIR, serving the built web app. By default
// with a first admin (ADMIN_EMAIL/ADMIN_PASSWORD), since the server refuses anonymous
// callers: `gql` arranges data as that admin through an API token obtained once, the
// way an integrator's script would. Without one, the server logs a setup link. For
// measurements at scale, the server's seed script can fill the database first.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const repoRoot = resolve(import.meta.dirname, '../../..');

export interface Credentials {
  email: string;
  password: string;
}

export interface Person extends Credentials {
  id: string;
  displayName: string;
  role: 'ADMIN' | 'AGENT';
}

/**
 * The first admin of every server started with one. The server names them after their
 * email's local part. The password passes the server's rules (10+ characters, not a
 * common one); the tests are the only ones who know it.
 */
export const ADMIN: Credentials & { displayName: string } = {
  email: 'admin@tickets.test',
  password: 'e2e admin: four correct staples',
  displayName: 'admin',
};

export interface ServerOptions {
  /** The first admin, set through ADMIN_EMAIL/ADMIN_PASSWORD; null: none (the server logs a one-time setup link). */
  admin?: Credentials | null;
  /** More of the server's environment, such as WEBHOOK_ALLOW_PRIVATE=true for a receiver on 127.0.0.1. */
  env?: Record<string, string>;
  /** Tickets the seed script (`npm run seed`) adds before the server starts, with their history. */
  seedTickets?: number;
}

/** Runs the server's seed script on the embedded database in `dataDir`. */
async function seed(dataDir: string, count: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/scripts/seed.ts', '--count', String(count)], {
    cwd: join(repoRoot, 'server'),
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`the seed script exited with ${code}:\n${errors}`);
}

export interface RunningServer {
  url: string;
  /** Server log lines so far, for diagnosing a failure and for what the server tells its operator. */
  logs: string[];
  stop(): Promise<void>;
  /** Stops the server process (SIGTERM, as an operator's restart) and starts it again on the same address and database. */
  restart(): Promise<void>;
  /** A GraphQL operation as the first admin (an API token, no cookies); throws on any error. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A new agent (createUser as the admin), with the password to sign in with. */
  createAgent(overrides?: Partial<Pick<Person, 'displayName' | 'email' | 'password'>>): Promise<Person>;
  /** The first log line matching `pattern` (already written or still to come), matched. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/** The message of a JSON log line, or the line itself. */
function logMessage(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: unknown };
    return typeof entry.msg === 'string' ? entry.msg : line;
  } catch {
    return line;
  }
}

let agentCount = 0;

export async function startServer({ admin = ADMIN, env = {}, seedTickets = 0 }: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tickets-e2e-'));
  if (seedTickets > 0) await seed(dataDir, seedTickets);
  const logs: string[] = [];
  const logWaiters = new Set<(line: string) => void>();
  let child!: ChildProcess;
  let exited!: Promise<number | null>;

  /** Starts the server process on `port` (0: any free one) and answers its address once it is ready. */
  function launch(port: number): Promise<string> {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(repoRoot, 'server'),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        // The offline classifier: the tests must not depend on the internet.
        GEMINI_API_KEY: '',
        CLASSIFY_RATE_LIMIT: '1000',
        LOG_LEVEL: 'info',
        WEB_DIST_DIR: join(repoRoot, 'web', 'dist'),
        // Set (empty counts as unset) so that nothing from the caller's environment or a
        // .env file changes who may do what: the setup link then names this server.
        ADMIN_EMAIL: admin?.email ?? '',
        ADMIN_PASSWORD: admin?.password ?? '',
        ANONYMOUS_ACCESS: '',
        PUBLIC_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const spawned = child;
    exited = new Promise<number | null>((done) => spawned.once('exit', (code) => done(code)));
    const thisExit = exited;

    return new Promise<string>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`server did not start:\n${logs.join('\n')}`)), 60_000);
      for (const stream of [spawned.stdout!, spawned.stderr!]) {
        createInterface({ input: stream }).on('line', (line) => {
          logs.push(line);
          for (const waiter of logWaiters) waiter(line);
          try {
            const entry = JSON.parse(line) as { msg?: string; address?: string };
            if (entry.msg === 'support tickets server ready' && entry.address) {
              clearTimeout(timer);
              ready(entry.address.replace('0.0.0.0', '127.0.0.1'));
            }
          } catch {
            // Not a JSON log line.
          }
        });
      }
      void thisExit.then((code) => {
        clearTimeout(timer);
        fail(new Error(`server exited with ${code} before it was ready:\n${logs.join('\n')}`));
      });
    });
  }

  async function stopProcess(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  }

  const url = await launch(0);

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  // Obtained on first use, once: a test that never arranges data never signs in.
  let adminToken: Promise<string> | undefined;
  function obtainAdminToken(): Promise<string> {
    if (!admin) return Promise.reject(new Error('this server has no first admin: start it with `admin` to arrange data'));
    adminToken ??= (async () => {
      const res = await post('/api/auth/token/', { email: admin.email, password: admin.password, name: 'e2e arrangements' });
      const body = (await res.json()) as { token?: string };
      if (res.status !== 201 || !body.token) throw new Error(`could not obtain a token (${res.status}): ${JSON.stringify(body)}`);
      return body.token;
    })();
    return adminToken;
  }

  async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await post('/graphql', { query, variables }, { authorization: `Token ${await obtainAdminToken()}` });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  return {
    url,
    logs,
    async stop() {
      await stopProcess();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await stopProcess();
      await launch(Number(new URL(url).port));
    },
    gql,
    async createAgent(overrides = {}) {
      agentCount += 1;
      const input = {
        displayName: overrides.displayName ?? `Agent ${agentCount}`,
        email: overrides.email ?? `agent-${agentCount}@tickets.test`,
        password: overrides.password ?? `agent ${agentCount}: a long enough secret`,
        role: 'AGENT',
      };
      const data = await gql<{ createUser: { user: { id: string } | null; userErrors: { field: string | null; code: string }[] } }>(
        'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } userErrors { field code } } }',
        { input },
      );
      if (!data.createUser.user) throw new Error(`createUser refused: ${JSON.stringify(data.createUser.userErrors)}`);
      return { id: data.createUser.user.id, displayName: input.displayName, email: input.email, password: input.password, role: 'AGENT' };
    },
    waitForLog(pattern, timeoutMs = 30_000) {
      const seen = logs
        .map(logMessage)
        .map((message) => message.match(pattern))
        .find((m) => m !== null);
      if (seen) return Promise.resolve(seen);
      return new Promise((found, fail) => {
        const timer = setTimeout(() => {
          logWaiters.delete(waiter);
          fail(new Error(`no log line matched ${pattern} within ${timeoutMs} ms:\n${logs.join('\n')}`));
        }, timeoutMs);
        const waiter = (line: string) => {
          const match = logMessage(line).match(pattern);
          if (!match) return;
          clearTimeout(timer);
          logWaiters.delete(waiter);
          found(match);
        };
        logWaiters.add(waiter);
      });
    },
  };
}
