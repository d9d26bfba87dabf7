/**
 * The whole seeded shop: catalogue, two years of orders, and the stock those
 * orders leave. The last one made is kept, so re-seeding the same shop (every
 * node test does, and "Reset demo data") copies it instead of making it again.
 */
import { generateOrders } from './order-seed';
import type { ProductRecord } from './shop-records';
import { generateShop } from './seed';
import { applyOrdersToSeed, type StockSeed } from './stock-seed';

export type Shop = { records: ProductRecord[]; stock: StockSeed };
/** The settings that make a shop, and the instant it was made (its orders end there). */
export type ShopSettings = { seed: number; products: number; orders: number; anchorMs: number };

/** `taken`: a store already holds these records, so the next one gets a copy. */
let last: { key: string; shop: Shop; taken: boolean } | null = null;

/** The generator's generation: a shop an older generator made (orders without customer ids or returns) is not read back. */
const GENERATION = 'g3';

export function seededShopKey(settings: ShopSettings): string {
  return `${settings.seed}-${settings.products}-${settings.orders}-${settings.anchorMs}-${GENERATION}`;
}

export function seededShop(settings: ShopSettings): Shop {
  const key = seededShopKey(settings);
  if (last?.key !== key) {
    const records = generateShop(settings);
    const orders = generateOrders({ seed: settings.seed, count: settings.orders, products: records, anchorMs: settings.anchorMs });
    last = { key, shop: { records, stock: applyOrdersToSeed(records, orders, settings.anchorMs) }, taken: false };
  }
  if (!last.taken) {
    // The first store gets the records themselves (writes replace records, never change them), so start-up pays no copy.
    last.taken = true;
    return last.shop;
  }
  // A later store gets a copy: whatever a test does to its store's records never reaches the next one.
  return { records: structuredClone(last.shop.records), stock: last.shop.stock };
}

/** A shop made before (the browser keeps one, mocks/shop-snapshot.ts): the next `seededShop` of its settings is it, not made again. */
export function adoptSeededShop(settings: ShopSettings, shop: Shop): void {
  last = { key: seededShopKey(settings), shop, taken: false };
}

/** The shop as made, before any write (writes replace records, never change them), for keeping. */
export function lastSeededShop(settings: ShopSettings): Shop | undefined {
  return last?.key === seededShopKey(settings) ? last.shop : undefined;
}
