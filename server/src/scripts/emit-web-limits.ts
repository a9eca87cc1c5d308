// Writes web/src/gql/limits.ts (see web-limits.ts): the server's limits for the web app.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderWebLimits, WEB_LIMITS_PATH } from './web-limits.js';

const target = fileURLToPath(new URL(`../../../${WEB_LIMITS_PATH}`, import.meta.url));
await writeFile(target, renderWebLimits());
console.log(`wrote ${target}`);
