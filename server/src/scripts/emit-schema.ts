// Writes the sorted SDL of the code-first schema to the repository root's
// schema.graphql: the reviewed contract, diffed in CI.
import { fileURLToPath } from 'node:url';
import { buildGraphQLSchema } from '../graphql/schema.js';

const target = fileURLToPath(new URL('../../../schema.graphql', import.meta.url));
await buildGraphQLSchema({ emitSchemaFile: target });
console.log(`wrote ${target}`);
