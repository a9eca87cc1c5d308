// drizzle-kit: generates SQL migrations into the repository's drizzle/ folder.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema.ts',
  out: './drizzle',
});
