// `npm run bench:auth -w bench -- [--requests N] [--out FILE]` (the server's tsconfig: its decorators)
//
// Issue #12's target: authentication adds at most 0.3 ms to a request's p50. The HTTP
// benchmark (`npm run bench`) measures it too, but with 8 connections on a 2-core
// machine its p50s move by milliseconds between runs. This measures only what the
// token adds: one in-process app (embedded database, 200 tickets, ANONYMOUS_ACCESS=read),
// the same requests sent one at a time through Fastify's inject, alternating with the
// token and anonymously, so that drift weighs on both alike. Writes a markdown table.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from '../../server/src/app.js';
import { parseConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/db/client.js';
import { createCaller, createTickets } from '../../server/test/support/factories.js';
import { summarize, type LatencySummary } from './stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_MS = 0.3;

const { values } = parseArgs({ options: { requests: { type: 'string', default: '3000' }, out: { type: 'string' } } });
const requests = Number(values.requests);

const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
await database.migrate();
await createTickets(database.db, 200);
const { authorization } = await createCaller(database.db, 'agent');
const app = await buildApp({ config: parseConfig({ LOG_LEVEL: 'silent', ANONYMOUS_ACCESS: 'read' }), database });
await app.ready();

const CASES = [
  { name: 'REST list newest 20', method: 'GET' as const, url: '/api/tickets/?page_size=20' },
  { name: 'REST one ticket', method: 'GET' as const, url: '/api/tickets/1/' },
  {
    name: 'GraphQL list newest 20',
    method: 'POST' as const,
    url: '/graphql',
    payload: { query: '{ tickets(first: 20) { nodes { id title } } }' },
  },
  { name: '/healthz (public: no authentication)', method: 'GET' as const, url: '/healthz' },
];

async function timed(send: () => Promise<{ statusCode: number }>): Promise<number> {
  const start = process.hrtime.bigint();
  const res = await send();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
  return ms;
}

const rows: { name: string; token: LatencySummary; anonymous: LatencySummary }[] = [];
for (const c of CASES) {
  const send = (headers: Record<string, string>) => () =>
    app.inject({ method: c.method, url: c.url, headers: { 'content-type': 'application/json', ...headers }, payload: c.payload });
  // Warm-up of both paths (JIT, prepared statements, the credential cache).
  for (let i = 0; i < 200; i += 1) {
    await timed(send({ authorization }));
    await timed(send({}));
  }
  const withToken: number[] = [];
  const anonymous: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    // Token, anonymous, anonymous, token: neither always goes first.
    if (i % 2 === 0) {
      withToken.push(await timed(send({ authorization })));
      anonymous.push(await timed(send({})));
    } else {
      anonymous.push(await timed(send({})));
      withToken.push(await timed(send({ authorization })));
    }
  }
  rows.push({ name: c.name, token: summarize(withToken), anonymous: summarize(anonymous) });
  console.error(`${c.name}: token p50 ${rows.at(-1)!.token.p50.toFixed(3)} ms, anonymous p50 ${rows.at(-1)!.anonymous.p50.toFixed(3)} ms`);
}
await app.close();
await database.close();

const fmt = (n: number) => n.toFixed(3);
const lines = [
  '# Benchmark: what authentication adds (in process)',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} at the end`,
  `- ${requests} requests per case with an agent's API token and as many anonymously (ANONYMOUS_ACCESS=read), alternating, one at a time, through Fastify's inject on PGlite with 200 tickets`,
  '',
  '| Case | token p50 ms | anonymous p50 ms | authentication adds to p50 ms | token p95 ms | anonymous p95 ms | target |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => {
    const added = r.token.p50 - r.anonymous.p50;
    return `| ${r.name} | ${fmt(r.token.p50)} | ${fmt(r.anonymous.p50)} | ${fmt(added)} | ${fmt(r.token.p95)} | ${fmt(r.anonymous.p95)} | ≤ ${TARGET_MS} ms: ${added <= TARGET_MS ? 'met' : 'missed'} |`;
  }),
  '',
  'A token is looked up in the database at most once per 500 ms (the credential cache); every other request finds it cached. /healthz is public and skips authentication: its two columns show the noise floor.',
  '',
];
const out = values.out ?? join(ROOT, 'bench', 'results', `${new Date().toISOString().slice(0, 10)}-auth-overhead.md`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, lines.join('\n'));
console.error(`wrote ${out}`);
