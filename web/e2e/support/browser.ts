// Debian's Chromium under playwright-core (never a downloaded browser), with every
// request off this machine refused and recorded: the app must work offline. Each
// session is one browser context (its own cookies: one signed-in person), recording
// what must never happen in it: page errors and Content-Security-Policy violations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const SCREENSHOT_DIR = join(import.meta.dirname, '..', 'screenshots');

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to load from anywhere but the server under test. */
  externalRequests: string[];
  /** Uncaught exceptions in any page of the context. */
  pageErrors: string[];
  /**
   * Content-Security-Policy violations in any page of the context: the pages' own
   * `securitypolicyviolation` events, and the console's reports (workers' too, which
   * have no document to fire the event on).
   */
  cspViolations: string[];
  screenshot(name: string): Promise<void>;
  /** Closes the context, and the browser when this session launched it. */
  close(): Promise<void>;
}

/**
 * One Chromium, for several sessions (contexts) of a test file. Playwright turns off
 * the back-forward cache, which people's browsers have on: `backForwardCache` turns it
 * back on, for what Back shows after signing out (then wait for `commit`, not `load`,
 * after `goBack`: a page restored from the cache does not load again).
 */
export async function launchBrowser({ backForwardCache = false }: { backForwardCache?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : [],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new context on `baseURL`, in `browser` when given (kept open on close), else in a browser of its own. */
export async function openBrowser(baseURL: string, { browser: shared }: { browser?: Browser } = {}): Promise<BrowserSession> {
  const browser = shared ?? (await launchBrowser());
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const origin = new URL(baseURL).origin;
  const externalRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
    externalRequests.push(url);
    return route.abort('blockedbyclient');
  });

  const pageErrors: string[] = [];
  context.on('weberror', (error) => pageErrors.push(error.error().message));

  const cspViolations: string[] = [];
  // A binding survives navigations, unlike anything kept in the page's window.
  await context.exposeBinding('__e2eReportCspViolation', (_source, report: string) => {
    cspViolations.push(report);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __e2eReportCspViolation(report: string): void }).__e2eReportCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} (${location.pathname})`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  const page = await context.newPage();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    context,
    page,
    externalRequests,
    pageErrors,
    cspViolations,
    async screenshot(name) {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      if (!shared) await browser.close();
    },
  };
}
