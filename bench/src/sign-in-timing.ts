// `npm run bench:sign-in -w bench -- [--rounds N]` (the server's tsconfig: its decorators)
//
// Sign-in must not tell an unknown email from a known one by its answer time: both run
// one argon2 verification (the test suite counts them; this measures what they cost).
// One in-process app on the embedded database; the three kinds of attempt alternate,
// each from its own client address so that throttling never answers first, and the
// medians are printed. A refusal before verification (an empty password) is the floor.
import { parseArgs } from 'node:util';
import { buildApp } from '../../server/src/app.js';
import { parseConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/db/client.js';
import { createUser } from '../../server/test/support/factories.js';
import { summarize } from './stats.js';

const SIGN_IN = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { userErrors { code } } }';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '40' } } });
const rounds = Number(values.rounds);

const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
await database.migrate();
const user = await createUser(database.db);
const app = await buildApp({ config: parseConfig({ LOG_LEVEL: 'silent' }), database });
await app.ready();

let address = 0;
async function timed(email: string, password: string): Promise<number> {
  address += 1;
  const started = performance.now();
  await app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    payload: { query: SIGN_IN, variables: { input: { email, password } } },
  });
  return performance.now() - started;
}

await timed('warm-up@example.com', 'not the password');
const samples = { unknownEmail: [] as number[], wrongPassword: [] as number[], refusedBeforeVerification: [] as number[] };
for (let i = 0; i < rounds; i += 1) {
  samples.unknownEmail.push(await timed(`nobody${i}@example.com`, 'not the password'));
  samples.wrongPassword.push(await timed(user.email, 'not the password'));
  samples.refusedBeforeVerification.push(await timed(user.email, ''));
}
console.log(`| attempt | p50 ms | p95 ms |\n|---|---|---|`);
for (const [name, times] of Object.entries(samples)) {
  const s = summarize(times);
  console.log(`| ${name} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} |`);
}
await app.close();
await database.close();
