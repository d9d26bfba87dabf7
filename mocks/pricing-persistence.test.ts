/**
 * Price batches and history persist like products: across a reload (IndexedDB)
 * and to another tab, including a batch too large to send whole over the channel.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createPriceBatch, listPriceHistory, revertPriceBatch } from './price-writes';
import { MockDb, type Actor } from './store';
import { connectTabs, type TabSync } from './tab-sync';

const MERCH: Actor = { id: 'staff_merch', name: 'Mia Merchandiser', role: 'merchandiser' };
const shop = { products: 120, seed: 7 };
const change = { op: 'lower', unit: 'percent', value: 1000, ending: 'none', compareAt: 'start-sale', minMarginBp: null } as const;

let factory: IDBFactory;
const open: TabSync[] = [];
let channel = 0;
beforeEach(() => {
  factory = new IDBFactory();
  channel++;
});
afterEach(() => {
  for (const sync of open.splice(0)) sync.close();
});

async function loadTab(): Promise<MockDb> {
  const db = new MockDb(shop);
  db.sync = await connectTabs(db, { indexedDB: factory, channelName: `pricing-${channel}`, locks: null, storage: null });
  open.push(db.sync as TabSync);
  return db;
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

const key = () => ({ key: crypto.randomUUID(), fingerprint: crypto.randomUUID() });

describe('price batches persist', () => {
  it('a batch over every product reaches the other tab (announced, read from IndexedDB) and survives a reload', async () => {
    const tabA = await loadTab();
    const tabB = await loadTab();
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

    const reloaded = await loadTab();
    expect(reloaded.pricing.batches.get(batch.id)).toMatchObject({ status: 'reverted', variantCount: batch.variantCount });
    expect(reloaded.pricing.items.get(batch.id)).toHaveLength(batch.variantCount);
    const history = listPriceHistory(reloaded, { variantId: sample.id, offset: 0, limit: 10 });
    expect(history.items.map((h) => h.action)).toEqual(['price batch reverted', 'bulk price change']);
    expect(reloaded.getProduct('prod_000001')!.variants[0]!.price).toBe(history.items[0]!.to.price);
  });

  it('reset forgets batches and history', async () => {
    const tab = await loadTab();
    await createPriceBatch(
      tab,
      MERCH,
      { label: 'x', selection: { kind: 'filter' }, change, skipFlagged: true, startsAt: null, endsAt: null },
      key(),
    );
    await tab.reset();
    expect(tab.pricing.batches.size).toBe(0);
    const reloaded = await loadTab();
    expect(reloaded.pricing.batches.size).toBe(0);
    expect(reloaded.pricing.history.size).toBe(0);
  });
});
