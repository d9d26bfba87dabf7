/**
 * Debian Chromium driven by playwright-core (no Playwright test runner: vitest
 * runs the journeys). One browser per test file, a fresh context per test, so
 * every test starts with an empty IndexedDB, i.e. a freshly seeded mock shop.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject, type TestContext } from 'vitest';
import type { Role } from '../../src/contract/permissions';
import { signIn } from './app';
import { launchChromium, VIEWPORT } from './chromium';
import { testClock } from '../clock';

/**
 * A context whose pages run on the tests' clock (STOCKROOM_TEST_NOW), not the day the suite runs: the
 * in-page mock makes its shop at that instant and the app's "today" follows, as on a server started
 * with the same clock. Time then flows at its natural pace.
 */
async function newClockedContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.install({ time: testClock() });
  return context;
}

export type BrowserSession = {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The preview server's origin, e.g. http://127.0.0.1:41234. */
  readonly baseUrl: string;
  /** Another context (a second "browser profile"), closed with the test's. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
};

const resultsDir = resolve(import.meta.dirname, '../../test-results');

function safeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}

/**
 * Registers the hooks of a browser test file and returns the live session.
 * `contextOptions` applies to every test's context (e.g. a color scheme);
 * each test starts signed in as `role` (admin unless said otherwise; null: nobody).
 *
 * `shared`: one context for the whole file, signed in once, and a fresh page per test. For a file whose
 * tests only look (the accessibility audit): each test still starts from a fresh load of the app, but
 * on the shop and session the file's first test made, instead of seeding a shop and signing in again
 * (half of each audit's time). The shop then carries what earlier tests wrote.
 */
export function setupBrowser(
  contextOptions: BrowserContextOptions = {},
  { role = 'admin', shared = false }: { role?: Role | null; shared?: boolean } = {},
): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let extra: BrowserContext[] = [];
  const baseUrl = inject('baseUrl');
  const options: BrowserContextOptions = { viewport: VIEWPORT, acceptDownloads: true, locale: 'en-US', ...contextOptions };
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`No ${what}: use the session inside a test`);
    return value;
  };

  const openContext = async (more: BrowserContextOptions = {}): Promise<BrowserContext> => {
    const opened = await newClockedContext(need(browser, 'browser'), { ...options, ...more });
    // Shorter than the test timeout, so a missing element fails with its own message.
    opened.setDefaultTimeout(15_000);
    return opened;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    if (shared) {
      context = await openContext();
      const first = await context.newPage();
      if (role) await signIn(first, baseUrl, role);
      await first.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!shared) context = await openContext();
    page = await need(context, 'browser context').newPage();
    extra = [];
    if (role && !shared) await signIn(page, baseUrl, role);
  });
  afterEach(async ({ task }: TestContext) => {
    // A screenshot of every open page of a failed test, to see what the person would have seen.
    if (task.result?.state === 'fail') {
      await mkdir(resultsDir, { recursive: true });
      const pages = [context, ...extra].flatMap((c) => c?.pages() ?? []);
      await Promise.all(
        pages.map((p, i) =>
          p.screenshot({ path: resolve(resultsDir, `${safeName(task.name)}-${i + 1}.png`), fullPage: true }).catch(() => undefined),
        ),
      );
    }
    await Promise.all([shared ? page : context, ...extra].map((c) => c?.close()));
    if (!shared) context = undefined;
    page = undefined;
  });

  return {
    get browser() {
      return need(browser, 'browser');
    },
    get context() {
      return need(context, 'browser context');
    },
    get page() {
      return need(page, 'page');
    },
    baseUrl,
    async newContext(more = {}) {
      const created = await openContext(more);
      extra.push(created);
      return created;
    },
  };
}
