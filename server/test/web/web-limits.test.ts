// The web app's copy of the server's limits is generated (npm run generate) and
// committed: it must equal what the server's constants render today, so a changed
// limit cannot leave the web checking the old one.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderWebLimits, WEB_LIMITS_PATH } from '../../src/scripts/web-limits.js';
import { TICKET_DESCRIPTION_MAX, TICKET_TITLE_MAX } from '../../src/tickets/ticket.enums.js';

describe('web/src/gql/limits.ts', () => {
  it('is what the server renders from its constants (run `npm run generate` if not)', async () => {
    const committed = await readFile(new URL(`../../../${WEB_LIMITS_PATH}`, import.meta.url), 'utf8');
    expect(committed).toBe(renderWebLimits());
  });

  it('carries the values of the server constants', () => {
    const rendered = renderWebLimits();
    expect(rendered).toContain(`export const TICKET_TITLE_MAX = ${TICKET_TITLE_MAX};`);
    expect(rendered).toContain(`export const TICKET_DESCRIPTION_MAX = ${TICKET_DESCRIPTION_MAX};`);
  });
});
