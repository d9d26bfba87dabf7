/**
 * `npm run bench:load` (issue 17): the compiled server under a mixed load of signed-in staff, on SQLite and on
 * PostgreSQL, one instance and two. Hold the machine while it runs: `flock /tmp/engine.lock npm run bench:load`.
 *
 *   npm run bench:load                          32 clients for 60 s on SQLite; with STOCKROOM_PG_URL also on
 *                                               PostgreSQL, one instance, then two with the clients spread over both
 *   npm run bench:load -- --smoke               a short run to see that everything works (8 clients, 5 s, small shop)
 *   npm run bench:load -- --clients 16 --seconds 20 --runs sqlite,pg1
 *   npm run bench:load -- --rate 150            the clients pace themselves to 150 requests a second in all (latency
 *                                               at the goal's load) instead of sending each request as soon as the
 *                                               last is answered
 *   npm run bench:load -- --large               then (PostgreSQL) 50,000 products / 200,000 orders: bench:engine's
 *                                               read requests timed one at a time, medians beside the 50 ms goal
 *   npm run bench:load -- --profile --runs none a CPU profile of the server over a few hundred requests of the mix
 *                                               (one at a time; --profile-db sqlite|pg|sqlite,pg, --profile-requests,
 *                                               --profile-clients): the functions that take the time, by self time;
 *                                               the .cpuprofile stays in the temp folder for DevTools
 *   --no-build                                  use server/dist as it is (no npm ci / tsc)
 *   --timeout 10000                             ms before a request counts as timed out
 *
 * The shop: 2,000 products and 20,000 orders (SEED_PRODUCTS, SEED_ORDERS; --products, --orders change it). Each
 * client is a person (merchandisers, support, managers in turn) doing their day's requests back to back: lists with
 * filters, search and sort, details, reports, and about one request in ten a change (a product save: GET, then PUT
 * with If-Match; a stock adjustment: the level, then POST with an Idempotency-Key; an order note). A 409 or 422 to a
 * change is an answer the contract allows under contention (two people saving one product), counted apart from errors.
 * The people sign in once each (one per role, one after another: the sign-in throttle) and the clients share the cookies.
 *
 * The load comes from this process, on the same machine: its CPU time is printed beside the server's.
 */
import { randomUUID } from 'node:crypto';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { productToInput } from '../src/contract/product-input.ts';
import type { Product } from '../src/contract/schemas.ts';
import { freePort } from '../tests/e2e/preview-server.ts';
import { benchReadRequests, prepareServer, run, seed, startServer, stop, TEST_LOGGING } from './engine.ts';

const ROOT = resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------- options

const { values: flags } = parseArgs({
  options: {
    clients: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    products: { type: 'string' },
    orders: { type: 'string' },
    timeout: { type: 'string', default: '10000' },
    rate: { type: 'string' },
    runs: { type: 'string' },
    large: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-db': { type: 'string', default: 'sqlite' },
    'profile-requests': { type: 'string', default: '400' },
    'profile-clients': { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

const int = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not ${value}`);
  return n;
};

const SMOKE = flags.smoke;
const CLIENTS = int(flags.clients, SMOKE ? 8 : 32, 'clients');
const SECONDS = int(flags.seconds, SMOKE ? 5 : 60, 'seconds');
const WARMUP_SECONDS = int(flags.warmup, SMOKE ? 2 : 5, 'warmup');
const PRODUCTS = int(flags.products ?? process.env.SEED_PRODUCTS, SMOKE ? 300 : 2_000, 'products');
const ORDERS = int(flags.orders ?? process.env.SEED_ORDERS, SMOKE ? 3_000 : 20_000, 'orders');
const TIMEOUT_MS = int(flags.timeout, 10_000, 'timeout');
/** 0: every client sends its next request as soon as the last is answered (closed loop); else the total req/s offered. */
const RATE = int(flags.rate, 0, 'rate');
const PG_URL = process.env.STOCKROOM_PG_URL ?? '';
const RUN_NAMES = ['sqlite', 'pg1', 'pg2'] as const;
type RunName = (typeof RUN_NAMES)[number];
const RUNS: RunName[] = (() => {
  if (flags.runs === undefined) return PG_URL ? ['sqlite', 'pg1', 'pg2'] : ['sqlite'];
  if (flags.runs === 'none' || flags.runs === '') return [];
  const names = flags.runs.split(',').map((s) => s.trim());
  for (const n of names)
    if (!(RUN_NAMES as readonly string[]).includes(n)) throw new Error(`--runs takes sqlite, pg1, pg2 or none, not ${n}`);
  return names as RunName[];
})();
/** Where --profile runs: sqlite, pg, or both (sqlite,pg). */
const PROFILE_DBS = flags['profile-db'].split(',').map((s) => s.trim());
for (const db of PROFILE_DBS) if (db !== 'sqlite' && db !== 'pg') throw new Error(`--profile-db takes sqlite, pg or sqlite,pg, not ${db}`);
const PROFILE_REQUESTS = int(flags['profile-requests'], 400, 'profile-requests');
const PROFILE_CLIENTS = Math.max(1, int(flags['profile-clients'], 1, 'profile-clients'));
if ((RUNS.some((r) => r !== 'sqlite') || flags.large || (flags.profile && PROFILE_DBS.includes('pg'))) && !PG_URL)
  throw new Error('PostgreSQL runs need STOCKROOM_PG_URL (an empty database of yours: its public schema is dropped)');

const GOAL = { rps: 150, p95: 150 };
const LARGE = { products: 50_000, orders: 200_000, runs: 21, goalMs: 50 };
/** Every instance signs cookies with this, so a cookie from one is good at the other. */
const COOKIE_SECRET = 'stockroom-bench-load-cookie-secret';

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pick = <T>(items: readonly T[]): T => {
  if (!items.length) throw new Error('nothing to pick from');
  return items[Math.floor(Math.random() * items.length)] as T;
};
const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0) : NaN;
const ms = (n: number) => (Number.isNaN(n) ? '—' : `${fmt(n, n < 10 ? 1 : 0)} ms`);
const mb = (kb: number | null) => (kb === null ? '—' : `${fmt(kb / 1024)} MB`);
const seconds = (startedMs: number) => `${((Date.now() - startedMs) / 1000).toFixed(1)} s`;
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** A line of /proc/<pid>/status in kB (VmRSS, VmHWM), or null off Linux or once the process is gone. */
function procStatusKb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat. */
function procCpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; clock ticks, 100 a second on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Transactions PostgreSQL has counted in this database (a statement outside a transaction is one): how many round
 * trips of work the requests cost. Each connection reports its counts at most once a second, and an idle one within
 * about 10 s, so a count read right after a run misses its last second or so.
 */
function pgTransactions(): number | null {
  const result = spawnSync(
    'psql',
    [PG_URL, '-Atc', 'SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()'],
    { encoding: 'utf8' },
  );
  const n = Number(result.stdout.trim());
  return result.status === 0 && Number.isFinite(n) ? n : null;
}

/** CPU seconds used so far by every process of this name, by pid (PostgreSQL: the postmaster and each connection). */
function processesCpu(name: string): Map<number, number> {
  const found = new Map<number, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return found;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== name) continue;
      const cpu = procCpuSeconds(Number(pid));
      if (cpu !== null) found.set(Number(pid), cpu);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** CPU seconds between two readings of processesCpu: a process that started meanwhile counts whole, one that ended not at all. */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/** The machine's busy and total CPU time (jiffies) from /proc/stat, for how busy both cores were. */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...numbers] = line.trim().split(/\s+/);
    const v = numbers.map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- HTTP

type Outcome = 'ok' | 'expected' | 'error' | 'network' | 'timeout';
type Sample = { kind: string; ms: number; outcome: Outcome; status: number };

/** What one run measured: every request, as it finished. */
class Recorder {
  readonly samples: Sample[] = [];
  readonly errorExamples = new Map<string, number>();
  recording = true;

  add(sample: Sample, detail: string): void {
    if (!this.recording) return;
    this.samples.push(sample);
    if (sample.outcome !== 'ok' && sample.outcome !== 'expected') {
      const key = `${sample.kind}: ${detail}`.slice(0, 300);
      this.errorExamples.set(key, (this.errorExamples.get(key) ?? 0) + 1);
    }
  }
}

type Answer = { status: number; json: unknown };

/** One instance as a client sees it: its origin and the cookie of the person signed in. */
type Endpoint = { origin: string; cookie: string };

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One request, timed from send to the last byte of the body; a change carries the instance's own Origin (as the app on
 * its origin does) and may be answered 409/422 without that being an error. Never throws: a failure is an outcome.
 */
async function call(
  recorder: Recorder,
  endpoint: Endpoint,
  kind: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer | null> {
  const write = WRITE_METHODS.has(method);
  const headers: Record<string, string> = { Accept: 'application/json', Cookie: endpoint.cookie, ...options.headers };
  if (write) headers.Origin = endpoint.origin;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const started = performance.now();
  try {
    const response = await fetch(`${endpoint.origin}/api${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    const ok = response.status >= 200 && response.status < 300;
    const expected = write && (response.status === 409 || response.status === 422);
    recorder.add(
      { kind, ms: elapsed, outcome: ok ? 'ok' : expected ? 'expected' : 'error', status: response.status },
      `${method} ${path.replace(/[?].*/, '?…')} → ${response.status} ${text.slice(0, 160)}`,
    );
    let json: unknown = null;
    if (ok && text) json = JSON.parse(text) as unknown;
    return ok ? { status: response.status, json } : null;
  } catch (error) {
    const elapsed = performance.now() - started;
    const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    recorder.add(
      { kind, ms: elapsed, outcome: timeout ? 'timeout' : 'network', status: 0 },
      `${method} ${path.replace(/[?].*/, '?…')} → ${error instanceof Error ? error.message : String(error)}${cause}`,
    );
    return null;
  }
}

type Role = 'merchandiser' | 'support' | 'manager';
const ROLES: readonly Role[] = ['merchandiser', 'support', 'manager'];
/** tests/contract/driver.ts DEMO_ACCOUNTS (copied: the driver reads its settings from the test environment). */
const ACCOUNTS: Record<Role, { email: string; password: string }> = {
  merchandiser: { email: 'mia.merch@stockroom.test', password: 'merch-demo-2026' },
  support: { email: 'sam.support@stockroom.test', password: 'support-demo-2026' },
  manager: { email: 'max.manager@stockroom.test', password: 'manager-demo-2026' },
};

/** Signs in as the app does; the session cookie (and its signature) as a Cookie header. */
async function signIn(origin: string, role: Role): Promise<string> {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: origin },
    body: JSON.stringify(ACCOUNTS[role]),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200) throw new Error(`signing in as ${role} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`signing in as ${role} set no cookie`);
  return cookie;
}

/** One GET outside the measurement (the shop's ids, names and words the requests are made of). */
async function getJson<T>(origin: string, cookie: string, path: string): Promise<T> {
  const response = await fetch(`${origin}/api${path}`, {
    headers: { Accept: 'application/json', Cookie: cookie },
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

// ---------------------------------------------------------------- the shop as the requests need it

type Shop = {
  today: string;
  productIds: string[];
  /** Products people save: the first page of the default list (recently changed), where two people meet. */
  hotProductIds: string[];
  categoryIds: string[];
  tags: string[];
  locationIds: string[];
  levels: { variantId: string; locationId: string }[];
  titleWords: string[];
  orderIds: string[];
  customerWords: string[];
  states: string[];
  skus: string[];
};

type Page<T> = { items: T[]; total: number };

async function readShop(origin: string, cookie: string): Promise<Shop> {
  const get = <T>(path: string) => getJson<T>(origin, cookie, path);
  const pages = async <T>(path: string, max: number): Promise<T[]> => {
    const items: T[] = [];
    for (let offset = 0; offset < max; offset += 500) {
      const page = await get<Page<T>>(`${path}${path.includes('?') ? '&' : '?'}limit=500&offset=${offset}`);
      items.push(...page.items);
      if (items.length >= page.total || !page.items.length) break;
    }
    return items;
  };
  const clock = await get<{ today: string }>('/reports/clock');
  const products = await pages<{ id: string; title: string; skus: string[] }>('/products?sort=title', 5_000);
  const recent = await get<Page<{ id: string }>>('/products?limit=50');
  const categories = await get<{ items: { id: string }[] }>('/categories');
  const tags = await get<{ items: { tag: string }[] }>('/tags');
  const locations = await get<{ items: { id: string }[] }>('/locations');
  const levels = await pages<{ variantId: string; locationId: string }>('/inventory?sort=sku', 1_000);
  const orders = await pages<{ id: string; customerName: string; state: string }>('/orders', 2_000);
  const words = (texts: string[]) => [...new Set(texts.flatMap((t) => t.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 4))];
  return {
    today: clock.today,
    productIds: products.map((p) => p.id),
    hotProductIds: recent.items.map((p) => p.id),
    categoryIds: categories.items.map((c) => c.id),
    tags: tags.items.map((t) => t.tag),
    locationIds: locations.items.map((l) => l.id),
    levels: levels.map((l) => ({ variantId: l.variantId, locationId: l.locationId })),
    titleWords: words(products.map((p) => p.title)),
    orderIds: orders.map((o) => o.id),
    customerWords: words(orders.map((o) => o.customerName.split(' ').at(-1) ?? '')),
    states: [...new Set(orders.map((o) => o.state))],
    skus: products.flatMap((p) => p.skus.slice(0, 1)),
  };
}

// ---------------------------------------------------------------- the mix

type Ctx = { recorder: Recorder; endpoint: Endpoint; shop: Shop };
type Action = { name: string; weight: number; writes: number; requests: number; act: (c: Ctx) => Promise<void> };

const daysBefore = (today: string, n: number) => new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const chance = (p: number) => Math.random() < p;
const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) s.set(k, String(v));
  return s.toString();
};

const productList = async ({ recorder, endpoint, shop }: Ctx) => {
  const page = chance(0.25) ? 25 * (1 + Math.floor(Math.random() * 4)) : undefined;
  const variants: [string, () => string][] = [
    ['products: first page', () => q({ limit: 25 })],
    [
      'products: category + status, by title',
      () => q({ categoryId: pick(shop.categoryIds), status: 'active', sort: 'title', limit: 25, offset: page }),
    ],
    ['products: search, by price', () => q({ q: pick(shop.titleWords), sort: pick(['-price', 'price', 'title']), limit: 25 })],
    ['products: tag', () => q({ tag: pick(shop.tags), limit: 25, offset: page })],
    ['products: price range, by stock', () => q({ priceMin: 1_000, priceMax: 5_000, sort: pick(['stock', '-stock']), limit: 50 })],
    ['products: SKU search', () => q({ q: pick(shop.skus).slice(0, 7), limit: 25 })],
  ];
  const [kind, query] = pick(variants);
  await call(recorder, endpoint, kind, 'GET', `/products?${query()}`);
};

const productDetail = async ({ recorder, endpoint, shop }: Ctx) => {
  await call(recorder, endpoint, 'product detail', 'GET', `/products/${pick(shop.productIds)}`);
};

const inventoryList = async ({ recorder, endpoint, shop }: Ctx) => {
  const variants: [string, () => string][] = [
    ['inventory: first page', () => q({ limit: 25 })],
    ['inventory: running low', () => q({ low: 'true', limit: 25 })],
    ['inventory: location, by cover', () => q({ locationId: pick(shop.locationIds), sort: 'daysOfCover', limit: 25 })],
    ['inventory: location, low/out', () => q({ locationId: pick(shop.locationIds), state: 'low,out', sort: 'available', limit: 50 })],
    ['inventory: search', () => q({ q: pick(shop.titleWords), limit: 25 })],
    ['inventory: category, by title', () => q({ categoryId: pick(shop.categoryIds), sort: 'title', limit: 25 })],
  ];
  const [kind, query] = pick(variants);
  await call(recorder, endpoint, kind, 'GET', `/inventory?${query()}`);
};

const orderList = async ({ recorder, endpoint, shop }: Ctx) => {
  const page = chance(0.2) ? 25 * (1 + Math.floor(Math.random() * 4)) : undefined;
  const variants: [string, () => string][] = [
    ['orders: first page', () => q({ limit: 25, offset: page })],
    ['orders: state + open', () => q({ state: pick(shop.states), status: 'open', limit: 25 })],
    ['orders: customer search', () => q({ q: pick(shop.customerWords), limit: 25 })],
    ['orders: unfulfilled, oldest first', () => q({ fulfilmentStatus: 'unfulfilled', status: 'open', sort: 'placedAt', limit: 25 })],
    ['orders: refunded, by total', () => q({ paymentStatus: 'partially_refunded,refunded', sort: '-total', limit: 25 })],
    ['orders: last 7 days', () => q({ from: daysBefore(shop.today, 6), to: shop.today, limit: 50 })],
  ];
  const [kind, query] = pick(variants);
  await call(recorder, endpoint, kind, 'GET', `/orders?${query()}`);
};

const orderDetail = async ({ recorder, endpoint, shop }: Ctx) => {
  await call(recorder, endpoint, 'order detail', 'GET', `/orders/${pick(shop.orderIds)}`);
};

const salesReport = async ({ recorder, endpoint, shop }: Ctx) => {
  const year = chance(0.25);
  await call(
    recorder,
    endpoint,
    year ? 'report: sales, 365 days by month' : 'report: sales, 30 days',
    'GET',
    `/reports/sales?${q({ from: daysBefore(shop.today, year ? 364 : 29), to: shop.today, granularity: year ? 'month' : undefined })}`,
  );
};

const breakdown = async ({ recorder, endpoint, shop }: Ctx) => {
  const by = pick(['product', 'product', 'category', 'state'] as const);
  const days = by === 'product' ? 90 : 30;
  await call(
    recorder,
    endpoint,
    `report: breakdown by ${by}, ${days} days`,
    'GET',
    `/reports/breakdown?${q({ by, from: daysBefore(shop.today, days - 1), to: shop.today })}`,
  );
};

/** The product form: open it, change the description's last words, save with the version it read. */
const productSave = async ({ recorder, endpoint, shop }: Ctx) => {
  const id = pick(shop.hotProductIds);
  const read = await call(recorder, endpoint, 'product save: GET', 'GET', `/products/${id}`);
  if (!read) return;
  const product = read.json as Product;
  const input = productToInput(product);
  const mark = ' (checked)';
  input.description = product.description.endsWith(mark) ? product.description.slice(0, -mark.length) : `${product.description}${mark}`;
  await call(recorder, endpoint, 'product save: PUT', 'PUT', `/products/${id}`, {
    body: input,
    headers: { 'If-Match': `"${product.version}"` },
  });
};

/** The stock screen: the level as it is, then an adjustment with the version seen (received, or damaged/lost). */
const stockAdjustment = async ({ recorder, endpoint, shop }: Ctx) => {
  const { variantId, locationId } = pick(shop.levels);
  const read = await call(recorder, endpoint, 'stock adjustment: GET level', 'GET', `/inventory?${q({ variantId, locationId })}`);
  const level = (read?.json as Page<{ version: number; onHand: number }> | undefined)?.items[0];
  if (!level) return;
  const down = level.onHand > 10 && chance(0.5);
  await call(recorder, endpoint, 'stock adjustment: POST', 'POST', '/inventory/adjustments', {
    body: {
      variantId,
      locationId,
      version: level.version,
      reason: down ? pick(['damaged', 'lost']) : 'received',
      quantity: 1 + Math.floor(Math.random() * 3),
      note: 'bench:load',
    },
    headers: { 'Idempotency-Key': randomUUID() },
  });
};

const orderNote = async ({ recorder, endpoint, shop }: Ctx) => {
  await call(recorder, endpoint, 'order note: POST', 'POST', `/orders/${pick(shop.orderIds)}/notes`, {
    body: { text: 'Customer called about delivery (bench:load)' },
    headers: { 'Idempotency-Key': randomUUID() },
  });
};

const action = (name: string, weight: number, act: Action['act'], requests = 1, writes = 0): Action => ({
  name,
  weight,
  act,
  requests,
  writes,
});

/** What each kind of person does, weighted; about one request in ten is a change over the three. */
const MIX: Record<Role, Action[]> = {
  merchandiser: [
    action('product list', 30, productList),
    action('product detail', 14, productDetail),
    action('inventory list', 24, inventoryList),
    action('order list', 4, orderList),
    action('sales report', 5, salesReport),
    action('breakdown', 5, breakdown),
    action('product save', 7, productSave, 2, 1),
    action('stock adjustment', 7, stockAdjustment, 2, 1),
  ],
  support: [
    action('order list', 38, orderList),
    action('order detail', 34, orderDetail),
    action('product list', 8, productList),
    action('product detail', 6, productDetail),
    action('inventory list', 4, inventoryList),
    action('order note', 10, orderNote, 1, 1),
  ],
  manager: [
    action('sales report', 18, salesReport),
    action('breakdown', 14, breakdown),
    action('order list', 14, orderList),
    action('order detail', 8, orderDetail),
    action('product list', 14, productList),
    action('inventory list', 12, inventoryList),
    action('product detail', 6, productDetail),
    action('product save', 4, productSave, 2, 1),
    action('stock adjustment', 3, stockAdjustment, 2, 1),
    action('order note', 3, orderNote, 1, 1),
  ],
};

function nextAction(role: Role): Action {
  const actions = MIX[role];
  let r = Math.random() * actions.reduce((sum, a) => sum + a.weight, 0);
  for (const a of actions) {
    r -= a.weight;
    if (r < 0) return a;
  }
  return actions[actions.length - 1] as Action;
}

/** The share of requests that are changes, as the weights mean it (the run prints what it did). */
function plannedWriteShare(): number {
  let writes = 0;
  let requests = 0;
  for (const role of ROLES) {
    const total = MIX[role].reduce((s, a) => s + a.weight, 0);
    for (const a of MIX[role]) {
      writes += (a.weight / total) * a.writes;
      requests += (a.weight / total) * a.requests;
    }
  }
  return writes / requests;
}

/**
 * `clients` people, each doing one thing after another until `until()` says stop. `rotate`: each client takes the
 * roles in turn, action by action (a profile with one client still sees every kind of request). `rate` (requests a
 * second, over all clients): each client paces itself to its share instead of going as fast as answers come (a
 * client more than a second behind does not catch up in a burst, so an overloaded server is measured closed-loop).
 */
async function drive(
  recorder: Recorder,
  shop: Shop,
  endpoints: Record<Role, Endpoint>[],
  clients: number,
  until: () => boolean,
  { rotate = false, rate = 0 }: { rotate?: boolean; rate?: number } = {},
): Promise<void> {
  const perRequestMs = rate > 0 ? (1000 * clients) / rate : 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      // Clients go round the instances: with two, half the people of each role use each.
      const instance = endpoints[i % endpoints.length] as Record<Role, Endpoint>;
      let next = performance.now() + Math.random() * perRequestMs;
      for (let n = 0; !until(); n++) {
        if (perRequestMs) {
          const wait = next - performance.now();
          if (wait > 0) await sleep(wait);
          // Timers fire late by a millisecond or so: small lags are made up, a second or more is given up.
          else if (wait < -1000) next = performance.now();
          if (until()) break;
        }
        const role = ROLES[(i + (rotate ? n : 0)) % ROLES.length] as Role;
        const chosen = nextAction(role);
        next += chosen.requests * perRequestMs;
        await chosen.act({ recorder, endpoint: instance[role], shop });
      }
    }),
  );
}

// ---------------------------------------------------------------- servers

type Instance = { child: ChildProcess; origin: string; bootRssKb: number | null };

async function startInstances(count: number, env: NodeJS.ProcessEnv): Promise<Instance[]> {
  const instances: Instance[] = [];
  try {
    // One after the other: two bootstraps at once on PostgreSQL would both check Vendure's initial data.
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const child = await startServer({ ...TEST_LOGGING, COOKIE_SECRET, ...env }, port);
      instances.push({ child, origin: `http://127.0.0.1:${port}`, bootRssKb: procStatusKb(child.pid, 'VmRSS') });
    }
  } catch (error) {
    await Promise.all(instances.map((i) => stop(i.child)));
    throw error;
  }
  return instances;
}

/** One sign-in per role (one after the other, on the first instance); every client of that role shares the cookie. */
async function signInAll(instances: Instance[]): Promise<Record<Role, Endpoint>[]> {
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) cookies[role] = await signIn((instances[0] as Instance).origin, role);
  return instances.map(
    (instance) =>
      Object.fromEntries(ROLES.map((role) => [role, { origin: instance.origin, cookie: cookies[role] }])) as Record<Role, Endpoint>,
  );
}

function dropSchema(): void {
  run('psql', [
    PG_URL,
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    'SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
  ]);
}

/** A fresh PostgreSQL shop: the schema from the entities (DB_SYNCHRONIZE), the seed, then ANALYZE (what autovacuum would do soon). */
function seedPostgres(products: number, orders: number, extra: NodeJS.ProcessEnv = {}): void {
  dropSchema();
  const started = Date.now();
  seed({ DATABASE_URL: PG_URL, DB_SYNCHRONIZE: 'true', SEED_PRODUCTS: String(products), SEED_ORDERS: String(orders), ...extra });
  console.info(`  seeded ${fmt(products)} products and ${fmt(orders)} orders on PostgreSQL in ${seconds(started)}`);
  const analyzed = Date.now();
  // As the database's owner, not a superuser: the shared catalogs are skipped, with a warning each.
  run('psql', [PG_URL, '-q', '-v', 'ON_ERROR_STOP=1', '-c', 'SET client_min_messages = error; ANALYZE;']);
  console.info(`  ANALYZE in ${seconds(analyzed)}`);
}

// ---------------------------------------------------------------- a load run

type RunResult = {
  label: string;
  instances: number;
  requests: number;
  elapsedS: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  writes: number;
  expected409: number;
  expected422: number;
  errors: number;
  network: number;
  timeouts: number;
  memory: { boot: number | null; start: number | null; end: number | null; peak: number | null }[];
  serverCpuS: (number | null)[];
  loadBefore: number[];
  loadAfter: number[];
};

async function loadRun(
  label: string,
  pg: boolean,
  instances: Instance[],
  endpoints: Record<Role, Endpoint>[],
  shop: Shop,
): Promise<RunResult> {
  console.info(
    `\n== ${label}: ${CLIENTS} clients for ${SECONDS} s (after ${WARMUP_SECONDS} s of warm-up, not counted), ` +
      (RATE ? `paced to ${RATE} req/s in all` : 'each sending its next request as soon as the last is answered'),
  );
  const warm = new Recorder();
  warm.recording = false;
  const warmUntil = performance.now() + WARMUP_SECONDS * 1000;
  await drive(warm, shop, endpoints, CLIENTS, () => performance.now() >= warmUntil, { rate: RATE });

  const recorder = new Recorder();
  const loadBefore = loadavg();
  const memStart = instances.map((i) => procStatusKb(i.child.pid, 'VmRSS'));
  const cpuStart = instances.map((i) => procCpuSeconds(i.child.pid));
  const machineStart = machineCpu();
  const postgresStart = processesCpu('postgres');
  const transactionsStart = pg ? pgTransactions() : null;
  const clientCpuStart = process.cpuUsage();
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await drive(recorder, shop, endpoints, CLIENTS, () => performance.now() >= until, { rate: RATE });
  const elapsedS = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientCpuStart);
  const machineEnd = machineCpu();
  const postgresCpu = cpuBetween(postgresStart, processesCpu('postgres'));
  const transactionsEnd = pg ? pgTransactions() : null;
  const cpuEnd = instances.map((i) => procCpuSeconds(i.child.pid));
  const memEnd = instances.map((i) => procStatusKb(i.child.pid, 'VmRSS'));
  const memPeak = instances.map((i) => procStatusKb(i.child.pid, 'VmHWM'));
  const loadAfter = loadavg();

  const samples = recorder.samples;
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const count = (o: Outcome) => samples.filter((s) => s.outcome === o).length;
  const result: RunResult = {
    label,
    instances: instances.length,
    requests: samples.length,
    elapsedS,
    rps: samples.length / elapsedS,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    max: times.at(-1) ?? NaN,
    writes: samples.filter((s) => / (PUT|POST)$/.test(s.kind)).length,
    expected409: samples.filter((s) => s.outcome === 'expected' && s.status === 409).length,
    expected422: samples.filter((s) => s.outcome === 'expected' && s.status === 422).length,
    errors: count('error'),
    network: count('network'),
    timeouts: count('timeout'),
    memory: instances.map((instance, n) => ({
      boot: instance.bootRssKb,
      start: memStart[n] ?? null,
      end: memEnd[n] ?? null,
      peak: memPeak[n] ?? null,
    })),
    serverCpuS: instances.map((_, n) => {
      const a = cpuStart[n];
      const b = cpuEnd[n];
      return a == null || b == null ? null : b - a;
    }),
    loadBefore,
    loadAfter,
  };

  const r = result;
  console.info(
    `  ${fmt(r.requests)} requests in ${r.elapsedS.toFixed(1)} s: ${fmt(r.rps, 1)} req/s   p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   p99 ${ms(r.p99)}   max ${ms(r.max)}`,
  );
  console.info(
    `  changes ${fmt(r.writes)} (${((100 * r.writes) / Math.max(1, r.requests)).toFixed(1)} % of requests; mix planned ${(100 * plannedWriteShare()).toFixed(1)} %); ` +
      `answered 409 ${fmt(r.expected409)}, 422 ${fmt(r.expected422)} (allowed under contention, not errors)`,
  );
  console.info(`  errors: ${fmt(r.errors)} non-2xx, ${fmt(r.network)} network, ${fmt(r.timeouts)} timeouts (> ${fmt(TIMEOUT_MS)} ms)`);
  for (const [example, n] of [...recorder.errorExamples].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.info(`    ${n} × ${example}`);
  r.memory.forEach((m, n) => {
    const cpu = r.serverCpuS[n];
    const share = r.requests / r.instances;
    console.info(
      `  instance ${n + 1} RSS: after boot ${mb(m.boot)}, at start ${mb(m.start)}, at end ${mb(m.end)} (peak ${mb(m.peak)}); ` +
        (cpu == null
          ? 'CPU —'
          : `CPU ${cpu.toFixed(1)} s = ${(cpu / r.elapsedS).toFixed(2)} cores, ~${fmt((1000 * cpu) / share, 1)} ms per request`),
    );
  });
  const clientS = (clientCpu.user + clientCpu.system) / 1e6;
  const busy =
    machineStart && machineEnd ? ((machineEnd.busy - machineStart.busy) / Math.max(1, machineEnd.total - machineStart.total)) * 100 : NaN;
  console.info(
    `  load generator (this process) CPU ${clientS.toFixed(1)} s = ${(clientS / r.elapsedS).toFixed(2)} cores; ` +
      `${pg ? `PostgreSQL processes CPU ${postgresCpu.toFixed(1)} s = ${(postgresCpu / r.elapsedS).toFixed(2)} cores; ` : ''}` +
      `machine ${Number.isNaN(busy) ? '—' : `${busy.toFixed(0)} % busy`} over ${cpus().length} cores`,
  );
  if (transactionsStart !== null && transactionsEnd !== null)
    console.info(
      `  PostgreSQL transactions (a statement outside one counts one) ≈ ${fmt(transactionsEnd - transactionsStart)}, ` +
        `≈ ${fmt((transactionsEnd - transactionsStart) / Math.max(1, r.requests), 1)} per request`,
    );
  console.info(`  load average (1 / 5 / 15 min) before ${loads(r.loadBefore)}, after ${loads(r.loadAfter)}`);
  console.info(`  ${goalLine(r)}`);
  if (!RATE) {
    const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
    console.info(
      `  closed loop: every client waits for its answer, so mean latency ≈ clients ÷ req/s ` +
        `(${CLIENTS} ÷ ${fmt(r.rps, 1)} = ${ms((1000 * CLIENTS) / r.rps)}; measured mean ${ms(mean)}); --rate N offers a fixed load instead`,
    );
  }
  printKinds(samples);
  return result;
}

function goalLine(r: RunResult): string {
  // Paced, the throughput is what was offered: the goal's rate is met if it was offered and kept up with.
  const rpsMet = RATE ? RATE >= GOAL.rps && r.rps >= 0.99 * RATE : r.rps >= GOAL.rps;
  const misses = [
    rpsMet ? '' : `${fmt(r.rps, 1)} req/s${RATE ? ` of ${RATE} offered` : ''}`,
    r.p95 < GOAL.p95 ? '' : `p95 ${ms(r.p95)}`,
    r.errors + r.network + r.timeouts === 0 ? '' : `${r.errors + r.network + r.timeouts} errors`,
  ].filter(Boolean);
  return `goal (one instance): ≥ ${GOAL.rps} req/s, p95 < ${GOAL.p95} ms, 0 errors → ${misses.length ? `MISS (${misses.join(', ')})` : 'met'}`;
}

function printKinds(samples: Sample[]): void {
  const kinds = new Map<string, Sample[]>();
  for (const s of samples) kinds.set(s.kind, [...(kinds.get(s.kind) ?? []), s]);
  console.info(`  ${'request'.padEnd(40)} ${'count'.padStart(6)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)}  not 2xx`);
  for (const [kind, list] of [...kinds].sort((a, b) => b[1].length - a[1].length)) {
    const t = list.map((s) => s.ms).sort((a, b) => a - b);
    const bad = list.filter((s) => s.outcome !== 'ok');
    const statuses = new Map<string, number>();
    for (const s of bad) statuses.set(String(s.status || s.outcome), (statuses.get(String(s.status || s.outcome)) ?? 0) + 1);
    console.info(
      `  ${kind.padEnd(40)} ${fmt(list.length).padStart(6)} ${ms(percentile(t, 0.5)).padStart(9)} ${ms(percentile(t, 0.95)).padStart(9)} ${ms(percentile(t, 0.99)).padStart(9)}  ${[...statuses].map(([k, n]) => `${k}×${n}`).join(' ') || '—'}`,
    );
  }
}

function summary(results: RunResult[]): void {
  if (!results.length) return;
  console.info(
    `\n== Summary: ${CLIENTS} clients, ${SECONDS} s${RATE ? `, paced to ${RATE} req/s` : ', closed loop'}, ${fmt(PRODUCTS)} products / ${fmt(ORDERS)} orders`,
  );
  const head = [
    'run',
    'req/s',
    'p50',
    'p95',
    'p99',
    '409/422',
    'errors',
    'net/timeout',
    'RSS start → end (per instance)',
    'load avg before → after',
  ];
  console.info(`  ${head.join(' | ')}`);
  for (const r of results)
    console.info(
      `  ${[
        r.label,
        fmt(r.rps, 1),
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        `${r.expected409}/${r.expected422}`,
        String(r.errors),
        `${r.network}/${r.timeouts}`,
        r.memory.map((m) => `${mb(m.start)} → ${mb(m.end)}`).join(', '),
        `${r.loadBefore[0]?.toFixed(2)} → ${r.loadAfter[0]?.toFixed(2)}`,
      ].join(' | ')}`,
    );
  console.info(`  goal, one instance: ≥ ${GOAL.rps} req/s with p95 < ${GOAL.p95} ms and 0 errors`);
  for (const r of results.filter((x) => x.instances === 1)) console.info(`    ${r.label}: ${goalLine(r).replace(/^.*→ /, '')}`);
}

// ---------------------------------------------------------------- the large shop (PostgreSQL)

/** bench:engine's read requests (scripts/engine.ts bench()), timed one at a time on 50,000 products / 200,000 orders. */
async function large(): Promise<void> {
  console.info(`\n== PostgreSQL, large shop: ${fmt(LARGE.products)} products / ${fmt(LARGE.orders)} orders`);
  // The generator holds the whole shop in memory before writing it.
  seedPostgres(LARGE.products, LARGE.orders, { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() });
  const [instance] = await startInstances(1, { DATABASE_URL: PG_URL });
  if (!instance) return;
  try {
    const cookie = await signIn(instance.origin, 'manager');
    const get = async (path: string): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${instance.origin}/api${path}`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(120_000) });
      const text = await response.text();
      const elapsed = performance.now() - started;
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
      return elapsed;
    };
    const { today } = await getJson<{ today: string }>(instance.origin, cookie, '/reports/clock');
    const orders = await getJson<Page<{ id: string }>>(instance.origin, cookie, '/orders?limit=1');
    const orderId = orders.items[0]?.id ?? '';
    const requests = benchReadRequests(today, orderId);
    const medians: number[] = [];
    for (const [name, path] of requests) {
      const first = await get(path); // the first of a kind plans its statements; shown, not counted
      const times: number[] = [];
      for (let i = 0; i < LARGE.runs; i++) times.push(await get(path));
      times.sort((a, b) => a - b);
      const median = percentile(times, 0.5);
      medians.push(median);
      console.info(
        `  ${name.padEnd(42)} median ${ms(median).padStart(9)}   p95 ${ms(percentile(times, 0.95)).padStart(9)}   first ${ms(first).padStart(9)}   ${median < LARGE.goalMs ? 'pass' : 'MISS'}`,
      );
    }
    console.info(`  every median under ${LARGE.goalMs} ms: ${medians.every((m) => m < LARGE.goalMs) ? 'yes' : 'NO'}`);
    console.info(
      `  instance RSS after boot ${mb(instance.bootRssKb)}, at end ${mb(procStatusKb(instance.child.pid, 'VmRSS'))} (peak ${mb(procStatusKb(instance.child.pid, 'VmHWM'))})`,
    );
  } finally {
    await stop(instance.child);
  }
}

// ---------------------------------------------------------------- the CPU profile

/**
 * Loaded into the server with --require: SIGWINCH starts V8's sampling profiler, the next SIGWINCH stops it and writes
 * the profile. Nest's shutdown hooks re-raise SIGTERM (so a --cpu-prof profile is never written) and take SIGUSR2 as
 * a shutdown too; this one covers only the requests, not the boot.
 */
const PROFILER_HOOK = `
const inspector = require('node:inspector');
const fs = require('node:fs');
const out = process.env.STOCKROOM_BENCH_PROFILE;
const session = new inspector.Session();
session.connect();
let running = false;
process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 200 }, () =>
        session.post('Profiler.start', () => fs.writeFileSync(out + '.started', ''))));
  } else {
    running = false;
    session.post('Profiler.stop', (error, result) => {
      fs.writeFileSync(out + '.tmp', error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile));
      fs.renameSync(out + '.tmp', out);
    });
  }
});
`;

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} did not appear within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

/** Where a function lives, short: the package under node_modules, the repo path, or node's own. */
function place(url: string): { short: string; area: string } {
  if (!url) return { short: '', area: '(native / V8)' };
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length);
    const parts = rest.split('/');
    const pkg = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? rest);
    return { short: rest, area: pkg };
  }
  if (path.startsWith('node:')) return { short: path, area: 'node (built-in modules)' };
  const inRepo = path.startsWith(ROOT) ? path.slice(ROOT.length + 1) : path;
  if (inRepo.startsWith('server/dist/server/')) return { short: inRepo, area: 'Stockroom server (server/src)' };
  if (inRepo.startsWith('server/dist/')) return { short: inRepo, area: 'Stockroom shared rules (src/contract, src/domain, src/demo-shop)' };
  return { short: inRepo, area: inRepo };
}

function printProfile(profile: CpuProfile, requests: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Each sample's time is the interval until the next one.
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  /** A native function (no url: better-sqlite3's `all`, JSON.parse, …) counts for the package that called it. */
  const caller = (n: ProfileNode): string => {
    for (let cur = parent.get(n.id); cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)?.callFrame.url;
      if (url) return place(url).area;
    }
    return '(native / V8)';
  };
  const key = (n: ProfileNode) => {
    const { short } = place(n.callFrame.url);
    // V8's own entries: (garbage collector), (program), (idle), (root).
    if (n.callFrame.functionName.startsWith('(')) return n.callFrame.functionName;
    const name = n.callFrame.functionName || '(anonymous)';
    return short ? `${name}  ${short}:${n.callFrame.lineNumber + 1}` : `${name}  [native, called from ${caller(n)}]`;
  };
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  let idle = 0;
  let gc = 0;
  let program = 0;
  const selfByFunction = new Map<string, number>();
  const selfByArea = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const name = n.callFrame.functionName;
    if (name === '(idle)') {
      idle += t;
      continue;
    }
    if (name === '(garbage collector)') gc += t;
    if (name === '(program)') program += t;
    const k = key(n);
    selfByFunction.set(k, (selfByFunction.get(k) ?? 0) + t);
    const area = name.startsWith('(') ? name : n.callFrame.url ? place(n.callFrame.url).area : caller(n);
    selfByArea.set(area, (selfByArea.get(area) ?? 0) + t);
  }
  // Inclusive time: each sample counts once for every distinct function on its stack (an await cuts the stack).
  const inclusive = (areas: (area: string) => boolean): Map<string, number> => {
    const totals = new Map<string, number>();
    for (const [id, t] of self) {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const n = byId.get(cur);
        if (!n || n.callFrame.functionName.startsWith('(') || !areas(place(n.callFrame.url).area)) continue;
        const k = key(n);
        if (seen.has(k)) continue;
        seen.add(k);
        totals.set(k, (totals.get(k) ?? 0) + t);
      }
    }
    return totals;
  };
  const busy = totalMs - idle;
  const pct = (t: number) => `${((100 * t) / Math.max(busy, 1e-9)).toFixed(1).padStart(5)} %`;
  console.info(
    `  profiled ${fmt(totalMs)} ms: busy ${fmt(busy)} ms (${((100 * busy) / totalMs).toFixed(0)} %), idle ${fmt(idle)} ms; ` +
      `${fmt(requests)} requests → ${fmt(busy / requests, 2)} ms of server CPU per request; GC ${fmt(gc)} ms, (program) ${fmt(program)} ms`,
  );
  const top = (title: string, totals: Map<string, number>, count: number) => {
    console.info(title);
    for (const [k, t] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, count))
      console.info(`    ${fmt(t).padStart(6)} ms ${pct(t)}  ${k}`);
  };
  top('  top functions by self time (% of busy time; a native function is named with the package that called it):', selfByFunction, 15);
  top('  self time by package (native functions counted for their caller):', selfByArea, 15);
  top(
    '  the server’s own functions by inclusive time (on the stack; work after an await is not under its caller):',
    inclusive((area) => area.startsWith('Stockroom')),
    15,
  );
  top(
    '  Vendure, Nest and TypeORM functions by inclusive time:',
    inclusive((area) => /^(@vendure|@nestjs|typeorm)/.test(area)),
    15,
  );
}

async function profileRun(dir: string, pg: boolean): Promise<void> {
  console.info(
    `\n== CPU profile of the server (${pg ? 'PostgreSQL' : 'SQLite'}, one instance): ${fmt(PROFILE_REQUESTS)} requests of the mix, ${PROFILE_CLIENTS} at a time`,
  );
  const hook = join(dir, 'profile-hook.cjs');
  // Outside the run's folder, so it stays for DevTools (Performance → Load profile) after the run.
  const out = join(tmpdir(), `stockroom-bench-load-${pg ? 'postgres' : 'sqlite'}.cpuprofile`);
  rmSync(out, { force: true });
  rmSync(`${out}.started`, { force: true });
  writeFileSync(hook, PROFILER_HOOK);
  const env: NodeJS.ProcessEnv = pg ? { DATABASE_URL: PG_URL } : { SQLITE_FILE: join(dir, 'profile.sqlite') };
  if (pg) seedPostgres(PRODUCTS, ORDERS);
  else seedSqlite(env);
  const instances = await startInstances(1, {
    ...env,
    STOCKROOM_BENCH_PROFILE: out,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${hook}`.trim(),
  });
  const instance = instances[0] as Instance;
  try {
    const endpoints = await signInAll(instances);
    const shop = await readShop(instance.origin, endpoints[0]?.manager.cookie ?? '');
    // Warm: the first requests of a kind compile statements and JIT the code.
    const warm = new Recorder();
    warm.recording = false;
    let warmed = 0;
    await drive(warm, shop, endpoints, PROFILE_CLIENTS, () => warmed++ >= 200, { rotate: true });
    // PostgreSQL's counts of idle connections arrive within ~10 s: wait for them before and after.
    if (pg) await sleep(11_000);
    const transactionsStart = pg ? pgTransactions() : null;
    instance.child.kill('SIGWINCH');
    await waitForFile(`${out}.started`, 10_000);
    const recorder = new Recorder();
    await drive(recorder, shop, endpoints, PROFILE_CLIENTS, () => recorder.samples.length >= PROFILE_REQUESTS, { rotate: true });
    instance.child.kill('SIGWINCH');
    await waitForFile(out, 30_000);
    const times = recorder.samples.map((s) => s.ms).sort((a, b) => a - b);
    console.info(
      `  ${fmt(recorder.samples.length)} requests, as the client saw them: p50 ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}; the profile is ${out}`,
    );
    printKinds(recorder.samples);
    if (pg) await sleep(11_000);
    const transactionsEnd = pg ? pgTransactions() : null;
    if (transactionsStart !== null && transactionsEnd !== null)
      console.info(
        `  PostgreSQL transactions (a statement outside one counts one): ${fmt(transactionsEnd - transactionsStart)}, ` +
          `${fmt((transactionsEnd - transactionsStart) / Math.max(1, recorder.samples.length), 1)} per request`,
      );
    const profile = JSON.parse(readFileSync(out, 'utf8')) as CpuProfile;
    printProfile(profile, recorder.samples.length);
  } finally {
    await stop(instance.child);
  }
}

// ---------------------------------------------------------------- main

function seedSqlite(env: NodeJS.ProcessEnv): void {
  const started = Date.now();
  seed({ ...env, SEED_PRODUCTS: String(PRODUCTS), SEED_ORDERS: String(ORDERS) });
  console.info(`  seeded ${fmt(PRODUCTS)} products and ${fmt(ORDERS)} orders on SQLite in ${seconds(started)}`);
}

async function withInstances(label: string, count: number, env: NodeJS.ProcessEnv): Promise<RunResult> {
  const instances = await startInstances(count, env);
  try {
    const endpoints = await signInAll(instances);
    const shop = await readShop((instances[0] as Instance).origin, endpoints[0]?.manager.cookie ?? '');
    return await loadRun(label, Boolean(env.DATABASE_URL), instances, endpoints, shop);
  } finally {
    await Promise.all(instances.map((i) => stop(i.child)));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  console.info(
    `bench:load: ${CLIENTS} clients × ${SECONDS} s${RATE ? ` paced to ${RATE} req/s` : ''}, shop ${fmt(PRODUCTS)} products / ${fmt(ORDERS)} orders, runs: ${RUNS.join(', ') || 'none'}` +
      `${flags.large ? ', large' : ''}${flags.profile ? `, profile (${PROFILE_DBS.join(', ')})` : ''}; ${cpus().length} cores, load average ${loads(loadavg())}`,
  );
  if (!flags['no-build']) prepareServer();
  const dir = mkdtempSync(join(tmpdir(), 'stockroom-bench-load-'));
  const results: RunResult[] = [];
  try {
    if (RUNS.includes('sqlite')) {
      console.info('\n== SQLite');
      const env = { SQLITE_FILE: join(dir, 'load.sqlite') };
      seedSqlite(env);
      results.push(await withInstances('SQLite, 1 instance', 1, env));
    }
    if (flags.profile && PROFILE_DBS.includes('sqlite')) await profileRun(dir, false);
    if (RUNS.includes('pg1') || RUNS.includes('pg2')) {
      console.info('\n== PostgreSQL');
      seedPostgres(PRODUCTS, ORDERS);
      const env = { DATABASE_URL: PG_URL };
      if (RUNS.includes('pg1')) results.push(await withInstances('PostgreSQL, 1 instance', 1, env));
      if (RUNS.includes('pg2')) results.push(await withInstances('PostgreSQL, 2 instances', 2, env));
    }
    if (flags.profile && PROFILE_DBS.includes('pg')) await profileRun(dir, true);
    summary(results);
    if (flags.large) await large();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.info(`\nbench:load done in ${seconds(started)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
