// Runs the real server as a child process (node + tsx on src/main.ts, as `npm start`
// does) on a free port, collecting its JSON log lines, so tests can exercise start-up,
// signals and logging as an operator would. Every child is killed by killAllServers().
// Only public paths answer anonymous callers: startAuthenticatedServer starts one with
// a first admin and obtains a token for it (test-admin.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPgliteTemplate } from '../../support/databases.js';
import { adminEnv, obtainToken, TEST_ADMIN } from './test-admin.js';

const SERVER_DIR = fileURLToPath(new URL('../../..', import.meta.url));
const READY_MESSAGE = 'support tickets server ready';

export type LogLine = Record<string, unknown> & { msg?: string; reqId?: string; level?: number };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Parsed stdout lines; a line that is not JSON is kept as `{ unparsed: line }`. */
  readonly logs: LogLine[];
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<Exit>;
  /** Resolves with the first log line matching, or rejects if the process exits first. */
  waitForLog(match: (line: LogLine) => boolean, what?: string): Promise<LogLine>;
}

export interface RunningServer extends ServerProcess {
  url: string;
  port: number;
}

export interface AuthenticatedServer extends RunningServer {
  /** An API token of TEST_ADMIN's, obtained from this server. */
  token: string;
  /** The `Authorization` header value that sends it. */
  authorization: string;
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];
// Even if the test worker dies without running afterAll, no server outlives it.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export function tempDir(prefix = 'tickets-ops-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/**
 * A data directory already holding the run's migrated template, for servers whose test
 * names no database: a first start in an empty directory spends most of its time in
 * initdb, which the tests that pass their own empty DATA_DIR still exercise.
 */
function migratedDataDir(): string {
  const dir = tempDir();
  extractPgliteTemplate(dir);
  return dir;
}

/** The environment a test server starts from: nothing inherited that changes behaviour. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  // An empty env file, so a developer's own .env never leaks into a test.
  const envFile = join(tempDir('tickets-env-'), 'empty.env');
  writeFileSync(envFile, '');
  return {
    ...env,
    ENV_FILE: envFile,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
  };
}

export function spawnServer(env: Record<string, string> = {}): ServerProcess {
  const fullEnv = { ...baseEnv(), ...env };
  if (fullEnv.DATABASE_URL === undefined && fullEnv.DATA_DIR === undefined) fullEnv.DATA_DIR = migratedDataDir();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);

  const logs: LogLine[] = [];
  let out = '';
  let err = '';
  let partial = '';
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const text of lines) {
      if (text.trim() === '') continue;
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { unparsed: text };
      }
      logs.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  // 'close', not 'exit': at 'exit' the last lines written before process.exit may
  // still be in the pipes, and tests read them as soon as this resolves.
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });

  return {
    child,
    logs,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLog(match, what = 'log line') {
      const seen = logs.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<LogLine>((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then((exit) =>
          reject(new Error(`server exited (${JSON.stringify(exit)}) before ${what}\nstdout:\n${out}\nstderr:\n${err}`)),
        );
      });
    },
  };
}

/** Spawns a server and waits until it listens. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const server = spawnServer(env);
  const ready = await server.waitForLog((line) => line.msg === READY_MESSAGE, 'the ready line');
  const url = String(ready.address);
  return Object.assign(server, { url, port: Number(new URL(url).port) });
}

/**
 * Spawns a server that creates TEST_ADMIN at start (unless its database has an admin
 * already: then TEST_ADMIN must be one), waits until it listens, and obtains a token.
 */
export async function startAuthenticatedServer(env: Record<string, string> = {}): Promise<AuthenticatedServer> {
  const server = await startServer({ ...adminEnv(), ...env });
  const token = await obtainToken(server.url, TEST_ADMIN);
  return Object.assign(server, { token, authorization: `Token ${token}` });
}

/** SIGTERM, then the exit status. */
export async function stopServer(server: ServerProcess): Promise<Exit> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

/** For afterAll/afterEach: kills whatever a failed test left running and removes temp dirs. */
export async function killAllServers(): Promise<void> {
  const running = [...children];
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
