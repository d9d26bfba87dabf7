/**
 * The goal table of issue 18 ("the default run is instant at any size"), measured in headless
 * Chromium against the production build: each row printed beside its goal. Called by bench.ts
 * (`npm run bench`, or `npx tsx scripts/bench.ts Goals` for this step alone).
 *
 * What each row measures, from the page's navigation start unless said:
 * - long tasks caused by the mock: long animation frames whose scripts (Long Animation Frames API
 *   attribution) are the mock's chunks, from navigation until the mock answered, default shop and
 *   50,000 / 200,000; the longest main-thread task of the same window is printed beside, for context;
 * - sign-in form interactive: the form's email field and an enabled submit button, painted;
 * - chart drawn: a chart's svg (`.recharts-surface`) in main, painted;
 * - first rows: a row of the products table, painted;
 * - JS heap: once the dashboard's recent orders are shown (so every order is made), after a garbage collection, the
 *   page's heap plus the heap of every worker of the page;
 * - Lighthouse: its mobile preset's performance score (bench-lighthouse.ts).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { demoStaffOf } from '../src/demo-shop/demo-staff.ts';
import { VIEWPORT } from '../tests/e2e/chromium.ts';
import { lighthouseRuns, type LighthouseRun } from './bench-lighthouse.ts';

const DIST = resolve(import.meta.dirname, '../dist');
const BIG = 'mock.products=50000&mock.orders=200000';
const RUNS = 3;
const BIG_TIMEOUT = 240_000;

type Row = { measure: string; value: string; goal: string; ok: boolean | null };
type Marks = {
  signInReady?: number;
  chartDrawn?: number;
  firstRow?: number;
  longTasks: number[];
  mockFrames: { duration: number; scripts: string[] }[];
};

const out = (line = '') => process.stdout.write(`${line}\n`);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

/**
 * Installed before the app's scripts in every page of a context: notes when the sign-in form, a chart and
 * a product row are first in the DOM and painted (one frame, then a task), and collects long tasks and the
 * long animation frames' script attribution.
 */
function watchPage(): void {
  const w = window as unknown as Window & { stockroomMarks: Marks };
  const marks: Marks = { longTasks: [], mockFrames: [] };
  w.stockroomMarks = marks;
  const painted = (key: 'signInReady' | 'chartDrawn' | 'firstRow') =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks[key] ??= performance.now();
      };
      channel.port2.postMessage(null);
    });
  const seen = new Set<string>();
  const observer = new MutationObserver(() => {
    const check = (key: 'signInReady' | 'chartDrawn' | 'firstRow', found: boolean) => {
      if (found && !seen.has(key)) {
        seen.add(key);
        painted(key);
      }
    };
    const submit = document.querySelector<HTMLButtonElement>('form[aria-label="Sign in"] button[type="submit"]');
    check('signInReady', Boolean(document.querySelector('form[aria-label="Sign in"] input') && submit && !submit.disabled));
    check('chartDrawn', Boolean(document.querySelector('main .recharts-surface')));
    check('firstRow', Boolean(document.querySelector('table[aria-label="Products"] tbody tr a')));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { scripts?: { duration: number; sourceURL: string }[] })[]) {
        const scripts = (entry.scripts ?? []).filter((s) => s.duration >= 50).map((s) => s.sourceURL);
        if (scripts.length) marks.mockFrames.push({ duration: entry.duration, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // An older browser without these entry types: the rows say so by showing nothing.
  }
}

async function marksOf(page: Page): Promise<Marks> {
  return page.evaluate(() => (window as unknown as Window & { stockroomMarks: Marks }).stockroomMarks);
}

async function until(page: Page, key: 'signInReady' | 'chartDrawn' | 'firstRow', timeout: number): Promise<number> {
  const handle = await page.waitForFunction((k) => (window as unknown as Window & { stockroomMarks?: Marks }).stockroomMarks?.[k], key, {
    timeout,
    polling: 50,
  });
  return Number(await handle.jsonValue());
}

async function watchedContext(browser: Browser, storageState?: BrowserContextOptions['storageState']): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState });
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript(watchPage);
  return context;
}

/** The demo accounts are listed once the mock answers: that is when the shop is ready. */
async function mockAnswered(page: Page, timeout: number): Promise<void> {
  await page.getByRole('button', { name: 'Use Manager account' }).waitFor({ timeout });
}

/** The JS files index.html loads (its module script and modulepreloads), gzip -9. */
async function indexHtmlJs(): Promise<number> {
  const html = await readFile(resolve(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  let total = 0;
  for (const file of new Set(files)) total += gzipSync(await readFile(resolve(DIST, 'assets', file)), { level: 9 }).length;
  return total;
}

/** Mock chunks: the page's mock entry (browser-*.js) and the mock's worker, by file name. */
const MOCK_SCRIPT = /\/assets\/(browser|mock-worker)-[\w-]+\.js/;

function mockLongTasks(marks: Marks): number {
  return Math.max(0, ...marks.mockFrames.filter((f) => f.scripts.some((s) => MOCK_SCRIPT.test(s))).map((f) => f.duration));
}

/** The page's JS heap and every worker's, after a garbage collection in each, in bytes. */
async function jsHeap(page: Page): Promise<{ page: number; workers: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const own = await session.send('Runtime.getHeapUsage');
  let workers = 0;
  for (const worker of page.workers()) {
    // A worker has no performance.memory; its own CDP target answers through the page's session.
    const used = await workerHeap(page, worker.url()).catch(() => Number.NaN);
    workers += used;
  }
  await session.detach();
  return { page: own.usedSize, workers };
}

/** One worker's heap through the browser's CDP target of it (flatten: false, so no session of Playwright's is touched). */
async function workerHeap(page: Page, url: string): Promise<number> {
  const browser = page.context().browser();
  if (!browser) return Number.NaN;
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'worker' && t.url === url);
    if (!target) return Number.NaN;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let nextId = 1;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((done) => {
        const id = nextId++;
        const listener = (event: { sessionId?: string; message: string }) => {
          const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
          if (event.sessionId === sessionId && reply.id === id) {
            cdp.off('Target.receivedMessageFromTarget', listener);
            done(reply.result ?? {});
          }
        };
        cdp.on('Target.receivedMessageFromTarget', listener);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return Number(usage.usedSize);
  } finally {
    await cdp.detach();
  }
}

export async function measureGoals(browser: Browser, baseUrl: string, signedIn: BrowserContextOptions['storageState']): Promise<boolean> {
  const rows: Row[] = [];
  const row = (measure: string, value: number, goal: number, unit = 'ms') =>
    rows.push({
      measure,
      value: unit === 'ms' ? ms(value) : `${value.toFixed(0)} ${unit}`,
      goal: `< ${goal.toLocaleString('en-US')} ${unit}`,
      ok: value < goal,
    });
  const manager = demoStaffOf('manager');

  // Cold first visit → sign-in form interactive, then sign-in click → dashboard chart drawn (default shop).
  const signInTimes: number[] = [];
  const toDashboard: number[] = [];
  const mockTasksDefault: number[] = [];
  const longestDefault: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await watchedContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in?redirect=%2Fdashboard`);
    signInTimes.push(await until(page, 'signInReady', 60_000));
    await mockAnswered(page, 60_000);
    const marks = await marksOf(page);
    mockTasksDefault.push(mockLongTasks(marks));
    longestDefault.push(Math.max(0, ...marks.longTasks));
    await page.getByRole('textbox', { name: 'Email' }).fill(manager.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(manager.password);
    await page.evaluate(() => {
      const w = window as unknown as Window & { stockroomClick?: number; stockroomMarks: Marks };
      window.addEventListener('pointerdown', (e) => (w.stockroomClick = e.timeStamp), { capture: true, once: true });
      delete w.stockroomMarks.chartDrawn;
    });
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const drawn = await until(page, 'chartDrawn', 60_000);
    const clicked = await page.evaluate(() => (window as unknown as Window & { stockroomClick?: number }).stockroomClick ?? Number.NaN);
    toDashboard.push(drawn - clicked);
    await context.close();
  }

  // Signed in, cold (no cache, no IndexedDB): /dashboard → chart drawn.
  const coldDashboard: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await watchedContext(browser, signedIn);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/dashboard`);
    coldDashboard.push(await until(page, 'chartDrawn', 60_000));
    await context.close();
  }

  // Signed in: reload of /products → first rows (the shop was made on the first load).
  const reloadProducts: number[] = [];
  {
    const context = await watchedContext(browser, signedIn);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/products`);
    await until(page, 'firstRow', 60_000);
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      reloadProducts.push(await until(page, 'firstRow', 60_000));
    }
    await context.close();
  }

  // 50,000 / 200,000: first visit → sign-in form interactive, and the mock's long tasks until it answers.
  const context = await watchedContext(browser);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in?${BIG}`);
  const bigSignIn = await until(page, 'signInReady', BIG_TIMEOUT);
  await mockAnswered(page, BIG_TIMEOUT);
  const bigMarks = await marksOf(page);
  // Signed in on the big shop: reload → first product rows, then a load of the dashboard → chart drawn, then the heap.
  await page.evaluate(
    async ({ email, password }) =>
      fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) }),
    { email: manager.email, password: manager.password },
  );
  await page.goto(`${baseUrl}/products`);
  await until(page, 'firstRow', BIG_TIMEOUT);
  await page.reload();
  const bigReloadRows = await until(page, 'firstRow', BIG_TIMEOUT);
  await page.goto(`${baseUrl}/dashboard`);
  const bigDashboard = await until(page, 'chartDrawn', BIG_TIMEOUT);
  // The heap once the whole dashboard has answered: its recent orders need every order made (a kept shop makes them
  // after its first answers), so the heap counts them.
  await page.locator('table[aria-label="Recent orders"] tbody tr').first().waitFor({ timeout: BIG_TIMEOUT });
  const bigDashboardWhole = await page.evaluate(() => performance.now());
  const heap = await jsHeap(page);
  await context.close();

  const mockTasks = Math.max(...mockTasksDefault, mockLongTasks(bigMarks));
  rows.push({
    measure: 'main-thread long tasks caused by the mock, any size',
    value: `longest ${ms(mockTasks)} (all long tasks: longest ${ms(Math.max(...longestDefault))} default, ${ms(Math.max(0, ...bigMarks.longTasks))} at 50k/200k)`,
    goal: 'none over 50 ms',
    ok: mockTasks <= 50,
  });
  row(`cold first visit → sign-in form interactive, default shop (median of ${RUNS})`, median(signInTimes), 800);
  row(`sign-in click → dashboard chart drawn, default shop (median of ${RUNS})`, median(toDashboard), 600);
  row(`signed-in cold load of /dashboard → chart drawn, default shop (median of ${RUNS})`, median(coldDashboard), 1000);
  row(`signed-in reload of /products → first rows, default shop (median of ${RUNS})`, median(reloadProducts), 700);
  row('50,000 / 200,000: first visit → sign-in form interactive', bigSignIn, 1000);
  row('50,000 / 200,000: signed-in reload → first product rows', bigReloadRows, 1500);
  row('50,000 / 200,000: signed-in load of /dashboard → chart drawn', bigDashboard, 2500);
  rows.push({ measure: '50,000 / 200,000: list filter or sort → rows painted', value: 'see (b)', goal: '< 150 ms median', ok: null });
  const heapMb = (heap.page + heap.workers) / 1024 / 1024;
  rows.push({
    measure: 'JS heap at 50,000 / 200,000 after the dashboard (page + workers)',
    value: `${heapMb.toFixed(0)} MB (page ${(heap.page / 1024 / 1024).toFixed(0)} MB, workers ${(heap.workers / 1024 / 1024).toFixed(0)} MB; recent orders shown at ${ms(bigDashboardWhole)})`,
    goal: '< 200 MB',
    ok: heapMb < 200,
  });
  const lighthouse = await lighthouseRuns(baseUrl, RUNS);
  const score = (runs: readonly LighthouseRun[]) => median(runs.map((r) => r.score));
  const scores = { signIn: score(lighthouse.signIn), dashboard: score(lighthouse.dashboard) };
  rows.push({
    measure: `Lighthouse mobile performance, sign-in page / signed-in dashboard (median of ${RUNS})`,
    value: `${scores.signIn} / ${scores.dashboard}`,
    goal: '≥ 90 each',
    ok: scores.signIn >= 90 && scores.dashboard >= 90,
  });
  const js = await indexHtmlJs();
  rows.push({ measure: 'JS in index.html, gzip -9', value: `${(js / 1024).toFixed(1)} KB`, goal: '≤ 150 KB', ok: js <= 150 * 1024 });

  out('(h) issue 18: the default run is instant at any size');
  out(
    `    runs: sign-in ${signInTimes.map(ms).join(', ')} · to dashboard ${toDashboard.map(ms).join(', ')} · cold dashboard ${coldDashboard.map(ms).join(', ')} · reload products ${reloadProducts.map(ms).join(', ')}`,
  );
  const lighthouseLine = (runs: readonly LighthouseRun[]) => runs.map((r) => `${r.score} (TBT ${ms(r.totalBlockingMs)})`).join(', ');
  out(`    Lighthouse runs: sign-in ${lighthouseLine(lighthouse.signIn)} · dashboard ${lighthouseLine(lighthouse.dashboard)}`);
  for (const r of rows) {
    out(`    ${r.measure.padEnd(82)} ${r.value.padStart(12)}   goal ${r.goal}  ${r.ok === null ? '' : r.ok ? 'pass' : 'MISS'}`);
  }
  out();
  return rows.every((r) => r.ok !== false);
}
