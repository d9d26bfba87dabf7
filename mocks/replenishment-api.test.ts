/**
 * The mock's replenishment bookkeeping under random sequences of writes,
 * through its HTTP handlers: purchase orders drafted, sent, received in parts
 * (sometimes over, with a reason), closed short; transfers shipped in transit
 * and received; units written off; open orders cancelled. After each sequence every level's on order
 * is what its open purchase orders still wait for, its in transit what is on
 * the road to it, and on hand + in transit over the locations moved by exactly
 * what was received and written off (a transfer moves units, never makes them).
 * The index behind the inventory list answers the same numbers as a fresh read.
 * The API's rules themselves are held to both backends by
 * tests/contract/replenishment.contract.test.ts.
 */
import * as fc from 'fast-check';
import { purchaseOrderSchema, type PurchaseOrder } from '../src/contract/replenishment-schemas';
import { inventoryListSchema, stockChangeResultSchema, type InventoryLevel } from '../src/contract/stock-schemas';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import { openUnits } from '../src/domain/purchase-decisions';
import { mockDb, resetMockDb, server, signInAs } from './node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let keys = 0;
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `prop-${++keys}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as unknown };
}

/** The answer of a write that must succeed; a refusal fails the run with what it said. */
function accepted<T extends { status: number; json: unknown }>(res: T, status = 200): T {
  if (res.status !== status) throw new Error(`Expected ${status}, got ${res.status}: ${JSON.stringify(res.json)}`);
  return res;
}

async function levels(variantId: string): Promise<InventoryLevel[]> {
  return inventoryListSchema.parse((await call('GET', `/api/inventory?variantId=${variantId}&sort=location`)).json).items;
}

/** A variant's levels read from the store itself, not through the inventory list's index. */
function storeLevels(variantId: string): InventoryLevel[] {
  const owner = mockDb().variantOwner(variantId)!;
  return LOCATIONS.map((l, i) => mockDb().levelView(owner.record.product, owner.index, l.id, owner.record.levels[owner.index]![i]!));
}

/** A seeded active variant with a supplier, stock at the first warehouse and open orders holding some of it (to cancel). */
function suppliedVariant(): { variantId: string; supplierId: string } {
  const db = mockDb();
  const held = new Map<string, number>();
  for (const order of db.allOrders()) {
    if (order.status === 'open') for (const line of order.lines) held.set(line.variantId, (held.get(line.variantId) ?? 0) + 1);
  }
  for (const record of db.allRecords()) {
    if (record.product.status !== 'active') continue;
    const i = record.levels.findIndex(
      (row, vi) => (row[0]?.onHand ?? 0) - (row[0]?.reserved ?? 0) >= 10 && (held.get(record.product.variants[vi]!.id) ?? 0) >= 2,
    );
    const supply = i >= 0 ? db.replenishment.supplyOf(record, i) : null;
    if (supply?.supplierId) return { variantId: record.product.variants[i]!.id, supplierId: supply.supplierId };
  }
  throw new Error('no supplied variant with stock and open orders');
}

type Op =
  | { kind: 'order'; location: number; quantity: number }
  | { kind: 'receive'; pick: number; share: number; over: boolean }
  | { kind: 'close'; pick: number }
  | { kind: 'ship'; from: number; to: number; quantity: number }
  | { kind: 'arrive'; pick: number }
  | { kind: 'lose'; location: number }
  | { kind: 'cancel' };

const location = fc.integer({ min: 0, max: LOCATIONS.length - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('order' as const), location, quantity: fc.integer({ min: 1, max: 20 }) }),
  fc.record({
    kind: fc.constant('receive' as const),
    pick: fc.nat(),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    over: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('close' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('ship' as const), from: location, to: location, quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('arrive' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('lose' as const), location }),
  fc.record({ kind: fc.constant('cancel' as const) }),
);

describe('replenishment bookkeeping', () => {
  it('keeps on hand, on order and in transit consistent under random purchase orders, receipts, transfers, write-offs and order cancellations', async () => {
    await fc.assert(
      // `looks`: whether the inventory list is read before each step; its index must be right either way (one read at the end sees many changes at once).
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 10 }),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        async (ops, looks) => {
          resetMockDb();
          // A manager: changes stock and cancels orders.
          signInAs('manager');
          const { variantId, supplierId } = suppliedVariant();
          const opening = await levels(variantId);
          const total = (ls: InventoryLevel[]) => ls.reduce((n, l) => n + l.onHand + l.inTransit, 0);
          let received = 0;
          let lost = 0;
          const orders: PurchaseOrder[] = [];
          const transfers: { id: string; version: number; open: boolean }[] = [];
          const open = () => orders.filter((po) => po.status === 'sent' || po.status === 'partially_received');

          for (const o of ops) {
            if (looks[ops.indexOf(o)]) await levels(variantId);
            const now = storeLevels(variantId);
            if (o.kind === 'order') {
              const made = await call('POST', '/api/purchase-orders', {
                supplierId,
                locationId: LOCATIONS[o.location]!.id,
                lines: [{ variantId, quantity: o.quantity, unitCost: 250 }],
              });
              accepted(made, 201);
              const draft = purchaseOrderSchema.parse(made.json);
              const sent = await call('POST', `/api/purchase-orders/${draft.id}/send`, undefined, { 'If-Match': `"${draft.version}"` });
              accepted(sent);
              orders.push(purchaseOrderSchema.parse(sent.json));
            } else if (o.kind === 'receive' || o.kind === 'close') {
              const po = open()[o.pick % Math.max(1, open().length)];
              if (!po) continue;
              const line = po.lines[0]!;
              const left = line.quantity - line.received;
              const quantity = o.kind === 'receive' ? Math.max(1, Math.round(left * o.share)) + (o.over ? 2 : 0) : 0;
              const res =
                o.kind === 'receive'
                  ? await call(
                      'POST',
                      `/api/purchase-orders/${po.id}/receipts`,
                      { lines: [{ lineId: line.id, quantity }], overReason: o.over ? 'Supplier sent a spare carton' : '' },
                      { 'If-Match': `"${po.version}"` },
                    )
                  : await call(
                      'POST',
                      `/api/purchase-orders/${po.id}/close`,
                      { reason: 'Supplier is out' },
                      { 'If-Match': `"${po.version}"` },
                    );
              accepted(res);
              if (o.kind === 'receive') received += quantity;
              orders[orders.indexOf(po)] = purchaseOrderSchema.parse(res.json);
            } else if (o.kind === 'ship') {
              const [from, to] = [now[o.from]!, now[o.to]!];
              if (o.from === o.to || from.available < o.quantity) continue;
              const res = await call('POST', '/api/inventory/transfers', {
                variantId,
                fromLocationId: from.locationId,
                toLocationId: to.locationId,
                fromVersion: from.version,
                toVersion: to.version,
                quantity: o.quantity,
                inTransit: true,
              });
              accepted(res);
              const transfer = stockChangeResultSchema.parse(res.json).transfer!;
              transfers.push({ id: transfer.id, version: transfer.version, open: true });
            } else if (o.kind === 'arrive') {
              const moving = transfers.filter((t) => t.open);
              const t = moving[o.pick % Math.max(1, moving.length)];
              if (!t) continue;
              const res = await call('POST', `/api/inventory/transfers/${t.id}/receive`, undefined, { 'If-Match': `"${t.version}"` });
              accepted(res);
              t.open = false;
            } else if (o.kind === 'cancel') {
              // An order write: cancelling an open order releases what it held (reserved moves, on hand does not).
              const order = [...mockDb().allOrders()].find((x) => x.status === 'open' && x.lines.some((l) => l.variantId === variantId));
              if (!order) continue;
              accepted(
                await call('POST', `/api/orders/${order.id}/cancel`, {
                  version: order.version,
                  reason: 'Customer changed their mind',
                  refund: false,
                }),
              );
            } else {
              const level = now[o.location]!;
              if (level.onHand < 1) continue;
              const res = await call('POST', '/api/inventory/adjustments', {
                variantId,
                locationId: level.locationId,
                version: level.version,
                reason: 'lost',
                quantity: 1,
              });
              accepted(res);
              lost += 1;
            }
          }

          const after = await levels(variantId);
          expect(total(after)).toBe(total(opening) + received - lost);
          const moving = (await call('GET', `/api/inventory/transfers?variantId=${variantId}&status=in_transit&limit=200`)).json as {
            items: { toLocationId: string; quantity: number }[];
          };
          for (const level of after) {
            const mine = orders.filter((po) => po.locationId === level.locationId);
            // The seeded purchase orders (src/demo-shop/purchase-seed.ts) may wait for this variant too: what they did is in the opening level.
            const seeded = opening.find((l) => l.locationId === level.locationId)!.onOrder;
            expect(level.onOrder, `on order at ${level.locationId}`).toBe(
              seeded + mine.reduce((n, po) => n + openUnits(po, po.lines[0]!), 0),
            );
            expect(level.inTransit, `in transit to ${level.locationId}`).toBe(
              moving.items.filter((t) => t.toLocationId === level.locationId).reduce((n, t) => n + t.quantity, 0),
            );
            // The list's index and a level read fresh from the store agree.
            const record = mockDb().variantOwner(variantId)!;
            const fresh = mockDb().levelView(
              record.record.product,
              record.index,
              level.locationId,
              record.record.levels[record.index]![LOCATIONS.findIndex((l) => l.id === level.locationId)]!,
            );
            expect(level).toEqual(fresh);
          }
          // Received beyond what was ordered only with an over-delivery's reason; all of it in makes the order received.
          const overWithoutReason = orders.filter(
            (po) => po.lines[0]!.received > po.lines[0]!.quantity && !po.receipts.some((r) => r.overReason),
          );
          expect(overWithoutReason).toEqual([]);
          const completeButOpen = orders.filter(
            (po) => po.lines[0]!.received >= po.lines[0]!.quantity && !['received', 'closed'].includes(po.status),
          );
          expect(completeButOpen).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
