// Learned counts as tests inspect them: every delta folded in first, as the server's
// folder does in the background, so the counts table alone holds what was learned.
import { foldTermDeltas } from '../../src/classifier/learning.repository.js';
import type { Db } from '../../src/db/client.js';

export async function foldAll(db: Db): Promise<void> {
  while ((await foldTermDeltas(db)) > 0);
}
