// `npm run learning:rebuild`: recounts what the tickets teach the classifier, from every
// ticket in the configured database, in one transaction. For a database whose tickets
// were saved before learning existed (or loaded by COPY, as the seed does); afterwards
// every write keeps the counts up to date by itself.
import { rebuildTermCounts } from '../classifier/learning.repository.js';
import { parseConfig } from '../config.js';
import { openDatabase, type Db } from '../db/client.js';

const config = parseConfig();
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, maxConnections: 1 } : { kind: 'pglite', dataDir: config.dataDir },
);
try {
  const started = Date.now();
  await database.db.transaction((tx) => rebuildTermCounts(tx as unknown as Db));
  console.log(`rebuilt the learned term counts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
