// `npm run learning:rebuild`: recounts what the tickets teach the classifier, from every
// ticket in the configured database, in one transaction. For a database whose tickets
// were saved before learning existed (the seed recounts by itself); afterwards every
// write keeps the counts up to date by itself.
import { relearnFromEveryTicket } from '../classifier/learning.service.js';
import { parseConfig } from '../config.js';
import { openDatabase } from '../db/client.js';

const config = parseConfig();
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, maxConnections: 1 } : { kind: 'pglite', dataDir: config.dataDir },
);
try {
  const started = Date.now();
  await relearnFromEveryTicket(database.db);
  console.log(`rebuilt the learned term counts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
