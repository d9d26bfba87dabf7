import { createHash } from 'node:crypto';
import { adoptKeptShop, keepShop, seededShop } from './seeded-shop';
import { anchorAt } from './seed';
import { TEST_START_MS } from '../../tests/clock';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('a kept shop', () => {
  it('is made again from the levels its orders left: the same records, stock and orders as the shop made from scratch', () => {
    const settings = { seed: 11, products: 300, orders: 4_000, anchorMs: anchorAt(TEST_START_MS) };
    const made = seededShop(settings);
    const records = hash(made.records);
    const orders = hash([...made.stock.orders.each()]);
    // Open orders hold stock, so the orders made again must reserve from the shelves as seeded, not from these.
    expect(made.records.some((r) => r.levels.some((levels) => levels.some((l) => l.reserved > 0)))).toBe(true);

    // What the browser stores goes through a structured clone (IndexedDB).
    expect(adoptKeptShop(settings, structuredClone(keepShop(made, [])))).toBe(true);
    const again = seededShop(settings);

    expect(again.records).not.toBe(made.records);
    expect(again.stock.orders.made).toBe(false);
    expect(again.stock.orders.count).toBe(made.stock.orders.count);
    expect(hash(again.records)).toBe(records);
    expect([...again.stock.opening]).toEqual([...made.stock.opening]);
    expect([...again.stock.sold]).toEqual([...made.stock.sold]);
    expect(again.stock.openedAt).toBe(made.stock.openedAt);
    // Made a slice at a time, then the rest at once: the same orders.
    expect(again.stock.orders.makeSome()).toBe(true);
    expect(again.stock.orders.made).toBe(false);
    expect(hash([...again.stock.orders.each()])).toBe(orders);
    expect(again.stock.orders.made).toBe(true);
  });

  it('that does not fit the records (kept by another generator) is not adopted: the shop is made afresh', () => {
    const settings = { seed: 12, products: 40, orders: 300, anchorMs: anchorAt(TEST_START_MS) };
    const made = seededShop(settings);
    const kept = keepShop(made, []);
    const short = { ...kept, onHand: kept.onHand.slice(3), reserved: kept.reserved.slice(3) };
    expect(adoptKeptShop(settings, short)).toBe(false);
    // The next shop of these settings is the one made from scratch (a copy of it), not one read from what was kept.
    const again = seededShop(settings);
    expect(again.stock).toBe(made.stock);
    expect(again.stock.orders.made).toBe(true);
  });
});
