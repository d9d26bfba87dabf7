import { createHash } from 'node:crypto';
import { lineTotal } from '../domain/order-rules';
import { orderSchema, type Order } from '../contract/order-schemas';
import { isTrackingNumber, normalizeTrackingNumber } from '../domain/tracking';
import { isStateCode, isZip } from '../contract/values/us-address';
import { DEMO_STAFF } from './demo-staff';
import { LOCATIONS } from './catalogue';
import { generateOrders, seedOrders } from './order-seed';
import { withTimeline } from './order-timeline';
import { anchorAt, generateShop } from './seed';
import { TEST_START_MS, testClock } from '../../tests/clock';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const DAY_MS = 86_400_000;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The shop is made at the tests' clock, as every test shop is (STOCKROOM_TEST_NOW moves it). */
const SEED_ANCHOR_MS = anchorAt(TEST_START_MS);
const records = generateShop({ seed: 20261101, products: 300, anchorMs: SEED_ANCHOR_MS });
const recordsHash = hash(records);
const orders = generateOrders({ seed: 20261101, count: 3000, products: records, anchorMs: SEED_ANCHOR_MS }).map(withTimeline);

describe('seeded orders', () => {
  it('are identical for the same inputs, byte for byte, and differ with another seed', () => {
    const again = generateOrders({ seed: 20261101, count: 3000, products: records, anchorMs: SEED_ANCHOR_MS }).map(withTimeline);
    expect(hash(again)).toBe(hash(orders));
    const other = generateOrders({ seed: 7, count: 3000, products: records, anchorMs: SEED_ANCHOR_MS }).map(withTimeline);
    expect(hash(other)).not.toBe(hash(orders));
  });

  it('are made again from their book, each equal to the one made in the stream; the open ones are kept as made', () => {
    const { orders: made, book } = seedOrders({ seed: 20261101, count: 3000, products: records, anchorMs: SEED_ANCHOR_MS });
    expect(book.count).toBe(made.length);
    // Newest first: making one again does not depend on having made the ones before it.
    for (let i = made.length - 1; i >= 0; i--) {
      const again = book.at(i);
      expect(again).toEqual(made[i]);
      // An open order reserved against the open ones before it: kept. Any other is a new object, made again.
      expect(again === made[i]).toBe(made[i]!.status === 'open');
    }
    expect(made.some((o) => o.status === 'open') && made.some((o) => o.status !== 'open')).toBe(true);
    expect(() => book.at(made.length)).toThrow(RangeError);
    expect(book.withRefunds()).toEqual(made.flatMap((o, i) => (o.refunds.length ? [i] : [])));
  });

  it('leave the products as they were (their own random stream, nothing mutated)', () => {
    expect(hash(records)).toBe(recordsHash);
    expect(hash(generateShop({ seed: 20261101, products: 300, anchorMs: SEED_ANCHOR_MS }))).toBe(recordsHash);
  });

  it('are numbered from #1001 in the order they were placed, over the two years before the anchor', () => {
    expect(orders).toHaveLength(3000);
    expect(orders.map((o) => o.number)).toEqual(orders.map((_, i) => 1001 + i));
    expect(orders.map((o) => o.id)).toEqual(orders.map((_, i) => `ord_${String(1001 + i).padStart(7, '0')}`));
    const times = orders.map((o) => Date.parse(o.placedAt));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(Math.min(...times)).toBeGreaterThan(SEED_ANCHOR_MS - 730 * DAY_MS);
    expect(Math.max(...times)).toBeLessThanOrEqual(SEED_ANCHOR_MS);
  });

  it('end at the suite’s now: "today" is always inside the seeded years (the guard against a fixed seed date)', () => {
    const now = testClock();
    const times = orders.map((o) => Date.parse(o.placedAt));
    expect(now - Math.max(...times)).toBeLessThan(DAY_MS);
    expect(now - Math.min(...times)).toBeLessThanOrEqual(731 * DAY_MS);
    // The year before the last has orders too: "the same days last year" has something to compare with.
    expect(times.filter((t) => t < now - 365 * DAY_MS).length).toBeGreaterThan(orders.length / 4);
  });

  it('hold every invariant, on every order', () => {
    const products = new Map(records.map((r) => [r.product.id, r.product]));
    const staff = new Map(DEMO_STAFF.map((s) => [s.id, s]));
    const locationIds = new Set<string>(LOCATIONS.map((l) => l.id));
    const problems: string[] = [];
    for (const order of orders) {
      const check = (ok: boolean, what: string) => {
        if (!ok) problems.push(`#${order.number}: ${what}`);
      };
      const parsed = orderSchema.safeParse(order);
      check(parsed.success, `schema: ${parsed.error?.message}`);
      const placed = Date.parse(order.placedAt);
      check(isStateCode(order.shippingAddress.state) && isZip(order.shippingAddress.zip), 'address');
      check(locationIds.has(order.locationId), 'location');

      // Money adds up exactly.
      check(order.subtotal === sum(order.lines.map((l) => l.unitPrice * l.quantity)), 'subtotal');
      check(order.total === order.subtotal - order.discount + order.shipping + order.tax, 'total');
      check(sum(order.lines.map((l) => l.discount)) === order.discount, 'line discounts');
      check(sum(order.lines.map((l) => l.tax)) === order.tax, 'line taxes');
      check(order.refunded === sum(order.refunds.map((r) => r.amount)), 'refunded = Σ refunds');
      check(order.refunded <= order.total, 'refunded ≤ total');
      check(order.net === order.total - order.refunded, 'net');
      check(sum(order.refunds.map((r) => r.shipping)) <= order.shipping, 'shipping refunded ≤ shipping');

      // Quantities: what shipped, was cancelled and was refunded fits what was ordered.
      for (const line of order.lines) {
        const product = products.get(line.productId);
        const variant = product?.variants.find((v) => v.id === line.variantId);
        check(product?.status === 'active', `${line.sku}: product not active`);
        check(product !== undefined && Date.parse(product.createdAt) <= placed, `${line.sku}: sold before it existed`);
        check(variant?.sku === line.sku, `${line.sku}: wrong SKU`);
        check(
          variant !== undefined && (line.unitPrice === variant.price || line.unitPrice === variant.compareAtPrice),
          `${line.sku}: price`,
        );
        check(line.fulfilledQuantity + line.cancelledQuantity <= line.quantity, `${line.sku}: fulfilled + cancelled > quantity`);
        check(line.refundedQuantity <= line.fulfilledQuantity + line.cancelledQuantity, `${line.sku}: refunded units never shipped`);
        const shipped = sum(order.fulfilments.flatMap((f) => f.lines.filter((p) => p.lineId === line.id).map((p) => p.quantity)));
        check(shipped === line.fulfilledQuantity, `${line.sku}: fulfilments ≠ fulfilledQuantity`);
        const refunded = sum(order.refunds.flatMap((r) => r.lines.filter((p) => p.lineId === line.id).map((p) => p.quantity)));
        check(refunded === line.refundedQuantity, `${line.sku}: refunds ≠ refundedQuantity`);
        check(lineTotal(line) >= 0, `${line.sku}: negative line total`);
      }
      const units = sum(order.lines.map((l) => l.quantity));
      const shipped = sum(order.lines.map((l) => l.fulfilledQuantity));
      const cancelled = sum(order.lines.map((l) => l.cancelledQuantity));

      // Statuses say what the quantities and amounts say.
      const fulfilment = shipped === 0 ? 'unfulfilled' : shipped + cancelled === units ? 'fulfilled' : 'partially_fulfilled';
      check(order.fulfilmentStatus === fulfilment, `fulfilmentStatus ${order.fulfilmentStatus}, expected ${fulfilment}`);
      const payment = order.refunded === 0 ? 'paid' : order.refunded === order.total ? 'refunded' : 'partially_refunded';
      check(order.paymentStatus === payment, `paymentStatus ${order.paymentStatus}, expected ${payment}`);
      const status = cancelled === units && shipped === 0 ? 'cancelled' : fulfilment === 'fulfilled' ? 'closed' : 'open';
      check(order.status === status, `status ${order.status}, expected ${status}`);
      check(order.status !== 'cancelled' || order.paymentStatus === 'refunded', 'cancelled but not refunded');
      check(order.status === 'cancelled' || cancelled === 0, 'units cancelled on an order that is not');

      // Stock moves only at the order's warehouse; tracking numbers fit their carrier.
      for (const f of order.fulfilments) {
        check(f.locationId === order.locationId, 'shipped from another warehouse');
        check(isTrackingNumber(f.carrier, f.trackingNumber), `${f.carrier} ${f.trackingNumber} is not a tracking number`);
        check(normalizeTrackingNumber(f.trackingNumber) === f.trackingNumber, 'tracking number not normalised');
        check(Date.parse(f.at) > placed, 'shipped before it was placed');
      }
      for (const r of order.refunds) {
        check(r.locationId === (r.restock ? order.locationId : null), 'restocked elsewhere');
        check(!r.restock || order.status !== 'cancelled', 'restocked units that never shipped');
        check(r.amount > 0, 'empty refund');
        check(r.amount <= 50_000 || r.by.id === 'staff_manager', 'support refunded over $500');
      }

      // The timeline tells all of it, in time order, by the right people.
      const timeline = order.timeline;
      check(timeline[0]?.type === 'placed' && timeline[0].actor === null && timeline[0].at === order.placedAt, 'first event');
      for (let i = 1; i < timeline.length; i++) {
        check(timeline[i]!.at >= timeline[i - 1]!.at, 'timeline out of order');
        const role = staff.get(timeline[i]!.actor?.id ?? '')?.role;
        check(role === 'support' || role === 'manager', `event by ${role}`);
      }
      check(order.version === timeline.length, 'version ≠ 1 + events after placing');
      const count = (type: string) => timeline.filter((e) => e.type === type).length;
      check(count('fulfilled') === order.fulfilments.length, 'fulfilled events');
      check(count('refunded') === order.refunds.length, 'refunded events');
      check(count('note_added') === order.notes.length, 'note events');
      check(count('cancelled') === (order.status === 'cancelled' ? 1 : 0), 'cancelled events');
      check(count('closed') === (order.status === 'closed' ? 1 : 0), 'closed events');
      check(Date.parse(timeline[timeline.length - 1]!.at) <= SEED_ANCHOR_MS, 'event after the anchor');
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('cope with a tiny catalogue, and a shop with nothing active sells nothing', () => {
    const tiny = generateShop({ seed: 3, products: 4, anchorMs: SEED_ANCHOR_MS });
    const few = generateOrders({ seed: 3, count: 200, products: tiny, anchorMs: SEED_ANCHOR_MS }).map(withTimeline);
    expect(few).toHaveLength(tiny.some((r) => r.product.status === 'active') ? 200 : 0);
    for (const order of few) expect(orderSchema.safeParse(order).success).toBe(true);
    const drafts = tiny.map((r) => ({ ...r, product: { ...r.product, status: 'draft' as const } }));
    expect(generateOrders({ seed: 3, count: 50, products: drafts, anchorMs: SEED_ANCHOR_MS }).map(withTimeline)).toEqual([]);
  });

  it('give every line, fulfilment, refund and event an id of its own', () => {
    const ids = orders.flatMap((o) => [
      o.id,
      ...o.lines.map((l) => l.id),
      ...o.fulfilments.map((f) => f.id),
      ...o.refunds.map((r) => r.id),
      ...o.notes.map((n) => n.id),
      ...o.timeline.map((e) => e.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    const tracking = orders.flatMap((o) => o.fulfilments.map((f) => f.trackingNumber));
    expect(new Set(tracking).size).toBe(tracking.length);
  });

  it('reserve no more than the warehouse holds for the orders still open', () => {
    const reserved = new Map<string, number>();
    for (const order of orders) {
      if (order.status !== 'open') continue;
      for (const line of order.lines) {
        const key = `${line.variantId}@${order.locationId}`;
        reserved.set(key, (reserved.get(key) ?? 0) + line.quantity - line.fulfilledQuantity);
      }
    }
    const onHand = new Map<string, number>();
    for (const { product, levels } of records) {
      product.variants.forEach((v, i) => LOCATIONS.forEach((l, loc) => onHand.set(`${v.id}@${l.id}`, levels[i]?.[loc]?.onHand ?? 0)));
    }
    const over = [...reserved].filter(([key, units]) => units > (onHand.get(key) ?? 0));
    expect(over.length).toBeLessThanOrEqual(Math.ceil(reserved.size * 0.01));
  });

  it('look like two years of a growing US shop', () => {
    const ofState = (code: string) => orders.filter((o) => o.shippingAddress.state === code).length;
    expect(ofState('CA')).toBeGreaterThan(ofState('WY') * 5);
    expect(ofState('TX')).toBeGreaterThan(ofState('VT'));
    expect(new Set(orders.map((o) => o.shippingAddress.state)).size).toBeGreaterThan(40);

    // Black Friday to Cyber Monday are the busiest days of the year, and mid-January is quiet: the last
    // of each that the seeded year holds (whatever day the tests' clock says it is).
    const inDays = (start: number, days: number) =>
      orders.filter((o) => Date.parse(o.placedAt) >= start && Date.parse(o.placedAt) < start + days * DAY_MS).length;
    const yearOfAnchor = new Date(SEED_ANCHOR_MS).getUTCFullYear();
    const lastIn = (starts: (year: number) => number, days: number) =>
      [yearOfAnchor, yearOfAnchor - 1].map(starts).find((t) => t + days * DAY_MS <= SEED_ANCHOR_MS && t > SEED_ANCHOR_MS - 730 * DAY_MS);
    // Thanksgiving is the fourth Thursday of November; 05:00 UTC is midnight in New York.
    const blackFriday = (year: number) => {
      const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
      return Date.UTC(year, 10, 1 + ((4 - first + 7) % 7) + 22, 5);
    };
    const peak = lastIn(blackFriday, 4) ?? lastIn(blackFriday, 2)!;
    const peakDays = peak + 4 * DAY_MS <= SEED_ANCHOR_MS ? 4 : 2;
    expect(inDays(peak, peakDays)).toBeGreaterThan((orders.length / 730) * peakDays * 2);
    // It grows: the last year sells more than the one before; its January is quieter than its average week.
    const lastYear = orders.filter((o) => Date.parse(o.placedAt) > SEED_ANCHOR_MS - 365 * DAY_MS).length;
    expect(lastYear).toBeGreaterThan((orders.length - lastYear) * 1.1);
    expect(
      inDays(
        lastIn((year) => Date.UTC(year, 0, 12, 5), 7)!,
        7,
      ),
    ).toBeLessThan(lastYear / 52);

    // Evenings beat small hours in the customer's own time (checked in New York for the East).
    const eastern = orders.filter((o) => ['NY', 'NJ', 'PA', 'MA', 'FL', 'GA'].includes(o.shippingAddress.state));
    const hourInNy = (o: Order) =>
      Number(
        new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone: 'America/New_York' }).format(new Date(o.placedAt)),
      );
    const evening = eastern.filter((o) => hourInNy(o) >= 19 && hourInNy(o) <= 21).length;
    const night = eastern.filter((o) => hourInNy(o) >= 2 && hourInNy(o) <= 4).length;
    expect(evening).toBeGreaterThan(night * 5);

    const share = (predicate: (o: Order) => boolean) => orders.filter(predicate).length / orders.length;
    expect(share((o) => o.status === 'cancelled')).toBeGreaterThan(0.015);
    expect(share((o) => o.status === 'cancelled')).toBeLessThan(0.05);
    expect(share((o) => o.status === 'closed' && o.refunds.length > 0)).toBeGreaterThan(0.02);
    expect(share((o) => o.status === 'closed' && o.refunds.length > 0)).toBeLessThan(0.07);
    expect(share((o) => o.lines.length <= 2)).toBeGreaterThan(0.8);
    expect(share((o) => o.discountCode !== null)).toBeGreaterThan(0.03);
    expect(share((o) => o.shipping === 0)).toBeGreaterThan(0.2);
    expect(orders.some((o) => o.fulfilmentStatus === 'partially_fulfilled')).toBe(true);
    expect(orders.some((o) => o.paymentStatus === 'partially_refunded')).toBe(true);
    expect(orders.some((o) => o.refunds.some((r) => r.restock))).toBe(true);

    // Recent orders are still open; a week and more back, nearly all are done.
    const recent = orders.filter((o) => Date.parse(o.placedAt) > SEED_ANCHOR_MS - 7 * DAY_MS && o.status !== 'cancelled');
    expect(recent.length).toBeGreaterThan(20);
    expect(recent.every((o) => o.status === 'open')).toBe(true);
    const older = orders.filter((o) => Date.parse(o.placedAt) < SEED_ANCHOR_MS - 10 * DAY_MS);
    expect(older.filter((o) => o.status === 'open').length / older.length).toBeLessThan(0.02);

    // Popularity is skewed: the best-selling tenth of products sells far more than its share.
    const units = new Map<string, number>();
    for (const o of orders) for (const l of o.lines) units.set(l.productId, (units.get(l.productId) ?? 0) + l.quantity);
    const ranked = [...units.values()].sort((a, b) => b - a);
    expect(sum(ranked.slice(0, Math.ceil(ranked.length / 10)))).toBeGreaterThan(sum(ranked) * 0.25);

    // Some customers come back.
    const perEmail = new Map<string, number>();
    for (const o of orders) perEmail.set(o.customer.email, (perEmail.get(o.customer.email) ?? 0) + 1);
    expect([...perEmail.values()].filter((n) => n > 1).length).toBeGreaterThan(100);
  });
});
