// `npm run dev`: the API server in watch mode (:8000) and the Vite dev server (:5173,
// proxying /graphql and /api to it), with prefixed output. When either stops, or on
// Ctrl-C, both stop.
import { spawn } from 'node:child_process';
import { setTimeout } from 'node:timers';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const children = [];
let stopping = false;

function prefix(name, stream, out) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
  stream.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  // Each child leads its own process group (npm → sh → vite/tsx): signalling the group
  // stops the grandchildren too, which npm does not always pass a signal on to.
  for (const child of children) {
    if (child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(code));
}

for (const [name, workspace] of [
  ['server', 'server'],
  ['web', 'web'],
]) {
  const child = spawn(npm[0], [...npm.slice(1), 'run', 'dev', '-w', workspace], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
  });
  prefix(name, child.stdout, process.stdout);
  prefix(name, child.stderr, process.stderr);
  child.on('exit', (code) => {
    if (!stopping) console.error(`[${name}] exited with ${code}; stopping the other process`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
