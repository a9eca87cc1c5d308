// The agents' interaction budgets on 2,000 tickets (issue 15), measured in a real
// browser against the real server and written to bench/results as a report: status
// change visible < 100 ms, search results < 400 ms after the last keystroke (debounce
// included), list first paint < 1 s. Recorded, never asserted: timings depend on the
// machine and whatever else it runs. Opt-in (a few minutes): E2E_BENCH=1, as
// `npm run bench:interactions -w web` sets it.
import { cpus, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { startServer, type Person, type RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

const TICKETS = 2_000;
const RUNS = 15;
const REPORT = resolve(import.meta.dirname, '../../bench/results', process.env.E2E_BENCH_REPORT ?? '2026-12-01-web-interaction-budgets.md');
// Words of the seed script's vocabulary, a different one each run so no answer is cached.
const SEARCH_TERMS = [
  'invoice',
  'password',
  'webhook',
  'refund',
  'export',
  'crashes',
  'coupon',
  'attachments',
  'dashboard',
  'renewal',
  'calendar',
  'locked',
  'proration',
  'onboarding',
  'retention',
];

interface Measure {
  name: string;
  budgetMs: number;
  /** How it is measured, for the report. */
  how: string;
  samples: number[];
  /** Where the time went, each part's samples. */
  parts?: Record<string, number[]>;
}

let server: RunningServer;
let session: BrowserSession;
let page: Page;
let agent: Person;
const startedLoad = loadavg();
const measures: Measure[] = [];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function median(samples: readonly number[]): number {
  return quantile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );
}

/** What the budget leaves after a measure's first part (the typing pause), and what the rest took. */
function afterFirstPart({ budgetMs, parts }: Measure): string {
  const [first, ...rest] = Object.values(parts ?? {});
  if (!first || rest.length === 0) return '';
  const left = budgetMs - median(first);
  const took = rest.reduce((sum, samples) => sum + median(samples), 0);
  return `The first leaves ${left.toFixed(0)} ms of the budget to the others, which took ${took.toFixed(0)} ms.`;
}

function report(): string {
  const rows = measures.map(({ name, budgetMs, samples }) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const within = sorted.filter((s) => s < budgetMs).length;
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    return `| ${name} | < ${budgetMs} ms | ${samples.length} | ${ms(quantile(sorted, 0.5))} | ${ms(quantile(sorted, 0.95))} | ${ms(sorted.at(-1)!)} | ${within} of ${samples.length} |`;
  });
  const cpu = cpus();
  return [
    `# Web interaction budgets on ${TICKETS.toLocaleString('en')} tickets`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:interactions -w web\` (web/e2e/interaction-budgets.e2e.test.ts):`,
    "Debian's Chromium, headless, at 1440×900, driven by playwright-core against the real server (tsx, production",
    `web build) on the embedded PGlite database, filled with ${TICKETS.toLocaleString('en')} tickets and their history by the`,
    'seed script; signed in as an agent. Each figure is taken in the page, on its own clock, between the',
    'event that starts it and the next animation frame after the DOM shows the result. Recorded, not asserted.',
    '',
    '| interaction | budget | runs | median | p95 | max | within budget |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...measures.map(
      (m) =>
        `- **${m.name}**: ${m.how}${
          m.parts
            ? ` Medians of its parts: ${Object.entries(m.parts)
                .map(([part, samples]) => `${part} ${median(samples).toFixed(0)} ms`)
                .join('; ')}. ${afterFirstPart(m)}`
            : ''
        }`,
    ),
    '',
    '## Machine',
    '',
    `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average`,
    `${startedLoad.map((l) => l.toFixed(2)).join(' / ')} when the run started and ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} when it ended (1 / 5 / 15 min).`,
    'The machine was shared with other work (other sessions building and running their tests) during the',
    'run: browser, server and database shared its cores with them, so these are not idle-machine figures.',
    '',
  ].join('\n');
}

describe(`interaction budgets on ${TICKETS} tickets`, () => {
  beforeAll(async () => {
    server = await startServer({ seedTickets: TICKETS });
    agent = await server.createAgent({ displayName: 'Bench Agent' });
    session = await openBrowser(server.url);
    page = session.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    // The first ticket row's arrival, on the page's clock, on every document.
    await session.context.addInitScript(() => {
      const w = window as unknown as { __firstRowAt?: number };
      const observer = new MutationObserver(() => {
        if (w.__firstRowAt !== undefined || !document.querySelector('.ticket-row')) return;
        w.__firstRowAt = 0;
        observer.disconnect();
        requestAnimationFrame(() => (w.__firstRowAt = performance.now()));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await signIn(page, agent);
  }, 600_000);

  afterAll(async () => {
    if (measures.length > 0) writeFileSync(REPORT, report());
    await session?.close();
    await server?.stop();
  });

  it('list first paint', { timeout: 300_000 }, async () => {
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.goto('/tickets');
      await page.waitForFunction(() => ((window as unknown as { __firstRowAt?: number }).__firstRowAt ?? 0) > 0);
      samples.push(await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt));
    }
    measures.push({
      name: 'List first paint',
      budgetMs: 1_000,
      how: "from the navigation's start (a full load of /tickets: document, scripts, who is signed in, the first page of 25) to the frame after the first row is in the DOM; the browser's cache warm after the first run, as during a day's work.",
      samples,
    });
    expect(samples).toHaveLength(RUNS);
  });

  it('status change visible', { timeout: 300_000 }, async () => {
    await page.goto('/tickets');
    await page
      .locator('.ticket-row')
      .nth(RUNS - 1)
      .waitFor();
    // Before the menu's own handler, which keeps the key to itself.
    await page.evaluate(() => {
      const w = window as unknown as { __pressedAt: number };
      document.addEventListener('keydown', (event) => event.key === 'Enter' && (w.__pressedAt ||= event.timeStamp), { capture: true });
    });
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const button = page
        .locator('.ticket-row')
        .nth(run)
        .getByRole('button', { name: /^Status of / });
      await button.evaluate((el) => {
        const w = window as unknown as { __pressedAt: number; __shownAt: number };
        w.__pressedAt = 0;
        w.__shownAt = 0;
        const before = el.textContent;
        new MutationObserver((_, observer) => {
          if (el.textContent === before) return;
          observer.disconnect();
          requestAnimationFrame(() => (w.__shownAt = performance.now()));
        }).observe(el, { childList: true, characterData: true, subtree: true });
      });
      await button.click();
      await page.getByRole('menu').waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (window as unknown as { __shownAt: number }).__shownAt > 0);
      samples.push(
        await page.evaluate(
          () =>
            (window as unknown as { __shownAt: number; __pressedAt: number }).__shownAt -
            (window as unknown as { __pressedAt: number }).__pressedAt,
        ),
      );
      // Saved before the next one: the note comes with the server's answer.
      await page.locator('.undo-toast', { hasText: 'changed to' }).waitFor();
    }
    measures.push({
      name: 'Status change visible',
      budgetMs: 100,
      how: "from the Enter that commits a new status in a row's menu to the frame after the row's button shows it (shown at once, before the server answers; the server's answer follows).",
      samples,
    });
    expect(samples).toHaveLength(RUNS);
  });

  it('search results', { timeout: 300_000 }, async () => {
    const samples: number[] = [];
    const parts: Record<string, number[]> = {
      'typing pause and URL, until the request': [],
      'the request (server search, count and excerpts)': [],
      'showing the answer': [],
    };
    for (const term of SEARCH_TERMS.slice(0, RUNS)) {
      await page.goto('/tickets');
      await page.locator('.ticket-row').first().waitFor();
      const box = page.getByLabel('Search');
      await box.evaluate((input, searched) => {
        const w = window as unknown as { __typedAt: number; __resultsAt: number };
        w.__typedAt = 0;
        w.__resultsAt = 0;
        input.addEventListener('input', (event) => (w.__typedAt = event.timeStamp));
        const shown = () =>
          new URLSearchParams(location.search).get('q') === searched &&
          document.querySelector('.tickets')?.getAttribute('aria-busy') === 'false' &&
          (document.querySelector('.ticket-row mark') !== null || document.querySelector('.empty') !== null);
        new MutationObserver((_, observer) => {
          if (!shown()) return;
          observer.disconnect();
          requestAnimationFrame(() => (w.__resultsAt = performance.now()));
        }).observe(document.body, { childList: true, subtree: true, attributes: true });
      }, term);
      await box.click();
      // About an agent's typing speed.
      await page.keyboard.type(term, { delay: 80 });
      await page.waitForFunction(() => (window as unknown as { __resultsAt: number }).__resultsAt > 0, undefined, { timeout: 30_000 });
      const timing = await page.evaluate(() => {
        const w = window as unknown as { __resultsAt: number; __typedAt: number };
        // The last GraphQL answer before the results showed: the list's search.
        const request = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.name.endsWith('/graphql') && e.startTime >= w.__typedAt && e.responseEnd <= w.__resultsAt)
          .at(-1);
        return { typedAt: w.__typedAt, resultsAt: w.__resultsAt, start: request?.startTime, end: request?.responseEnd };
      });
      samples.push(timing.resultsAt - timing.typedAt);
      if (timing.start !== undefined && timing.end !== undefined) {
        parts['typing pause and URL, until the request']!.push(timing.start - timing.typedAt);
        parts['the request (server search, count and excerpts)']!.push(timing.end - timing.start);
        parts['showing the answer']!.push(timing.resultsAt - timing.end);
      }
    }
    measures.push({
      name: 'Search results',
      budgetMs: 400,
      how: 'from the last keystroke in the search box (a word typed at 80 ms a key, a different word each run) to the frame after the list shows the results with the word marked: the 150 ms pause the box waits for (TicketFilters.tsx, SEARCH_PAUSE_MS), the URL, the search on the server and the render.',
      samples,
      parts,
    });
    expect(samples).toHaveLength(RUNS);
  });
});
