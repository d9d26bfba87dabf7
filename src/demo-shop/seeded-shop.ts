/**
 * The whole seeded shop: catalogue, two years of orders, and the stock those
 * orders leave. The last one made is kept, so re-seeding the same shop (every
 * node test does, and "Reset demo data") copies it instead of making it again.
 */
import type { DaySums } from '../domain/report-rules';
import { LOCATIONS } from './catalogue';
import { makeOrders, onHandAtStart, seedOrders } from './order-seed';
import { sumOnHand, type OrderRecord, type ProductRecord } from './shop-records';
import { generateShop } from './seed';
import { applyOrdersToSeed, eachLevel, SeededOrders, type StockSeed } from './stock-seed';

export type Shop = { records: ProductRecord[]; stock: StockSeed };
/** The settings that make a shop, and the instant it was made (its orders end there). */
export type ShopSettings = { seed: number; products: number; orders: number; anchorMs: number };

/**
 * What a shop's orders did, and no more: the levels they left and the ledger's sums (by seeded variant slot ×
 * LOCATIONS), and their sums by store day. The records and the orders follow from the settings, so this is all a
 * browser keeps of a shop (mocks/shop-snapshot.ts): some 5 MB at 50,000 products, where the objects took seconds to
 * write and to read back.
 */
export type KeptShop = {
  onHand: Int32Array;
  reserved: Int32Array;
  opening: Int32Array;
  sold: Int32Array;
  openedAt: string;
  orderCount: number;
  /** The orders' sums by store day (mocks/report-index.ts `daySumsOf`), so the sales chart waits for no order. */
  daySums: DaySums;
};

/** `taken`: a store already holds these records, so the next one gets a copy. */
let last: { key: string; shop: Shop; taken: boolean } | null = null;

/**
 * The generator's generation: a shop an older generator made (orders without customer ids or returns) is not read back.
 * g4: kept as the levels its orders left (KeptShop), not as objects.
 */
const GENERATION = 'g4';

export function seededShopKey(settings: ShopSettings): string {
  return `${settings.seed}-${settings.products}-${settings.orders}-${settings.anchorMs}-${GENERATION}`;
}

/**
 * `sumDays`: the orders' sums by store day (the mock's reports), taken while the orders are at hand: once made, they
 * are kept as their book, and reading them all again costs as much as making them.
 */
export function seededShop(settings: ShopSettings, sumDays?: (orders: readonly OrderRecord[]) => DaySums): Shop {
  const key = seededShopKey(settings);
  if (last?.key !== key) {
    const records = generateShop(settings);
    const { orders, book } = seedOrders({ seed: settings.seed, count: settings.orders, products: records, anchorMs: settings.anchorMs });
    const stock = applyOrdersToSeed(records, orders, settings.anchorMs, book);
    if (sumDays) stock.daySums = sumDays(orders);
    last = { key, shop: { records, stock }, taken: false };
  }
  if (!last.taken) {
    // The first store gets the records themselves (writes replace records, never change them), so start-up pays no copy.
    last.taken = true;
    return last.shop;
  }
  // A later store gets a copy: whatever a test does to its store's records never reaches the next one.
  return { records: structuredClone(last.shop.records), stock: last.shop.stock };
}

/** The shop as made, for keeping (`adoptKeptShop` makes it again), with its orders' day sums. */
export function keepShop(shop: Shop, daySums: DaySums): KeptShop {
  const cells = shop.stock.opening.length;
  const onHand = new Int32Array(cells);
  const reserved = new Int32Array(cells);
  eachLevel(shop.records, (level, cell) => {
    onHand[cell] = level.onHand;
    reserved[cell] = level.reserved;
  });
  const { opening, sold, openedAt, orders } = shop.stock;
  return { onHand, reserved, opening, sold, openedAt, orderCount: orders.count, daySums };
}

/**
 * A kept shop made again: the records from the seed with the levels its orders left, its stock as kept, and its orders
 * made in idle slices or when first read (about 2 s at 200,000), from the shelves as seeded. The next `seededShop` of its settings is it.
 * False, and nothing adopted, when what was kept does not fit the records (a generator changed without a new
 * GENERATION): the shop is then made afresh rather than read with levels out of place.
 */
export function adoptKeptShop(settings: ShopSettings, kept: KeptShop): boolean {
  const records = generateShop(settings);
  const onHand = onHandAtStart(records);
  const cells = onHand.length;
  if ([kept.onHand, kept.reserved, kept.opening, kept.sold].some((cellsKept) => cellsKept.length !== cells)) return false;
  eachLevel(
    records,
    (level, cell) => {
      level.onHand = kept.onHand[cell]!;
      level.reserved = kept.reserved[cell]!;
    },
    (record, index) => {
      record.product.variants[index]!.stock = sumOnHand(record.levels[index]);
    },
  );
  const orders = new SeededOrders(kept.orderCount, () =>
    makeOrders({ seed: settings.seed, count: settings.orders, products: records, anchorMs: settings.anchorMs, onHand }, null),
  );
  const stock: StockSeed = {
    seededVariants: kept.opening.length / LOCATIONS.length,
    opening: kept.opening,
    sold: kept.sold,
    openedAt: kept.openedAt,
    orders,
    daySums: kept.daySums,
    ordersBySlot: null,
  };
  last = { key: seededShopKey(settings), shop: { records, stock }, taken: false };
  return true;
}

/** The shop as made, before any write (writes replace records, never change them), for keeping. */
export function lastSeededShop(settings: ShopSettings): Shop | undefined {
  return last?.key === seededShopKey(settings) ? last.shop : undefined;
}
