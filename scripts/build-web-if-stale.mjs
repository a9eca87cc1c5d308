// Builds the web app (web/dist) when it is missing or older than its sources, so
// `npm start` always serves the current app without rebuilding on every start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const outputs = [join(web, 'dist', 'index.html'), join(web, 'dist', 'graphiql', 'index.html')];
const sources = ['src', 'public', 'graphiql', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((p) => join(web, p));

function newest(path) {
  if (!existsSync(path)) return { time: 0, path };
  const stats = statSync(path);
  if (!stats.isDirectory()) return { time: stats.mtimeMs, path };
  let best = { time: 0, path };
  for (const entry of readdirSync(path)) {
    const found = newest(join(path, entry));
    if (found.time > best.time) best = found;
  }
  return best;
}

function reasonToBuild() {
  const missing = outputs.find((file) => !existsSync(file));
  if (missing) return `${relative(root, missing)} is missing`;
  const builtAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const source = sources.map(newest).reduce((a, b) => (b.time > a.time ? b : a));
  return source.time > builtAt ? `${relative(root, source.path)} changed since the last build` : null;
}

const reason = process.env.FORCE_WEB_BUILD ? 'FORCE_WEB_BUILD is set' : reasonToBuild();
if (!reason) {
  console.log('web: build is up to date');
  process.exit(0);
}
console.log(`web: building (${reason})`);
// Run through the npm that runs us, whatever its install location.
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const result = spawnSync(npm[0], [...npm.slice(1), 'run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
