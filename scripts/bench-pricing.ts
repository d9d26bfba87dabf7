/**
 * `npm run bench:pricing`: builds, serves dist/ with vite preview and measures
 * bulk pricing in headless Chromium on the 50,000-product seed:
 *   (a) preview of a change over ~10,000 variants: the request as the screen sends it
 *       (first page of 25 rows plus the totals), timed in the page, mock included;
 *   (b) apply of that change (one atomic batch, Idempotency-Key, persisted to IndexedDB),
 *       then its revert, timed the same way;
 *   (c) in the screen: typing the percent → the preview's new rows painted.
 * Prints each figure beside its goal (< 1 s). A benchmark, not a test: it always exits 0.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { signIn } from '../tests/e2e/app.ts';
import { launchChromium, VIEWPORT } from '../tests/e2e/chromium.ts';
import { startPreview, stopPreview } from '../tests/e2e/preview-server.ts';

const BIG_SHOP = 50_000;
const TARGET_VARIANTS = 10_000;
const GOAL_MS = 1000;
const RUNS = 5;

const out = (line = '') => process.stdout.write(`${line}\n`);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS');

/** tsx's keepNames wraps inner functions in `__name`, which only node has; the page gets a no-op one. */
const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

type Selection = { kind: 'filter'; categoryId?: string; status?: string[]; priceMax?: number };
const CHANGE = { op: 'lower', unit: 'percent', value: 2000, ending: '99', compareAt: 'start-sale', minMarginBp: null } as const;

/** One API call from inside the page (through the mock on its main thread), timed there. */
async function timedCall(page: Page, path: string, body: unknown, key?: string): Promise<{ ms: number; status: number; json: unknown }> {
  return page.evaluate(
    async (call) => {
      const started = performance.now();
      const response = await fetch(call.path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(call.key ? { 'Idempotency-Key': call.key } : {}) },
        body: JSON.stringify(call.body),
      });
      const json: unknown = await response.json();
      return { ms: performance.now() - started, status: response.status, json };
    },
    { path, body, key },
  );
}

async function variantsOf(page: Page, selection: Selection): Promise<number> {
  const { json } = await timedCall(page, '/api/pricing/preview', { selection, change: CHANGE, limit: 1 });
  return (json as { totals: { variants: number } }).totals.variants;
}

/** A filter over the shop that selects about 10,000 variants (at least that many). */
async function findSelection(page: Page): Promise<{ selection: Selection; variants: number }> {
  const categories = (
    await page.evaluate(async () => ((await (await fetch('/api/categories')).json()) as { items: { id: string }[] }).items)
  ).map((c) => c.id);
  let best: { selection: Selection; variants: number } | null = null;
  for (const categoryId of categories) {
    for (const selection of [
      { kind: 'filter', categoryId },
      { kind: 'filter', categoryId, status: ['active'] },
    ] as Selection[]) {
      const variants = await variantsOf(page, selection);
      if (variants >= TARGET_VARIANTS && (!best || variants < best.variants)) best = { selection, variants };
    }
  }
  if (!best) throw new Error('No category selects 10,000 variants');
  return best;
}

async function main(): Promise<void> {
  const preview = await startPreview();
  const browser = await launchChromium();
  try {
    out(`Stockroom pricing benchmark · ${new Date().toISOString()} · Chromium ${browser.version()}`);
    out(
      `${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at start`,
    );
    out();
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript({ content: KEEP_NAMES_SHIM });
    const page = await context.newPage();
    await signIn(page, preview.url, 'merchandiser');
    const started = Date.now();
    await page.goto(`${preview.url}/pricing?mock.products=${BIG_SHOP}`);
    await page.getByRole('textbox', { name: 'Percent' }).waitFor({ timeout: 180_000 });
    const total = await page.evaluate(async () => ((await (await fetch('/api/products?limit=1')).json()) as { total: number }).total);
    out(`${total.toLocaleString('en-US')} products seeded and the screen shown in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const { selection, variants } = await findSelection(page);
    out(
      `selection: ${JSON.stringify(selection)} → ${variants.toLocaleString('en-US')} variants; change: lower 20 %, end .99, start a sale`,
    );
    out();

    const line = (name: string, values: number[]) => {
      const m = median(values);
      out(
        `    ${name.padEnd(34)} median ${m.toFixed(0).padStart(5)} ms   max ${Math.max(...values)
          .toFixed(0)
          .padStart(
            5,
          )} ms   runs ${values.map((v) => v.toFixed(0)).join(', ')}   goal < ${GOAL_MS} ms  ${verdict(Math.max(...values) < GOAL_MS)}`,
      );
    };
    const previews: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await timedCall(page, '/api/pricing/preview', { selection, change: { ...CHANGE, value: 2000 + i }, limit: 25 });
      if (r.status !== 200) throw new Error(`preview answered ${r.status}: ${JSON.stringify(r.json)}`);
      previews.push(r.ms);
    }
    out(`(a) preview over ${variants.toLocaleString('en-US')} variants (API, in the page)`);
    line('POST /api/pricing/preview', previews);

    out('(c) in the screen: percent typed → preview rows painted (includes the 250 ms typing debounce)');
    // In-app navigation (the router follows popstate), so the shop is not loaded again.
    await page.evaluate(
      (search) => {
        history.pushState({}, '', `/pricing?${search}`);
        dispatchEvent(new PopStateEvent('popstate'));
      },
      `categoryId=${selection.categoryId}${selection.status ? `&status=${selection.status.join(',')}` : ''}`,
    );
    const percent = page.getByRole('textbox', { name: 'Percent' });
    await percent.waitFor();
    const screen: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Armed in the page: from the input event to the preview's new rows, not busy, painted.
      await page.evaluate(() => {
        const w = window as Window & { stockroomBench?: Promise<number> };
        const table = () => document.querySelector('table[aria-label="Preview"] tbody')?.textContent ?? '';
        const before = table();
        w.stockroomBench = new Promise<number>((done, fail) => {
          let start: number | null = null;
          document.addEventListener('input', (event) => void (start = event.timeStamp), { capture: true, once: true });
          const deadline = performance.now() + 20_000;
          const check = () => {
            if (performance.now() > deadline) return fail(new Error('The preview did not repaint within 20 s'));
            const now = table();
            if (
              start !== null &&
              now !== '' &&
              now !== before &&
              !document.querySelector('table[aria-label="Preview"][aria-busy="true"]')
            ) {
              const from = start;
              requestAnimationFrame(() => setTimeout(() => done(performance.now() - from), 0));
            } else setTimeout(check, 5);
          };
          check();
        });
      });
      await percent.fill(String(10 + i));
      screen.push(
        await page.evaluate(() => (window as Window & { stockroomBench?: Promise<number> }).stockroomBench ?? Promise.resolve(NaN)),
      );
    }
    line('type → rows painted', screen);

    // BENCH_PROFILE=file.cpuprofile records the page's CPU during apply and revert (open it in Chrome's DevTools).
    const profiler = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
    await profiler?.send('Profiler.enable');
    await profiler?.send('Profiler.start');
    const applies: number[] = [];
    const reverts: number[] = [];
    let changed = 0;
    for (let i = 0; i < 3; i++) {
      const body = { label: `Bench ${i}`, selection, change: CHANGE, skipFlagged: true };
      const applied = await timedCall(page, '/api/pricing/batches', body, crypto.randomUUID());
      if (applied.status !== 201) throw new Error(`apply answered ${applied.status}: ${JSON.stringify(applied.json)}`);
      applies.push(applied.ms);
      const batch = applied.json as { id: string; variantCount: number };
      changed = batch.variantCount;
      const reverted = await timedCall(page, `/api/pricing/batches/${batch.id}/revert`, {}, crypto.randomUUID());
      if (reverted.status !== 200) throw new Error(`revert answered ${reverted.status}`);
      reverts.push(reverted.ms);
    }

    if (profiler && process.env.BENCH_PROFILE) {
      const { profile } = await profiler.send('Profiler.stop');
      writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(profile));
    }
    out(`(b) apply ${changed.toLocaleString('en-US')} price changes atomically, persisted (API, in the page)`);
    line('POST /api/pricing/batches', applies);
    line('POST …/revert (not a goal)', reverts);
    await context.close();
  } finally {
    await browser.close();
    await stopPreview(preview.child);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
});
