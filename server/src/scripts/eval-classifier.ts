// `npm run eval:classifier [-- --limit N]`: replays the configured database's tickets
// (DATABASE_URL, else the embedded one at DATA_DIR) in time order and prints how often
// triage would have suggested what the team filed, learned and keyword-only side by side.
import { parseArgs } from 'node:util';
import { formatReplay, replayTickets } from '../classifier/learning.evaluation.js';
import { parseConfig } from '../config.js';
import { openDatabase } from '../db/client.js';

const { values } = parseArgs({ options: { limit: { type: 'string' } } });
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
  console.error('--limit must be a positive integer');
  process.exit(2);
}
const config = parseConfig();
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, maxConnections: 1 } : { kind: 'pglite', dataDir: config.dataDir },
);
try {
  const figures = await replayTickets(database.db, {
    limit,
    onProgress: (done) => process.stderr.write(`\rreplayed ${done.toLocaleString('en')}`),
  });
  process.stderr.write('\n');
  console.log(formatReplay(figures));
} finally {
  await database.close();
}
