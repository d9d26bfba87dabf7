/**
 * The whole seeded shop: catalogue, two years of orders, and the stock those
 * orders leave. The last one made is kept, so re-seeding the same shop (every
 * node test does, and "Reset demo data") copies it instead of making it again.
 */
import { generateOrders } from './order-seed';
import type { ProductRecord } from './shop-records';
import { generateShop } from './seed';
import { applyOrdersToSeed, type StockSeed } from './stock-seed';

type Shop = { records: ProductRecord[]; stock: StockSeed };
/** The settings that make a shop, and the instant it was made (its orders end there). */
export type ShopSettings = { seed: number; products: number; orders: number; anchorMs: number };

let last: { key: string; shop: Shop } | null = null;

export function seededShop(settings: ShopSettings): Shop {
  const key = `${settings.seed}-${settings.products}-${settings.orders}-${settings.anchorMs}`;
  if (last?.key !== key) {
    const records = generateShop(settings);
    const orders = generateOrders({ seed: settings.seed, count: settings.orders, products: records, anchorMs: settings.anchorMs });
    last = { key, shop: { records, stock: applyOrdersToSeed(records, orders, settings.anchorMs) } };
    // The first store gets the records themselves (writes replace records, never change them), so start-up pays no copy.
    return last.shop;
  }
  // A later store gets a copy: whatever a test does to its store's records never reaches the next one.
  return { records: structuredClone(last.shop.records), stock: last.shop.stock };
}
