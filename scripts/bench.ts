/**
 * `npm run bench`: builds, serves dist/ with vite preview, and measures in
 * headless Chromium what a person would feel:
 *   (a) gzip size of the JS the first screen (/products) loads, split into shell, mock API and route chunks;
 *   (b) with 50,000 products, input → new rows painted for a filter, a sort and a page change;
 *   (c) navigation → first products page painted in demo mode, mock start-up included;
 *   (d) with 50,000 products (≈150,000 stock levels), input → new inventory rows painted for a filter and a sort;
 *   (e) with 200,000 orders, a filter → rows painted, and a click → the order's detail painted;
 *   (f) with the same orders, the dashboard painted after navigating to it, and each report request's time in the mock;
 *   (g) with the same orders, each of the newer reports, drill-down lists and the discounts list with usage over the real HTTP path (fetch → MSW → answer);
 *   (i) with the same orders, a customer search (Enter → rows painted) and a customer's page (click → figures and orders painted);
 *   (h) issue 18's goal table (bench-goals.ts): sign-in, dashboard and reload times, the mock's long tasks, heap, index.html's JS.
 * It prints each figure beside its goal. A benchmark, not a test: it always exits 0.
 */
import { readdir, readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { signIn } from '../tests/e2e/app.ts';
import { measureGoals } from './bench-goals.ts';
import { launchChromium, VIEWPORT } from '../tests/e2e/chromium.ts';
import { startPreview, stopPreview } from '../tests/e2e/preview-server.ts';

const DIST = resolve(import.meta.dirname, '../dist');
const SHELL_GOAL_KB = 160;
const INTERACTION_GOAL_MS = 150;
const FIRST_PAINT_GOAL_MS = 1500;
const REPEATS = 15;
const FIRST_PAINT_RUNS = 5;
const BIG_SHOP = 50_000;
const BIG_ORDERS = 200_000;
const DEFAULT_PRODUCTS = 300;
const DETAIL_GOAL_MS = 100;
const DASHBOARD_GOAL_MS = 1000;
const REPORT_GOAL_MS = 100;
const DASHBOARD_RUNS = 3;

const out = (line = '') => process.stdout.write(`${line}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS');

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

// ------------------------------------------------------------------ (a) JS sizes

/** Static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`); dynamic `import()` is left out on purpose. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) if (match[1]) found.add(match[1]);
  return [...found];
}

/** Every chunk a file needs before it runs: itself and its static imports, transitively. */
async function staticClosure(file: string, cache: Map<string, string[]>): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [file];
  while (queue.length) {
    const next = queue.pop();
    if (!next || seen.has(next)) continue;
    seen.add(next);
    let imports = cache.get(next);
    if (!imports) {
      imports = staticImports(await readFile(resolve(DIST, 'assets', next), 'utf8'));
      cache.set(next, imports);
    }
    queue.push(...imports);
  }
  return seen;
}

type ChunkKind = 'shell' | 'mock' | 'route';

/**
 * Shell: the entry of index.html and what it statically imports (all of it runs before anything renders).
 * Mock: the chunk of mocks/browser.ts (loaded by main.tsx in demo mode) and what only it imports.
 * Route: everything else, loaded lazily by the screen.
 */
async function classifyChunks(): Promise<(file: string) => ChunkKind> {
  const html = await readFile(resolve(DIST, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('No module entry script in dist/index.html');
  const cache = new Map<string, string[]>();
  const shell = await staticClosure(entry, cache);
  const files = await readdir(resolve(DIST, 'assets'));
  const mockEntry = files.find((f) => /^browser-[\w-]+\.js$/.test(f));
  const mock = mockEntry ? await staticClosure(mockEntry, cache) : new Set<string>();
  return (file) => (shell.has(file) ? 'shell' : mock.has(file) ? 'mock' : 'route');
}

/**
 * Screens need a session. Signing in once and handing its storage (the mock's session and
 * staff document live in localStorage) to each measured context keeps the measured
 * contexts cold: no script cached, no shop in IndexedDB, only the session.
 */
let signedIn: BrowserContextOptions['storageState'];

async function signInOnce(browser: Browser, baseUrl: string): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await signIn(await context.newPage(), baseUrl, 'merchandiser');
  signedIn = await context.storageState();
  await context.close();
}

async function measureFirstScreenJs(browser: Browser, baseUrl: string): Promise<boolean> {
  const kindOf = await classifyChunks();
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: signedIn });
  const page = await context.newPage();
  const scripts: Promise<{ file: string; raw: number; gzip: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const url = new URL(response.url());
    if (url.origin !== baseUrl) return;
    scripts.push(
      response.body().then((body) => ({
        file: url.pathname.split('/').pop() ?? url.pathname,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
      })),
    );
  });
  await page.goto(`${baseUrl}/products`);
  await waitForRows(page, 30_000);
  await page.waitForLoadState('networkidle');
  const loaded = await Promise.all(scripts);
  await context.close();

  const totals: Record<ChunkKind, { raw: number; gzip: number; files: string[] }> = {
    shell: { raw: 0, gzip: 0, files: [] },
    mock: { raw: 0, gzip: 0, files: [] },
    route: { raw: 0, gzip: 0, files: [] },
  };
  for (const s of loaded) {
    const kind = kindOf(s.file);
    totals[kind].raw += s.raw;
    totals[kind].gzip += s.gzip;
    totals[kind].files.push(`${s.file} ${kb(s.gzip)}`);
  }
  const all = loaded.reduce((sum, s) => sum + s.gzip, 0);
  const shellOk = totals.shell.gzip <= SHELL_GOAL_KB * 1024;
  out('(a) JavaScript loaded by the first screen (/products), gzip -9 of each response');
  out(`    total          ${kb(all).padStart(10)}  (${loaded.length} scripts)`);
  out(`    shell / app    ${kb(totals.shell.gzip).padStart(10)}  goal ≤ ${SHELL_GOAL_KB} KB  ${verdict(shellOk)}`);
  out(`    mock API       ${kb(totals.mock.gzip).padStart(10)}  (demo mode only)`);
  out(`    route chunks   ${kb(totals.route.gzip).padStart(10)}  (loaded lazily by the screen)`);
  for (const kind of ['shell', 'mock', 'route'] as const) out(`      ${kind}: ${totals[kind].files.join(', ') || '—'}`);
  out();
  return shellOk;
}

// ------------------------------------------------------------------ (b) interactions on a big shop

/** Rows of a list screen's table carry links (to the product, to the ledger), so their hrefs tell one page from another. */
async function waitForRows(page: Page, timeout: number, table = 'Products'): Promise<void> {
  await page.locator(`table[aria-label="${table}"] tbody tr a`).first().waitFor({ timeout });
  await page.waitForFunction((name) => !document.querySelector(`table[aria-label="${name}"][aria-busy="true"]`), table, { timeout });
}

/**
 * Arms a measurement in the page: the next click's event time → a MutationObserver on the table body
 * sees rows different from now → one animation frame, then a task (the frame has been painted by then).
 * Resolves in the page with the milliseconds; read it with `window.stockroomBenchResult`.
 */
async function armRowsPainted(page: Page, table: string, on: 'pointerdown' | 'keydown' = 'pointerdown'): Promise<void> {
  await page.evaluate(
    ([name, starter]) => {
      const w = window as Window & { stockroomBenchResult?: Promise<number> };
      if (!document.querySelector(`table[aria-label="${name}"] tbody`)) throw new Error(`No table called ${name}`);
      // The body is looked up each time: a screen may render a new one for a new view.
      const rows = () =>
        [...document.querySelectorAll(`table[aria-label="${name}"] tbody tr a`)].map((a) => a.getAttribute('href')).join('|');
      const before = rows();
      w.stockroomBenchResult = new Promise<number>((done, fail) => {
        let start: number | null = null;
        // pointerdown, not click: a select's option acts on mousedown, and some never see a click. keydown: Enter in a search box.
        window.addEventListener(
          starter,
          (event) => {
            start = event.timeStamp;
          },
          { capture: true, once: true },
        );
        const observer = new MutationObserver(() => {
          const now = rows();
          if (start === null || now === '' || now === before) return;
          observer.disconnect();
          const from = start;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done(performance.now() - from);
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => fail(new Error('No new rows within 20 s')), 20_000);
      });
    },
    [table, on] as const,
  );
}

async function measured(
  page: Page,
  act: () => Promise<void>,
  table = 'Products',
  on: 'pointerdown' | 'keydown' = 'pointerdown',
): Promise<number> {
  await armRowsPainted(page, table, on);
  const url = page.url();
  await act();
  const ms = await page
    .evaluate(() => (window as Window & { stockroomBenchResult?: Promise<number> }).stockroomBenchResult)
    .catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)} (from ${url} to ${page.url()})`);
    });
  await waitForRows(page, 20_000, table);
  if (typeof ms !== 'number') throw new Error('The measurement did not run');
  return ms;
}

type Series = { name: string; values: number[] };

/** A click on `link` → every selector of `painted` in the page, one frame drawn: the milliseconds, from the click's event time. */
async function clickToPainted(page: Page, link: Locator, painted: readonly string[]): Promise<number> {
  await page.evaluate((selectors) => {
    const w = window as Window & { stockroomBenchResult?: Promise<number> };
    w.stockroomBenchResult = new Promise<number>((done) => {
      let start = 0;
      window.addEventListener('pointerdown', (e) => (start = e.timeStamp), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (!selectors.every((selector) => document.querySelector(selector))) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => done(performance.now() - start);
          channel.port2.postMessage(null);
        });
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  }, painted);
  await link.click();
  return Number(await page.evaluate(() => (window as Window & { stockroomBenchResult?: Promise<number> }).stockroomBenchResult));
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps the named inner functions of the
 * callbacks handed to page.evaluate in a `__name(...)` helper that exists only in node. The page gets a no-op one.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

async function newBenchContext(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: signedIn });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  return context;
}

async function measureInteractions(browser: Browser, baseUrl: string): Promise<boolean> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${baseUrl}/products?mock.products=${BIG_SHOP}&mock.orders=${BIG_ORDERS}`);
  // The app renders only after the mock has seeded (main.tsx awaits it), so rows mean the shop is ready.
  await waitForRows(page, 120_000);
  const seeded = Date.now() - started;
  const total = await page.evaluate(async () => ((await (await fetch('/api/products?limit=1')).json()) as { total: number }).total);

  const categories = await page.evaluate(async () =>
    ((await (await fetch('/api/categories')).json()) as { items: { name: string }[] }).items.map((c) => c.name),
  );
  const filter: Series = { name: 'filter (category)', values: [] };
  for (let i = 0; i < REPEATS; i++) {
    const name = categories[i % categories.length] ?? 'Audio';
    await page.getByRole('combobox', { name: 'Category' }).click();
    const option = page.getByRole('option', { name, exact: true });
    await option.waitFor();
    filter.values.push(await measured(page, () => option.click()));
  }

  const sortable = ['Price', 'Stock', 'SKUs', 'Product', 'Updated'];
  const sort: Series = { name: 'sort (column header)', values: [] };
  for (let i = 0; i < REPEATS; i++) {
    const header = page
      .getByRole('table', { name: 'Products' })
      .getByRole('button', { name: new RegExp(`^${sortable[i % sortable.length]}`) });
    sort.values.push(await measured(page, () => header.click()));
  }

  const paging: Series = { name: 'page (next page)', values: [] };
  for (let i = 0; i < REPEATS; i++) {
    paging.values.push(await measured(page, () => page.getByRole('button', { name: 'next page' }).click()));
  }
  await context.close();

  out(
    `(b) ${total.toLocaleString('en-US')} products (seeded and shown in ${(seeded / 1000).toFixed(1)} s): input → new rows painted, ${REPEATS} runs each`,
  );
  return report([filter, sort, paging]);
}

/** Prints each series' median and p95 against the interaction goal; true when every median meets it. */
function report(series: readonly Series[]): boolean {
  let ok = true;
  for (const { name, values } of series) {
    const median = percentile(values, 50);
    const p95 = percentile(values, 95);
    ok &&= median < INTERACTION_GOAL_MS;
    out(
      `    ${name.padEnd(22)} median ${median.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms   goal median < ${INTERACTION_GOAL_MS} ms  ${verdict(median < INTERACTION_GOAL_MS)}`,
    );
  }
  out();
  return ok;
}

/** (d) The inventory list of the same shop: one row per variant and location (≈150,000 at 50,000 products). */
async function measureInventory(browser: Browser, baseUrl: string): Promise<boolean> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${baseUrl}/inventory?mock.products=${BIG_SHOP}`);
  await waitForRows(page, 120_000, 'Inventory');
  const shown = Date.now() - started;
  const total = await page.evaluate(async () => ((await (await fetch('/api/inventory?limit=1')).json()) as { total: number }).total);

  const locations = await page.evaluate(async () =>
    ((await (await fetch('/api/locations')).json()) as { items: { name: string }[] }).items.map((l) => l.name),
  );
  const filter: Series = { name: 'filter (location)', values: [] };
  for (let i = 0; i < REPEATS; i++) {
    await page.getByRole('combobox', { name: 'Location' }).click();
    const option = page.getByRole('option', { name: locations[i % locations.length] ?? 'Edison, NJ', exact: true });
    await option.waitFor();
    filter.values.push(await measured(page, () => option.click(), 'Inventory'));
  }
  // A numeric sort between two title sorts: two numeric sorts can share their first page (on hand and available often do).
  const sortable = ['Available', 'Product', 'On hand', 'Product', 'Days of cover', 'Product', 'Reserved', 'Product'];
  const sort: Series = { name: 'sort (column header)', values: [] };
  for (let i = 0; i < REPEATS; i++) {
    const header = page
      .getByRole('table', { name: 'Inventory' })
      .getByRole('button', { name: new RegExp(`^${sortable[i % sortable.length]}`) });
    sort.values.push(await measured(page, () => header.click(), 'Inventory'));
  }
  await context.close();
  out(
    `(d) ${total.toLocaleString('en-US')} inventory levels (${BIG_SHOP.toLocaleString('en-US')} products; shop seeded and first page shown in ${(shown / 1000).toFixed(1)} s): input → new rows painted, ${REPEATS} runs each`,
  );
  return report([filter, sort]);
}

/** (e) Orders with the 200,000-order seed: a filter → rows painted; a row → its detail painted. (f) The dashboard. */
async function measureOrdersAndDashboard(browser: Browser, baseUrl: string): Promise<boolean> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${baseUrl}/orders?mock.orders=${BIG_ORDERS}&mock.products=${DEFAULT_PRODUCTS}`);
  await waitForRows(page, 180_000, 'Orders');
  const shown = Date.now() - started;
  // Let the idle warm-up finish (sort orders, the report index), as it would while a person reads the first page.
  await page.waitForTimeout(8_000);

  const filter: Series = { name: 'filter (ship-to state)', values: [] };
  const states = ['CA · California', 'TX · Texas', 'NY · New York', 'FL · Florida', 'PA · Pennsylvania'];
  for (let i = 0; i < REPEATS; i++) {
    await page.getByRole('combobox', { name: 'Ship-to state' }).click();
    const option = page.getByRole('option', { name: states[i % states.length] ?? 'CA · California', exact: true });
    await option.waitFor();
    filter.values.push(await measured(page, () => option.click(), 'Orders'));
  }
  const detail: Series = { name: 'open an order (click → detail)', values: [] };
  for (let i = 0; i < REPEATS; i++) {
    const link = page
      .getByRole('table', { name: 'Orders' })
      .locator('tbody tr a')
      .nth(i % 10);
    detail.values.push(await clickToPainted(page, link, ['table[aria-label="Line items"] tbody tr']));
    await page.goBack();
    await waitForRows(page, 20_000, 'Orders');
  }

  out(
    `(e) ${BIG_ORDERS.toLocaleString('en-US')} orders (shop seeded and first page shown in ${(shown / 1000).toFixed(1)} s): ${REPEATS} runs each`,
  );
  let ok = report([filter]);
  const detailMedian = percentile(detail.values, 50);
  ok &&= detailMedian < DETAIL_GOAL_MS;
  out(
    `    ${detail.name.padEnd(22)} median ${detailMedian.toFixed(0).padStart(5)} ms   p95 ${percentile(detail.values, 95).toFixed(0).padStart(5)} ms   goal < ${DETAIL_GOAL_MS} ms  ${verdict(detailMedian < DETAIL_GOAL_MS)}`,
  );
  out();

  // (f) From the orders list to the dashboard, in the app: every panel painted, and how long each report request took in the mock.
  const painted: number[] = [];
  const requests: number[] = [];
  for (let i = 0; i < DASHBOARD_RUNS; i++) {
    await page.goto(`${baseUrl}/orders`);
    await waitForRows(page, 180_000, 'Orders');
    await page.waitForTimeout(8_000);
    await page.evaluate(() => performance.clearResourceTimings());
    const start = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('main .mantine-Skeleton-root').length === 0 &&
        document.querySelectorAll('main .recharts-surface').length >= 2 &&
        document.querySelector('table[aria-label="Recent orders"] tbody tr') !== null,
      null,
      { timeout: 60_000, polling: 'raf' },
    );
    const end = await page.evaluate(() => performance.now());
    painted.push(end - start);
    requests.push(
      ...(await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/reports/'))
          .map((e) => e.duration),
      )),
    );
  }
  await context.close();
  const paintMedian = percentile(painted, 50);
  const requestMedian = percentile(requests, 50);
  const requestMax = Math.max(...requests);
  out(
    `(f) dashboard with ${BIG_ORDERS.toLocaleString('en-US')} orders: navigation from the order list → every panel painted, ${DASHBOARD_RUNS} runs`,
  );
  out(
    `    painted              median ${paintMedian.toFixed(0).padStart(5)} ms   runs ${painted.map((v) => v.toFixed(0)).join(', ')} ms   goal < ${DASHBOARD_GOAL_MS} ms  ${verdict(paintMedian < DASHBOARD_GOAL_MS)}`,
  );
  out(
    `    report requests      median ${requestMedian.toFixed(0).padStart(5)} ms   max ${requestMax.toFixed(0).padStart(5)} ms (${requests.length} requests)   goal each < ${REPORT_GOAL_MS} ms  ${verdict(requestMax < REPORT_GOAL_MS)}`,
  );
  out();
  return ok && paintMedian < DASHBOARD_GOAL_MS && requestMax < REPORT_GOAL_MS;
}

/** (g) The summary, profit, sell-through and the lists behind each figure: fetch → answer parsed, in the page, through MSW. */
async function measureDrillDowns(browser: Browser, baseUrl: string): Promise<boolean> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/orders?mock.orders=${BIG_ORDERS}&mock.products=${DEFAULT_PRODUCTS}`);
  await waitForRows(page, 180_000, 'Orders');
  await page.waitForTimeout(8_000);
  const timings = (await page.evaluate(`(async () => {
    const json = async (path) => (await fetch('/api' + path, { credentials: 'include' })).json();
    const { today } = await json('/reports/clock');
    const back = (days) => new Date(Date.parse(today + 'T00:00:00Z') - days * 86400000).toISOString().slice(0, 10);
    const month = 'from=' + back(29) + '&to=' + today;
    const quarter = 'from=' + back(89) + '&to=' + today;
    const category = (await json('/categories')).items[0].id;
    const paths = {
      'orders list + totals': '/orders?' + month,
      'refunds made': '/reports/refunds?' + month,
      'lines of a category': '/reports/lines?' + month + '&categoryId=' + category,
      'sales summary': '/reports/summary?' + quarter,
      'profit by product': '/reports/profit?by=product&' + quarter,
      'profit by category': '/reports/profit?by=category&' + quarter,
      'sell-through': '/reports/sell-through?' + month,
      'discounts with usage': '/discounts?sort=-revenue',
      'performance of a code': '/discounts/disc_0002/performance?from=' + back(364) + '&to=' + today,
    };
    const out = {};
    for (const [name, path] of Object.entries(paths)) {
      await json(path);
      out[name] = [];
      for (let i = 0; i < ${REPEATS}; i++) {
        const start = performance.now();
        await json(path);
        out[name].push(performance.now() - start);
      }
    }
    return out;
  })()`)) as Record<string, number[]>;
  await context.close();
  out(
    `(g) ${BIG_ORDERS.toLocaleString('en-US')} orders: request → answer parsed in the page, through MSW, ${REPEATS} runs each (after one warm-up)`,
  );
  let ok = true;
  for (const [name, values] of Object.entries(timings)) {
    const median = percentile(values, 50);
    ok &&= median < REPORT_GOAL_MS;
    out(
      `    ${name.padEnd(22)} median ${median.toFixed(0).padStart(5)} ms   p95 ${percentile(values, 95).toFixed(0).padStart(5)} ms   goal < ${REPORT_GOAL_MS} ms  ${verdict(median < REPORT_GOAL_MS)}`,
    );
  }
  out();
  return ok;
}

/** (i) Issue 20: support's lookups at 200,000 orders, in the app: a customer search and a customer's page, answered and painted. */
async function measureCustomers(browser: Browser, baseUrl: string): Promise<boolean> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/customers?mock.orders=${BIG_ORDERS}&mock.products=${DEFAULT_PRODUCTS}`);
  await waitForRows(page, 180_000, 'Customers');
  await page.waitForTimeout(8_000);
  // Names, email parts and phone digits, each finding other rows than the one before.
  const queries = [
    'smith',
    'example.net',
    'james',
    '555-01',
    'example.org',
    'garcia',
    'mary',
    'mail.test',
    'lee',
    'john',
    'brown',
    'inbox.test',
    'davis',
    'wilson',
    'emma',
  ];
  const search: Series = { name: 'search (Enter → rows)', values: [] };
  const box = page.getByRole('searchbox', { name: 'Search' });
  for (let i = 0; i < REPEATS; i++) {
    // Armed before typing: the 250 ms pause never passes between the text and the Enter that searches it.
    const act = async () => {
      await box.fill(queries[i % queries.length] ?? 'smith');
      await box.press('Enter');
    };
    search.values.push(await measured(page, act, 'Customers', 'keydown'));
  }
  await box.fill('');
  await box.press('Enter');
  await waitForRows(page, 20_000, 'Customers');
  const detail: Series = { name: 'customer page (click → painted)', values: [] };
  for (let i = 0; i < REPEATS; i++) {
    const link = page
      .getByRole('table', { name: 'Customers' })
      .locator('tbody tr a')
      .nth(i % 10);
    // The page is there when its figures and the first of their orders are.
    const painted = ['dl[aria-label="What their orders add up to"]', 'table[aria-label="Their orders"] tbody tr a'];
    detail.values.push(await clickToPainted(page, link, painted));
    await page.goBack();
    await waitForRows(page, 20_000, 'Customers');
  }
  await context.close();
  out(
    `(i) ${BIG_ORDERS.toLocaleString('en-US')} orders: support's lookups, ${REPEATS} runs each (the search box also waits 250 ms after typing; Enter searches at once)`,
  );
  const ok = report([search, detail]);
  out();
  return ok;
}

/**
 * (j) The reorder view of the big shop (50,000 products, 200,000 orders: thousands of levels due): a
 * location or supplier chosen → the new rows painted (issue 22's goal: median < 150 ms).
 */
async function measureReorder(browser: Browser, baseUrl: string): Promise<boolean> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${baseUrl}/reorder?mock.products=${BIG_SHOP}&mock.orders=${BIG_ORDERS}`);
  await waitForRows(page, 180_000, 'Reorder');
  const shown = Date.now() - started;
  const total = await page.evaluate(async () => ((await (await fetch('/api/reorder?limit=1')).json()) as { total: number }).total);
  const names = await page.evaluate(async () => ({
    locations: ((await (await fetch('/api/locations')).json()) as { items: { name: string }[] }).items.map((l) => l.name),
    suppliers: ((await (await fetch('/api/suppliers')).json()) as { items: { name: string }[] }).items.map((s) => s.name),
  }));
  const series: Series[] = [];
  for (const [label, options] of [
    ['Location', names.locations],
    ['Supplier', names.suppliers],
  ] as const) {
    const filter: Series = { name: `filter (${label.toLowerCase()})`, values: [] };
    for (let i = 0; i < REPEATS; i++) {
      await page.getByRole('combobox', { name: label }).click();
      const option = page.getByRole('option', { name: options[i % options.length] ?? '', exact: true });
      await option.waitFor();
      filter.values.push(await measured(page, () => option.click(), 'Reorder'));
    }
    series.push(filter);
  }
  await context.close();
  out(
    `(j) the reorder view: ${total.toLocaleString('en-US')} levels due of ${BIG_SHOP.toLocaleString('en-US')} products' (${BIG_ORDERS.toLocaleString('en-US')} orders; shop seeded and first page shown in ${(shown / 1000).toFixed(1)} s): input → new rows painted, ${REPEATS} runs each`,
  );
  return report(series);
}

// ------------------------------------------------------------------ (c) first products page

/** Installed before the app's scripts: notes when the first product row is in the DOM and painted, from navigation start. */
function watchFirstRow(): void {
  const w = window as Window & { stockroomFirstRowPainted?: number };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('table[aria-label="Products"] tbody tr a')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        w.stockroomFirstRowPainted = performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function measureFirstPaint(browser: Browser, baseUrl: string): Promise<boolean> {
  const values: number[] = [];
  for (let i = 0; i < FIRST_PAINT_RUNS; i++) {
    // A new context each time: empty cache and IndexedDB, as on a first visit.
    const context = await newBenchContext(browser);
    await context.addInitScript(watchFirstRow);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/products`);
    const handle = await page.waitForFunction(
      () => (window as Window & { stockroomFirstRowPainted?: number }).stockroomFirstRowPainted,
      null,
      {
        timeout: 30_000,
      },
    );
    values.push(Number(await handle.jsonValue()));
    await context.close();
  }
  const median = percentile(values, 50);
  const ok = median < FIRST_PAINT_GOAL_MS;
  out(`(c) navigation → first products page painted, demo mode (default seed, mock start-up included), ${FIRST_PAINT_RUNS} cold runs`);
  out(
    `    median ${median.toFixed(0).padStart(5)} ms   runs ${values.map((v) => v.toFixed(0)).join(', ')} ms   goal < ${FIRST_PAINT_GOAL_MS} ms  ${verdict(ok)}`,
  );
  out();
  return ok;
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  const preview = await startPreview();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    out(`Stockroom benchmark · ${new Date().toISOString()} · ${preview.url} · Chromium ${browser.version()}`);
    // Timings on a shared 2-core machine swing with whatever else runs: say how busy it was.
    out(
      `${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at start`,
    );
    out();
    await signInOnce(browser, preview.url);
    const results: boolean[] = [];
    const steps = [
      measureFirstScreenJs,
      measureInteractions,
      measureFirstPaint,
      measureInventory,
      measureOrdersAndDashboard,
      measureDrillDowns,
      measureCustomers,
      measureReorder,
      function measureGoalsStep(b: Browser, url: string) {
        return measureGoals(b, url, signedIn);
      },
    ];
    // `npm run bench -- Inventory` runs only the steps whose name contains a given word.
    const only = process.argv.slice(2);
    for (const step of steps.filter((s) => only.length === 0 || only.some((word) => s.name.includes(word)))) {
      try {
        results.push(await step(browser, preview.url));
      } catch (error) {
        out(`    ${step.name} could not run: ${error instanceof Error ? error.message : String(error)}`);
        out();
        results.push(false);
      }
    }
    out(`${results.filter(Boolean).length} of ${results.length} goals met.`);
  } finally {
    await browser?.close();
    await stopPreview(preview.child);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
});
