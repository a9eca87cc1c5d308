// No Docker engine runs in CI, so the deployment files are held to what CI does run:
// the Dockerfile's build commands are CI's commands, its runtime install is the one
// runtime-install.smoke.sh exercises, every workspace manifest reaches `npm ci`, the
// build context keeps what the build reads and drops secrets, and every variable the
// server reads is documented and passed through by compose.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEnvFile, parseConfig } from '../../src/config.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const dockerfile = read('server/Dockerfile');
const ciRun = read('.ci/run');
const smoke = read('server/test/ops/runtime-install.smoke.sh');
const compose = read('docker-compose.yml');
const rootPackage = JSON.parse(read('package.json')) as { workspaces: string[]; scripts: Record<string, string> };

/** The Dockerfile's instructions per stage, continuation lines joined. */
function stages(text: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] = [];
  const lines = text.replace(/\\\n\s*/g, '').split('\n');
  for (const line of lines.map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const from = /^FROM\s+\S+\s+AS\s+(\S+)$/i.exec(line);
    if (from) result.set(from[1]!, (current = []));
    else current.push(line);
  }
  return result;
}

const dockerStages = stages(dockerfile);
const build = dockerStages.get('build') ?? [];
const runtime = dockerStages.get('runtime') ?? [];
const runCommands = (instructions: string[]) =>
  instructions
    .filter((i) => i.startsWith('RUN '))
    .flatMap((i) => i.slice(4).split('&&'))
    .map((c) => c.trim());

describe('server/Dockerfile', () => {
  it('has a build and a runtime stage on the same official Node LTS image', () => {
    expect([...dockerStages.keys()]).toEqual(['build', 'runtime']);
    const images = [...dockerfile.matchAll(/^FROM\s+(\S+)/gim)].map((m) => m[1]);
    expect(images).toEqual(['node:${NODE_VERSION}-bookworm-slim', 'node:${NODE_VERSION}-bookworm-slim']);
    const version = /^ARG NODE_VERSION=(\d+)$/m.exec(dockerfile)?.[1];
    expect(Number(version) % 2).toBe(0); // even majors are the LTS lines
  });

  it('builds with exactly the commands CI runs', () => {
    const npmCommands = runCommands(build).filter((c) => c.startsWith('npm '));
    expect(npmCommands).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    const ciLines = ciRun.split('\n').map((l) => l.trim());
    for (const command of npmCommands) expect(ciLines).toContain(command);
  });

  it('whose build script compiles the server to server/dist and bundles the web app', () => {
    expect(rootPackage.scripts.build).toBe('npm run build --workspaces --if-present');
    const server = JSON.parse(read('server/package.json')) as { scripts: Record<string, string> };
    expect(server.scripts.build).toBe('tsc -p tsconfig.build.json');
    const tsconfig = JSON.parse(read('server/tsconfig.build.json')) as { compilerOptions: Record<string, string> };
    // src/ maps onto dist/ at the same depth, so paths resolved from a module's own
    // location (../../../drizzle from db/migrate, ../../../web/dist) hold in both.
    expect(tsconfig.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
    const web = JSON.parse(read('web/package.json')) as { scripts: Record<string, string> };
    expect(web.scripts.build).toMatch(/^vite build/);
  });

  it('installs production dependencies only, as the CI smoke run does, and runs the compiled server as a non-root user', () => {
    const install = runCommands(runtime).find((c) => c.startsWith('npm ci'));
    expect(install).toBe('npm ci --omit=dev -w server --no-audit --no-fund');
    expect(smoke).toContain(`RUNTIME_INSTALL="${install}"`);
    expect(runtime).toContain('USER node');
    expect(runtime).toContain('CMD ["node", "server/dist/main.js"]');
    expect(runtime.some((i) => /^HEALTHCHECK .*\/readyz/.test(i))).toBe(true);
    expect(runtime).toContain('COPY drizzle ./drizzle');
    expect(runtime).toContain('COPY --from=build /app/server/dist ./server/dist');
    expect(runtime).toContain('COPY --from=build /app/web/dist ./web/dist');
  });

  it('copies every workspace manifest before `npm ci` in both stages, as the smoke run does', () => {
    for (const stage of [build, runtime]) {
      const install = stage.findIndex((i) => /^RUN npm ci/.test(i));
      const copies = stage.slice(0, install);
      expect(copies).toContain('COPY package.json package-lock.json ./');
      expect(smoke).toContain("require('./package.json').workspaces");
      for (const workspace of rootPackage.workspaces) {
        expect(copies).toContain(`COPY ${workspace}/package.json ${workspace}/`);
      }
    }
  });
});

/** .dockerignore semantics for the patterns we use: `*`, `**`, leading `!`. */
function dockerIgnored(patterns: string[], path: string): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negate = raw.startsWith('!');
    const pattern = negate ? raw.slice(1) : raw;
    const source = pattern
      .split('/')
      .map((part) => (part === '**' ? '.*' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')))
      .join('/')
      .replace(/\.\*\//g, '(?:.*/)?');
    // A pattern that names a directory excludes everything below it.
    if (new RegExp(`^${source}(?:/.*)?$`).test(path)) ignored = !negate;
  }
  return ignored;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...filesUnder(path));
    else out.push(relative(ROOT, join(ROOT, path)));
  }
  return out;
}

describe('.dockerignore', () => {
  const patterns = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

  it('keeps every file the image build reads', () => {
    const needed = [
      'package.json',
      'package-lock.json',
      ...rootPackage.workspaces.map((w) => `${w}/package.json`),
      'server/tsconfig.json',
      'server/tsconfig.build.json',
      ...filesUnder('server/src'),
      ...filesUnder('drizzle'),
      ...filesUnder('web').filter((f) => !f.startsWith('web/e2e/') && !f.startsWith('web/test-results/')),
    ];
    expect(needed.filter((f) => dockerIgnored(patterns, f))).toEqual([]);
  });

  it('drops secrets, local data and anything installed or built outside the image', () => {
    for (const path of [
      '.env',
      '.env.local',
      '.git/config',
      'node_modules/x/index.js',
      'web/node_modules/x.js',
      'server/dist/main.js',
      'web/dist/index.html',
      '.data/PG_VERSION',
      'server/.data/PG_VERSION',
    ]) {
      expect({ path, ignored: dockerIgnored(patterns, path) }).toEqual({ path, ignored: true });
    }
  });
});

describe('configuration is documented and reaches the container', () => {
  // Every variable the server reads, found by letting it read an empty environment.
  const seen = new Set<string>();
  const recorder = new Proxy({} as Record<string, string | undefined>, {
    get: (_target, name) => {
      if (typeof name === 'string') seen.add(name);
      return undefined;
    },
  });
  parseConfig(recorder);
  loadEnvFile(recorder);
  // npm sets INIT_CWD to the directory `npm start` ran in; nobody configures it.
  const setByNpm = ['INIT_CWD'];
  const variables = [...seen].filter((name) => !setByNpm.includes(name)).sort();
  const readme = read('README.md');
  const envExample = read('.env.example');
  // Fixed by the image or the compose file itself, rather than passed through.
  const setByDeployment = ['DATABASE_URL', 'DATA_DIR', 'HOST', 'NODE_ENV', 'PORT', 'WEB_DIST_DIR'];
  // Compose passes variables, not files: the container has no .env to point at.
  const notForContainers = ['ENV_FILE'];
  // Passed through, with a default of the compose file's own when unset.
  const composeDefaults = ['ALLOWED_HOSTS', 'TRUST_PROXY'];

  it('finds the variables', () => {
    expect(variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'GEMINI_API_KEY', 'SHUTDOWN_GRACE_MS', 'ENV_FILE']));
  });

  it.each(variables)('%s is in the README configuration table and in .env.example', (name) => {
    // A row of the table, however Prettier pads its cells.
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
    expect(envExample).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });

  it.each(variables)('%s reaches the container as docker-compose.yml or the image intends', (name) => {
    if (notForContainers.includes(name)) {
      expect(compose).not.toMatch(new RegExp(`\\b${name}\\b`));
    } else if (setByDeployment.includes(name)) {
      expect(dockerfile + compose).toMatch(new RegExp(`\\b${name}\\b`));
    } else if (composeDefaults.includes(name)) {
      expect(compose).toMatch(new RegExp(`${name}: "\\$\\{${name}:-[^}]+\\}"`));
    } else {
      expect(compose).toContain(`${name}: \${${name}:-}`);
    }
  });
});
