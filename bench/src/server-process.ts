// The real server as a child process for the benchmarks: started on a free port of
// 127.0.0.1 with the given environment, waited for until /readyz answers, stopped
// with SIGTERM. Its peak memory is read from /proc. Its log lines go to our stderr,
// beside our progress lines, so that stdout carries only the report. A benchmark that
// needs identity starts it with BENCH_ADMIN and obtains a token as an integrator does.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The server's own directory: tsx reads its tsconfig (decorators) from there, as `npm start` does.
const SERVER_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'server');
const READY_WITHIN_MS = 120_000;
/** Linux's USER_HZ, the unit of /proc/<pid>/stat's CPU times (`getconf CLK_TCK`): 100 on every common build. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface RunningServer {
  child: ChildProcess;
  url: string;
  /** Peak resident set size so far (VmHWM), in MiB; null where /proc is not available. */
  peakRssMiB(): number | null;
  /**
   * CPU time the server has used so far (user + system), in ms; null where /proc is not
   * available. A figure per request that a busy machine's waits do not inflate, as
   * they inflate latencies.
   */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/** A port of 127.0.0.1 that nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePromise(port));
    });
  });
}

/** The benchmark's admin, created by the server at its first start on a database without one (ADMIN_EMAIL/ADMIN_PASSWORD). */
const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'bench-Osprey-granite-2291' } as const;

/** The environment that makes the server create BENCH_ADMIN while no admin exists. */
export function benchAdminEnv(): NodeJS.ProcessEnv {
  return { ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password };
}

/** An API token of BENCH_ADMIN's, from POST /api/auth/token/ (DRF's obtain-token). */
export async function obtainToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password, name: 'npm run bench' }),
  });
  const body = (await res.json()) as { token?: unknown };
  if (res.status !== 201 || typeof body.token !== 'string') {
    throw new Error(
      `could not obtain a token as ${BENCH_ADMIN.email} (${res.status} ${JSON.stringify(body)}): ` +
        'the database must have been set up by the benchmark, or have this admin',
    );
  }
  return body.token;
}

export interface ServerOptions {
  /** Node's own flags before the script (`--inspect=…`, `--cpu-prof`): a benchmark that reads the server's heap or profiles it. */
  nodeArgs?: readonly string[];
}

/** Starts `server/src/main.ts` with `env` (plus port, host, log level and production mode). */
export async function startServer(env: NodeJS.ProcessEnv, options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error('the server exited during start');
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > READY_WITHIN_MS) throw new Error(`the server did not become ready within ${READY_WITHIN_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    url,
    peakRssMiB() {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return match ? Number(match[1]) / 1024 : null;
      } catch {
        return null;
      }
    },
    cpuMs() {
      try {
        // Fields 14 and 15 (utime, stime) in clock ticks, after the command's parenthesised name.
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
      } catch {
        return null;
      }
    },
    async stop() {
      if (exited) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    },
  };
}
