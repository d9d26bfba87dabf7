import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { productSchema, type Product } from '../src/contract/schemas';
import { createHandlers } from './handlers';
import { createProduct, updateProduct } from './product-writes';
import { createPriceBatch, listPriceHistory, revertPriceBatch } from './price-writes';
import { MockDb, shopKeyOf, type Actor } from './store';
import { connectTabs, shopAnchor, type TabSync } from './tab-sync';
import { TEST_START_MS } from '../tests/clock';
import { productToInput } from '../src/contract/product-input';

const ADMIN: Actor = { id: 'staff_admin', name: 'Ada Admin', role: 'admin' };

// Handlers are swapped per "page load"; start with none.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** A browser's localStorage (where each shop's anchor is kept), in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear = () => this.items.clear();
  getItem = (key: string) => this.items.get(key) ?? null;
  key = (index: number) => [...this.items.keys()][index] ?? null;
  removeItem = (key: string) => void this.items.delete(key);
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

let factory: IDBFactory;
let storage: MemoryStorage;
/** The browser's clock: tests move it on to another day. */
let nowMs: number;
const clock = () => nowMs;
const DAY_MS = 86_400_000;
const open: TabSync[] = [];
let channel = 0;
beforeEach(() => {
  factory = new IDBFactory();
  storage = new MemoryStorage();
  nowMs = TEST_START_MS;
  channel++;
});
afterEach(() => {
  for (const sync of open.splice(0)) sync.close();
});

/** A page load: a fresh seeded store, the overlay of its shop and the other tabs. */
async function loadPage(settings: { products: number; seed: number; orders?: number }, channelName = `test-${channel}`): Promise<MockDb> {
  const anchorMs = await shopAnchor(shopKeyOf({ orders: 3000, ...settings }), clock(), { indexedDB: factory, storage });
  const db = new MockDb(settings, { clock, anchorMs });
  const sync = await connectTabs(db, { indexedDB: factory, channelName, locks: null, storage });
  open.push(sync);
  db.sync = sync;
  server.resetHandlers(...createHandlers(db));
  db.startSession(ADMIN.id);
  return db;
}

async function put(product: Product, changes: Partial<Product>) {
  const res = await fetch(`/api/products/${product.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': `"${product.version}"` },
    body: JSON.stringify({ ...productToInput(product), ...changes }),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

const shop = { products: 120, seed: 99, orders: 500 };

describe('persisted overlay', () => {
  it('survives a reload: seed + overlay gives back every change, and idempotency keys', async () => {
    const first = await loadPage(shop);
    const original = first.getProduct('prod_000001')!;
    expect((await put(original, { title: 'Renamed before reload' })).status).toBe(200);
    const created = await createProduct(first, ADMIN, {
      ...productToInput(original),
      handle: 'brand-new-handle',
      variants: productToInput(original).variants.map((v, i) => ({ ...v, id: undefined, sku: `NEW-${i}`, barcode: null })),
    });
    const bulk = await fetch('/api/products/bulk-status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'reload-key' },
      body: JSON.stringify({ ids: ['prod_000002', 'prod_000003'], status: 'archived' }),
    });
    const bulkAnswer: unknown = await bulk.json();

    const second = await loadPage(shop);
    expect(second.getProduct('prod_000001')).toEqual(first.getProduct('prod_000001'));
    expect(second.getProduct('prod_000001')?.title).toBe('Renamed before reload');
    expect(productSchema.parse(second.getProduct(created.id))).toEqual(created);
    expect(second.getProduct('prod_000002')?.status).toBe('archived');
    expect(second.productCount).toBe(121);
    expect(second.ownerOfSku('new-0')?.product.id).toBe(created.id);

    // The replay after a reload answers from the stored result and changes nothing.
    const versions = [second.getProduct('prod_000002')?.version, second.getProduct('prod_000003')?.version];
    const replay = await fetch('/api/products/bulk-status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'reload-key' },
      body: JSON.stringify({ ids: ['prod_000002', 'prod_000003'], status: 'archived' }),
    });
    expect(await replay.json()).toEqual(bulkAnswer);
    expect([second.getProduct('prod_000002')?.version, second.getProduct('prod_000003')?.version]).toEqual(versions);

    // Change numbers keep growing after a reload instead of restarting.
    const next = await put(second.getProduct('prod_000004')!, { title: 'After reload' });
    expect(next.status).toBe(200);
    const third = await loadPage(shop);
    expect(third.getProduct('prod_000004')?.title).toBe('After reload');
    expect(third.getProduct('prod_000001')?.title).toBe('Renamed before reload');
  });

  it('keeps stock moves and their ledger rows across a reload, and in another tab', async () => {
    const first = await loadPage(shop);
    const record = [...first.allRecords()].find((r) => r.product.status === 'active')!;
    const variantId = record.product.variants[0]!.id;
    const level = first.level(variantId, 'edison-nj')!;
    const res = await fetch('/api/inventory/adjustments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'stock-key' },
      body: JSON.stringify({
        variantId,
        locationId: 'edison-nj',
        version: level.version,
        reason: 'received',
        quantity: 7,
        note: 'Pallet 4',
      }),
    });
    expect(res.status).toBe(200);
    const other = await loadPage(shop, `test-${channel}`);
    // Another tab of the same shop: it reads the overlay on load.
    expect(other.level(variantId, 'edison-nj')).toMatchObject({ onHand: level.onHand + 7, version: level.version + 1 });
    const rows = other.ledger({ variantId, locationId: 'edison-nj', sort: '-at', offset: 0, limit: 5 }).items;
    expect(rows[0]).toMatchObject({ reason: 'received', quantity: 7, note: 'Pallet 4', onHandAfter: level.onHand + 7 });
    expect(other.getProduct(record.product.id)?.variants[0]?.stock).toBe(record.product.variants[0]!.stock + 7);
  });

  it('keeps each shop’s changes to that shop (seed and size)', async () => {
    const a = await loadPage(shop);
    await put(a.getProduct('prod_000001')!, { title: 'Only in shop 99/120' });
    const otherSeed = await loadPage({ ...shop, seed: 100 });
    expect(otherSeed.getProduct('prod_000001')?.title).not.toBe('Only in shop 99/120');
    const otherSize = await loadPage({ ...shop, products: 300 });
    expect(otherSize.getProduct('prod_000001')?.title).not.toBe('Only in shop 99/120');
  });

  it('reset restores the seed, also after the next reload', async () => {
    const db = await loadPage(shop);
    await put(db.getProduct('prod_000001')!, { title: 'Soon gone' });
    expect((await fetch('/api/_mock/reset', { method: 'POST' })).status).toBe(200);
    const seed = [...new MockDb(shop, { clock, anchorMs: db.anchorMs }).allRecords()].map((r) => r.product);
    expect(db.getProduct('prod_000001')).toEqual(seed[0]);
    const reloaded = await loadPage(shop);
    expect([...reloaded.allRecords()].map((r) => r.product)).toEqual(seed);
    // A write after the reset is persisted like any other.
    await put(reloaded.getProduct('prod_000002')!, { title: 'After reset' });
    expect((await loadPage(shop)).getProduct('prod_000002')?.title).toBe('After reset');
  });
});

describe('the shop’s day', () => {
  it('is made at the clock’s now and kept across reloads while it holds saved changes, on any later day', async () => {
    const first = await loadPage(shop);
    expect(first.anchorMs).toBe(Math.floor(TEST_START_MS / 60_000) * 60_000);
    const newest = () => Math.max(...[...first.allOrders()].map((o) => Date.parse(o.placedAt)));
    // A small shop (under one order a day): its newest order is from the last week, none after the shop was made.
    expect(newest()).toBeLessThanOrEqual(first.anchorMs);
    expect(newest()).toBeGreaterThan(first.anchorMs - 7 * DAY_MS);
    const original = first.getProduct('prod_000001')!;
    expect((await put(original, { title: 'Kept across days' })).status).toBe(200);

    nowMs += 3 * DAY_MS;
    const later = await loadPage(shop);
    expect(later.anchorMs).toBe(first.anchorMs);
    expect(later.getProduct('prod_000001')?.title).toBe('Kept across days');
    expect([...later.allOrders()]).toEqual([...first.allOrders()]);
  });

  it('is made again at now on a later store day when nothing was saved in it, and other tabs follow', async () => {
    const first = await loadPage(shop);
    const sameDay = await loadPage(shop);
    expect(sameDay.anchorMs).toBe(first.anchorMs);

    nowMs += DAY_MS;
    const nextDay = await loadPage(shop);
    expect(nextDay.anchorMs).toBe(Math.floor(nowMs / 60_000) * 60_000);
    const newest = Math.max(...[...nextDay.allOrders()].map((o) => Date.parse(o.placedAt)));
    expect(newest).toBeLessThanOrEqual(nextDay.anchorMs);
    expect(newest).toBeGreaterThan(nextDay.anchorMs - 7 * DAY_MS);
    // The tab still open from yesterday hears of it and makes the same shop.
    await vi.waitFor(() => expect(first.anchorMs).toBe(nextDay.anchorMs));
    expect(first.getProduct('prod_000001')).toEqual(nextDay.getProduct('prod_000001'));
  });

  it('is kept beside its changes: a browser that lost its localStorage still makes the shop they belong to', async () => {
    const first = await loadPage(shop);
    expect((await put(first.getProduct('prod_000001')!, { title: 'Outlives localStorage' })).status).toBe(200);
    storage.clear();
    nowMs += 2 * DAY_MS;
    const later = await loadPage(shop);
    expect(later.anchorMs).toBe(first.anchorMs);
    expect(later.getProduct('prod_000001')?.title).toBe('Outlives localStorage');
  });

  it('is made again at now by "Reset demo data", also after the next reload', async () => {
    const db = await loadPage(shop);
    expect((await put(db.getProduct('prod_000001')!, { title: 'Before reset' })).status).toBe(200);
    nowMs += 2 * DAY_MS;
    await db.reset();
    expect(db.anchorMs).toBe(Math.floor(nowMs / 60_000) * 60_000);
    expect((await loadPage(shop)).anchorMs).toBe(db.anchorMs);
  });
});

describe('two tabs', () => {
  async function until(condition: () => boolean) {
    for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(condition()).toBe(true);
  }

  it('see each other’s writes through the broadcast', async () => {
    const tabA = await loadPage(shop);
    const tabB = await loadPage(shop);
    const before = tabB.getProduct('prod_000001')!;
    await updateProduct(tabA, ADMIN, before.id, before.version, { ...productToInput(before), title: 'Saved in tab A' });
    await until(() => tabB.getProduct('prod_000001')?.title === 'Saved in tab A');
    expect(tabB.getProduct('prod_000001')?.version).toBe(before.version + 1);
  });

  it('refuse a stale save in the other tab with 409, even before the broadcast arrives', async () => {
    // Separate channels: tab B never hears of tab A's save and must learn it from IndexedDB.
    const tabA = await loadPage(shop, 'channel-a');
    const tabB = await loadPage(shop, 'channel-b');
    const stale = tabB.getProduct('prod_000005')!;
    await updateProduct(tabA, ADMIN, stale.id, stale.version, { ...productToInput(stale), title: 'Saved in tab A' });
    expect(tabB.getProduct('prod_000005')?.title).toBe(stale.title);

    await expect(
      updateProduct(tabB, ADMIN, stale.id, stale.version, { ...productToInput(stale), title: 'Saved in tab B' }),
    ).rejects.toMatchObject({
      status: 409,
      problem: { title: 'Someone else changed this product', current: { title: 'Saved in tab A' } },
    });
    // Tab B caught up while checking, so the reload-free retry with the current version works.
    const current = tabB.getProduct('prod_000005')!;
    expect(current.title).toBe('Saved in tab A');
    const saved = await updateProduct(tabB, ADMIN, current.id, current.version, { ...productToInput(current), title: 'Saved in tab B' });
    expect(saved.version).toBe(stale.version + 2);
  });

  it('a write in a tab that has not heard of another tab’s reset lands on the shop as reset, not as it was', async () => {
    // Separate channels: tab A never hears of tab B's reset, and must learn it from IndexedDB when it writes.
    const tabA = await loadPage(shop, 'channel-a');
    const tabB = await loadPage(shop, 'channel-b');
    const seeded = tabA.getProduct('prod_000001')!;
    const edited = await updateProduct(tabA, ADMIN, seeded.id, seeded.version, { ...productToInput(seeded), title: 'Before the reset' });
    // Within the same minute: the shop made again is made at the same instant, so only the count of resets tells.
    await tabB.reset();
    expect(tabB.anchorMs).toBe(tabA.anchorMs);

    // Tab A still shows its edit, at its version: the save from that screen is refused (the product is the seeded one
    // again), and the title the reset discarded does not come back.
    await expect(
      updateProduct(tabA, ADMIN, edited.id, edited.version, { ...productToInput(edited), description: 'Edited after the reset' }),
    ).rejects.toMatchObject({ status: 409, problem: { current: { title: seeded.title, version: seeded.version } } });
    expect(tabA.getProduct('prod_000001')).toEqual(seeded);
    const reloaded = await loadPage(shop);
    expect(reloaded.getProduct('prod_000001')).toEqual(seeded);
  });

  it('keep SKUs unique across tabs', async () => {
    const tabA = await loadPage(shop, 'channel-c');
    const tabB = await loadPage(shop, 'channel-d');
    const template = tabA.getProduct('prod_000010')!;
    const input = (handle: string) => ({
      ...productToInput(template),
      handle,
      variants: [{ ...productToInput(template).variants[0]!, id: undefined, sku: 'SHARED-SKU', barcode: null }],
      options: template.options.map((o) => ({ ...o, values: o.values })),
    });
    await createProduct(tabA, ADMIN, input('from-tab-a'));
    await expect(createProduct(tabB, ADMIN, input('from-tab-b'))).rejects.toMatchObject({ status: 422 });
  });
});

// ---- pricing: batches and history persist like products, also when a change is too large to broadcast whole
const key = () => ({ key: crypto.randomUUID(), fingerprint: crypto.randomUUID() });

describe('price batches persist', () => {
  const MERCH: Actor = { id: 'staff_merch', name: 'Mia Merchandiser', role: 'merchandiser' };
  const change = { op: 'lower', unit: 'percent', value: 1000, ending: 'none', compareAt: 'start-sale', minMarginBp: null } as const;
  async function until(condition: () => boolean) {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(condition()).toBe(true);
  }

  it('a batch over every product reaches the other tab (announced, read from IndexedDB) and survives a reload', async () => {
    const tabA = await loadPage(shop);
    const tabB = await loadPage(shop);
    const batch = await createPriceBatch(
      tabA,
      MERCH,
      { label: 'Everything 10 % off', selection: { kind: 'filter' }, change, skipFlagged: true, startsAt: null, endsAt: null },
      key(),
    );
    expect(batch.variantCount).toBeGreaterThan(64);
    const sample = tabA.getProduct('prod_000001')!.variants[0]!;

    await until(() => tabB.pricing.batches.get(batch.id)?.status === 'applied');
    expect(tabB.getProduct('prod_000001')!.variants[0]!.price).toBe(sample.price);
    expect(listPriceHistory(tabB, { variantId: sample.id, offset: 0, limit: 10 }).total).toBe(1);

    await revertPriceBatch(tabB, MERCH, batch.id, key());
    await until(() => tabA.pricing.batches.get(batch.id)?.status === 'reverted');

    const reloaded = await loadPage(shop);
    expect(reloaded.pricing.batches.get(batch.id)).toMatchObject({ status: 'reverted', variantCount: batch.variantCount });
    expect(reloaded.pricing.items.get(batch.id)).toHaveLength(batch.variantCount);
    const history = listPriceHistory(reloaded, { variantId: sample.id, offset: 0, limit: 10 });
    expect(history.items.map((h) => h.action)).toEqual(['price batch reverted', 'bulk price change']);
    expect(reloaded.getProduct('prod_000001')!.variants[0]!.price).toBe(history.items[0]!.to.price);
  });

  it('keeps prices and edits in the order they were made, whether a product was repriced or saved whole', async () => {
    const tabA = await loadPage(shop);
    const tabB = await loadPage(shop);
    const one = { kind: 'products' as const, ids: ['prod_000001'] };
    const reprice = (label: string, value: number) =>
      createPriceBatch(
        tabA,
        MERCH,
        { label, selection: one, change: { ...change, value }, skipFlagged: true, startsAt: null, endsAt: null },
        key(),
      );

    await reprice('First cut', 1000);
    expect((await put(tabA.getProduct('prod_000001')!, { title: 'Renamed between two batches' })).status).toBe(200);
    await reprice('Second cut', 500);
    const expected = tabA.getProduct('prod_000001')!;
    expect(expected.title).toBe('Renamed between two batches');

    // Small changes reach the other tab by broadcast, in order.
    await until(() => tabB.getProduct('prod_000001')?.version === expected.version);
    expect(tabB.getProduct('prod_000001')).toEqual(expected);
    // The patches and the whole record, read back from IndexedDB.
    expect((await loadPage(shop)).getProduct('prod_000001')).toEqual(expected);
  });

  it('reset forgets batches and history', async () => {
    const tab = await loadPage(shop);
    await createPriceBatch(
      tab,
      MERCH,
      { label: 'x', selection: { kind: 'filter' }, change, skipFlagged: true, startsAt: null, endsAt: null },
      key(),
    );
    await tab.reset();
    expect(tab.pricing.batches.size).toBe(0);
    const reloaded = await loadPage(shop);
    expect(reloaded.pricing.batches.size).toBe(0);
    expect(reloaded.pricing.history.size).toBe(0);
  });
});
