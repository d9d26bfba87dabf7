/**
 * The seeded stock ledger, told by the seeded orders. Each level's history is
 * an opening receipt, then every reservation, sale, release and restock that
 * the seeded orders imply. The levels the shop starts with are the sums of
 * that history, so the numbers on day one already tell a true story. The
 * rows are worked out when someone reads a ledger, not stored: at 200,000
 * orders, a million stored rows would cost the start-up its speed.
 */
import { SALES_WINDOW_DAYS } from '../contract/constants';
import type { OrderLine } from '../contract/order-schemas';
import type { DaySums } from '../domain/report-rules';
import { LOCATIONS, locationIndex } from './catalogue';
import { withTimeline } from './order-timeline';
import type { OrderBook } from './order-seed';
import { sumOnHand, type MovementRecord, type OrderRecord, type ProductRecord } from './shop-records';

const DAY_MS = 86_400_000;
export const STOREFRONT = { id: 'storefront', name: 'Storefront' } as const;
/**
 * Who the opening receipts are by: the stock the shop had before its first order, which nobody on the staff
 * counted in. Not a person (no staff id has this form), so the server keeps it as it is, as it keeps STOREFRONT.
 */
export const OPENING_BALANCE = { id: 'system_opening', name: 'Opening balance' } as const;

/** Calls `visit` with each seeded level and its cell (slot × LOCATIONS + location), and its variant once per variant. */
export function eachLevel(
  records: readonly ProductRecord[],
  visit: (level: ProductRecord['levels'][number][number], cell: number) => void,
  afterVariant: (record: ProductRecord, index: number) => void = () => {},
): void {
  const width = LOCATIONS.length;
  let slot = 0;
  for (const record of records) {
    for (let j = 0; j < record.product.variants.length; j++, slot++) {
      const levels = record.levels[j];
      for (let loc = 0; loc < width; loc++) {
        const level = levels?.[loc];
        if (level) visit(level, slot * width + loc);
      }
      afterVariant(record, j);
    }
  }
}

/** Seeded variant ids are var_0000001… in seed order; ids made later are longer and random. */
export function seededSlot(variantId: string, seededVariants: number): number | null {
  if (variantId.length !== 11) return null;
  const n = Number(variantId.slice(4));
  return Number.isInteger(n) && n >= 1 && n <= seededVariants ? n - 1 : null;
}

type Person = MovementRecord['actor'];

/** One ledger row; every field spelled out, because object spreads cost ten times more at 200,000 orders. */
function row(
  order: OrderRecord,
  id: string,
  at: string,
  line: OrderLine,
  locationId: string,
  reason: MovementRecord['reason'],
  quantity: number,
  reservedChange: number,
  actor: Person,
): MovementRecord {
  return {
    id,
    at,
    variantId: line.variantId,
    sku: line.sku,
    locationId,
    reason,
    quantity,
    reservedChange,
    note: '',
    actor,
    orderId: order.id,
    orderNumber: order.number,
    transferId: null,
    purchaseOrderId: null,
    purchaseOrderNumber: null,
  };
}

/**
 * What a seeded order did to stock, movement by movement: each line reserved
 * at the order's warehouse when placed; each shipment sold (shipping from
 * another warehouse releases the reservation there and sells here); a
 * cancellation released what was left; a refund with restock put units back.
 */
export function orderMovements(order: OrderRecord, onlyVariant?: string): MovementRecord[] {
  const moves: MovementRecord[] = [];
  const home = order.locationId;
  const lineById = (id: string) => order.lines.find((l) => l.id === id);
  const wanted = (line: OrderLine | undefined): line is OrderLine =>
    line !== undefined && (onlyVariant === undefined || line.variantId === onlyVariant);
  for (const line of order.lines) {
    if (wanted(line))
      moves.push(row(order, `mov_${order.id}_${line.id}_r`, order.placedAt, line, home, 'reserved', 0, line.quantity, STOREFRONT));
  }
  for (const f of order.fulfilments) {
    for (const part of f.lines) {
      const line = lineById(part.lineId);
      if (!wanted(line)) continue;
      if (f.locationId !== home) moves.push(row(order, `mov_${f.id}_${line.id}_x`, f.at, line, home, 'released', 0, -part.quantity, f.by));
      const reserved = f.locationId === home ? -part.quantity : 0;
      moves.push(row(order, `mov_${f.id}_${line.id}`, f.at, line, f.locationId, 'sale', -part.quantity, reserved, f.by));
    }
  }
  const cancel =
    order.status === 'cancelled' || order.lines.some((l) => l.cancelledQuantity > 0)
      ? withTimeline(order).timeline.find((e) => e.type === 'cancelled')
      : undefined;
  if (cancel) {
    for (const line of order.lines) {
      if (line.cancelledQuantity === 0 || !wanted(line)) continue;
      moves.push(
        row(
          order,
          `mov_${cancel.id}_${line.id}`,
          cancel.at,
          line,
          home,
          'released',
          0,
          -line.cancelledQuantity,
          cancel.actor ?? STOREFRONT,
        ),
      );
    }
  }
  for (const r of order.refunds) {
    if (!r.restock) continue;
    for (const part of r.lines) {
      const line = lineById(part.lineId);
      if (wanted(line))
        moves.push(row(order, `mov_${r.id}_${line.id}`, r.at, line, r.locationId ?? home, 'refund_restock', part.quantity, 0, r.by));
    }
  }
  return moves;
}

/** The seeded history of stock, indexed by seeded variant slot × location. */
export type StockSeed = {
  seededVariants: number;
  /** Units received before the first order, per slot × location: the opening row of each ledger. */
  opening: Int32Array;
  /** Units sold (ordered and not cancelled) over the sales window, per slot × location. */
  sold: Int32Array;
  /** When the opening stock arrived: a day before the first order. */
  openedAt: string;
  orders: SeededOrders;
  /** The seeded orders' sums by store day, when kept with the shop: the reports' sums without making the orders. */
  daySums?: DaySums;
  /** Seeded variant slot → indexes into `orders`; built by the first ledger read. */
  ordersBySlot: number[][] | null;
};

/**
 * The seeded orders, made when first read or a slice at a time before that: a shop made again from the levels its
 * orders left (the browser keeps those, mocks/shop-snapshot.ts) answers for its products and stock before its orders
 * exist. Once made they are held as their book (order-seed.ts `OrderBook`), not as objects: each read makes the order
 * again, so whoever reads them keeps what it needs of them, not the orders.
 */
export class SeededOrders {
  private source: OrderSource | null;
  /** The steps still to make (order-seed's makeOrders), null once all are made. */
  private steps: Iterator<void, OrderBook> | null;

  /** `count`: how many there are (ord_0001001 onwards), known before they are made. */
  constructor(
    readonly count: number,
    /** The book that makes them, the steps that will (a kept shop's), or the orders themselves (the server's seed). */
    orders: OrderBook | readonly OrderRecord[] | (() => Iterator<void, OrderBook>),
  ) {
    if (typeof orders === 'function') {
      this.source = null;
      this.steps = orders();
    } else {
      this.source = isOrderList(orders) ? asMade(orders) : orders;
      this.steps = null;
    }
  }

  /**
   * Set while a request's handler runs in the browser's worker (MockDb.serve): reading the orders before they are all
   * made then throws OrdersNotMade instead of making them in one long go.
   */
  refuse = false;

  /** Whether they all exist yet. */
  get made(): boolean {
    return this.steps === null;
  }

  /** Makes the rest a slice at a time, `between` letting other work run between slices. */
  async makeInSlices(between: () => Promise<void>): Promise<void> {
    while (this.makeSome()) await between();
  }

  /** Makes a slice more (some 2,000 orders, 20 ms or so); false once all are made. */
  makeSome(): boolean {
    const step = this.steps?.next();
    if (step?.done) {
      this.source = step.value;
      this.steps = null;
    }
    return this.steps !== null;
  }

  private ready(): OrderSource {
    if (this.refuse && !this.made) throw new OrdersNotMade();
    while (this.makeSome());
    return this.source ?? asMade([]);
  }

  /** The order at `position` (#1001 at 0). */
  at(position: number): OrderRecord | undefined {
    const source = this.ready();
    return position >= 0 && position < Math.min(this.count, source.count) ? source.at(position) : undefined;
  }

  /** The places of the orders with refunds, in placing order. */
  withRefunds(): readonly number[] {
    return this.ready().withRefunds();
  }

  /** Every order in placing order; reading it refuses (OrdersNotMade) at once, not when first iterated. */
  each(): Iterable<OrderRecord> {
    const source = this.ready();
    const count = Math.min(this.count, source.count);
    return (function* () {
      for (let i = 0; i < count; i++) yield source.at(i);
    })();
  }
}

/** What the seeded orders are read through: order-seed's book, or the orders themselves as made. */
type OrderSource = Pick<OrderBook, 'count' | 'at' | 'withRefunds'>;

const isOrderList = (orders: OrderBook | readonly OrderRecord[]): orders is readonly OrderRecord[] => Array.isArray(orders);

function asMade(orders: readonly OrderRecord[]): OrderSource {
  return {
    count: orders.length,
    at: (position) => orders[position]!,
    withRefunds: () => orders.flatMap((order, i) => (order.refunds.length ? [i] : [])),
  };
}

/** What reading a kept shop's orders throws while they are refused (SeededOrders.refuse). */
export class OrdersNotMade extends Error {
  constructor() {
    super('The seeded orders are not made yet');
  }
}

/**
 * Applies the seeded orders to freshly seeded products (mutating them: they
 * are not shared yet). The product seed's on-hand numbers are the shelf
 * before restocks from returns, so a level never dips below zero in its history.
 */
export function applyOrdersToSeed(
  records: readonly ProductRecord[],
  orders: readonly OrderRecord[],
  anchorMs: number,
  /** What makes the orders again (order-seed's `seedOrders`): the stock seed keeps it rather than the orders. */
  book?: OrderBook,
): StockSeed {
  const slots: { record: ProductRecord; index: number }[] = [];
  for (const record of records) record.product.variants.forEach((_, index) => slots.push({ record, index }));
  const width = LOCATIONS.length;
  const opening = new Int32Array(slots.length * width);
  const sold = new Int32Array(slots.length * width);
  const windowEnd = orders.length ? Date.parse(orders[orders.length - 1]!.placedAt) : anchorMs;
  // ISO strings of one format compare like the times they name, without parsing 200,000 of them.
  const windowStartIso = new Date(windowEnd - SALES_WINDOW_DAYS * DAY_MS).toISOString();

  for (const [slot, { record, index }] of slots.entries()) {
    const levels = record.levels[index] ?? [];
    levels.forEach((level, loc) => (opening[slot * width + loc] = level.onHand));
  }
  const levelOf = (variantId: string, locationId: string) => {
    const slot = seededSlot(variantId, slots.length);
    const loc = locationIndex(locationId);
    if (slot === null || loc === undefined) return null;
    const { record, index } = slots[slot]!;
    const level = record.levels[index]?.[loc];
    return level ? { level, cell: slot * width + loc } : null;
  };
  // The sums of orderMovements, without making the rows: reservations held, units shipped, units restocked.
  for (const order of orders) {
    for (const line of order.lines) {
      const at = levelOf(line.variantId, order.locationId);
      if (!at) continue;
      at.level.reserved += line.quantity - line.cancelledQuantity;
      if (order.status !== 'cancelled' && order.placedAt > windowStartIso) sold[at.cell]! += line.quantity - line.cancelledQuantity;
    }
    for (const f of order.fulfilments) {
      for (const part of f.lines) {
        const line = order.lines.find((l) => l.id === part.lineId);
        if (!line) continue;
        const home = levelOf(line.variantId, order.locationId);
        if (home) home.level.reserved -= part.quantity;
        const from = levelOf(line.variantId, f.locationId);
        if (from) opening[from.cell]! += part.quantity;
      }
    }
    for (const r of order.refunds) {
      if (!r.restock) continue;
      for (const part of r.lines) {
        const line = order.lines.find((l) => l.id === part.lineId);
        const at = line && levelOf(line.variantId, r.locationId ?? order.locationId);
        if (at) at.level.onHand += part.quantity;
      }
    }
  }
  for (const { record, index } of slots) {
    const variant = record.product.variants[index];
    if (variant) variant.stock = sumOnHand(record.levels[index]);
  }
  const firstMs = orders.length ? Date.parse(orders[0]!.placedAt) : anchorMs;
  return {
    seededVariants: slots.length,
    opening,
    sold,
    openedAt: new Date(firstMs - DAY_MS).toISOString(),
    orders: new SeededOrders(orders.length, book ?? orders),
    ordersBySlot: null,
  };
}

/** Every seeded movement of one variant (all locations), opening rows first, then in the orders' time order. */
export function seededMovements(seed: StockSeed, variantId: string, sku: string): MovementRecord[] {
  const slot = seededSlot(variantId, seed.seededVariants);
  if (slot === null) return [];
  const width = LOCATIONS.length;
  const moves: MovementRecord[] = [];
  LOCATIONS.forEach((location, loc) => {
    const units = seed.opening[slot * width + loc] ?? 0;
    if (units === 0) return;
    moves.push({
      id: `mov_open_${variantId}_${location.id}`,
      at: seed.openedAt,
      variantId,
      sku,
      locationId: location.id,
      reason: 'received',
      quantity: units,
      reservedChange: 0,
      note: 'Opening stock',
      actor: OPENING_BALANCE,
      orderId: null,
      orderNumber: null,
      transferId: null,
      purchaseOrderId: null,
      purchaseOrderNumber: null,
    });
  });
  for (const i of ordersBySlot(seed)[slot] ?? []) {
    const order = seed.orders.at(i);
    if (order) moves.push(...orderMovements(order, variantId));
  }
  return moves;
}

function ordersBySlot(seed: StockSeed): number[][] {
  if (!seed.ordersBySlot) {
    const bySlot: number[][] = Array.from({ length: seed.seededVariants }, () => []);
    let i = 0;
    for (const order of seed.orders.each()) {
      for (const line of order.lines) {
        const slot = seededSlot(line.variantId, seed.seededVariants);
        const list = slot === null ? undefined : bySlot[slot];
        if (list && list[list.length - 1] !== i) list.push(i);
      }
      i += 1;
    }
    seed.ordersBySlot = bySlot;
  }
  return seed.ordersBySlot;
}
