// Starts the real server (tsx, as `npm start` does) on a free port with a fresh
// embedded database in a temporary DATA_DIR, serving the built web app.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const repoRoot = resolve(import.meta.dirname, '../../..');

export interface RunningServer {
  url: string;
  /** Server log lines so far, for diagnosing a failure. */
  logs: string[];
  stop(): Promise<void>;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tickets-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'server'),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      // The offline classifier: the tests must not depend on the internet.
      GEMINI_API_KEY: '',
      CLASSIFY_RATE_LIMIT: '1000',
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: join(repoRoot, 'web', 'dist'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${logs.join('\n')}`)), 60_000);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        logs.push(line);
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
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before it was ready:\n${logs.join('\n')}`));
    });
  });

  return {
    url,
    logs,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
    async gql(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
  };
}
