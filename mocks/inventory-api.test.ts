/**
 * The mock's own stock: the seeded ledger, the inventory index against a naive
 * scan of every level (also after a batch rewrites every product), and the
 * ledger rule under random sequences of writes. The API's stock rules
 * (adjustments, transfers, receipts, thresholds, filters, 400/403/409/422/428,
 * idempotency) are held to both backends by tests/contract/inventory.contract.test.ts.
 */
import * as fc from 'fast-check';
import {
  stockMovementListSchema,
  inventoryListQuerySchema,
  inventoryListSchema,
  type InventoryLevel,
  type StockMovement,
} from '../src/contract/stock-schemas';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import { InventoryIndex, NOTHING_INCOMING } from './inventory-index';
import { mockDb, resetMockDb, server, signInAs } from './node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  resetMockDb();
  signInAs('merchandiser');
});

let keys = 0;
const newKey = () => `test-key-${++keys}`;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get('Content-Type'), json: (await response.json()) as unknown };
}

const post = (path: string, body: unknown, key: string | null = newKey()) =>
  call('POST', path, body, key ? { 'Idempotency-Key': key } : {});

async function levels(variantId: string): Promise<InventoryLevel[]> {
  const res = await call('GET', `/api/inventory?variantId=${variantId}&sort=location`);
  return inventoryListSchema.parse(res.json).items;
}

async function levelAt(variantId: string, locationId: string): Promise<InventoryLevel> {
  const level = (await levels(variantId)).find((l) => l.locationId === locationId);
  if (!level) throw new Error(`no level for ${variantId} at ${locationId}`);
  return level;
}

async function ledger(variantId: string, query = ''): Promise<{ items: StockMovement[]; total: number }> {
  const res = await call('GET', `/api/inventory/ledger?variantId=${variantId}&limit=500&sort=at${query}`);
  expect(res.status).toBe(200);
  return stockMovementListSchema.parse(res.json);
}

async function allLevels(): Promise<InventoryLevel[]> {
  const all: InventoryLevel[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = inventoryListSchema.parse((await call('GET', `/api/inventory?limit=500&offset=${offset}`)).json);
    all.push(...page.items);
    if (all.length >= page.total) return all;
  }
}

/** Every level of a variant equals the sums of its ledger, on hand and reserved alike. */
async function expectLevelsMatchLedger(variantId: string): Promise<void> {
  const rows = (await ledger(variantId)).items;
  for (const level of await levels(variantId)) {
    const here = rows.filter((r) => r.locationId === level.locationId);
    expect(
      here.reduce((n, r) => n + r.quantity, 0),
      `${level.sku} on hand at ${level.locationId}`,
    ).toBe(level.onHand);
    expect(
      here.reduce((n, r) => n + r.reservedChange, 0),
      `${level.sku} reserved at ${level.locationId}`,
    ).toBe(level.reserved);
  }
}

/** A seeded active variant with stock at the first warehouse. */
function stockedVariant(min = 5): { variantId: string; sku: string } {
  for (const record of mockDb().allRecords()) {
    if (record.product.status !== 'active') continue;
    const i = record.levels.findIndex((row) => (row[0]?.onHand ?? 0) - (row[0]?.reserved ?? 0) >= min);
    const v = record.product.variants[i];
    if (v) return { variantId: v.id, sku: v.sku };
  }
  throw new Error('no stocked variant');
}

const [EDISON, ONTARIO] = [LOCATIONS[0].id, LOCATIONS[1].id];

describe('the seeded ledger', () => {
  it('explains every level: on hand and reserved are the sums of their rows, and no balance ever dips below zero', async () => {
    const db = mockDb();
    const variants = [...db.allRecords()].flatMap((r) => r.product.variants).slice(0, 120);
    let sold = 0;
    for (const v of variants) {
      const rows = (await ledger(v.id)).items;
      expect(rows.filter((r) => r.onHandAfter < 0)).toEqual([]);
      sold += rows.filter((r) => r.reason === 'sale').length;
      await expectLevelsMatchLedger(v.id);
    }
    // The story includes the orders: sales, and reservations held by open orders.
    expect(sold).toBeGreaterThan(50);
    const reserved = await call('GET', '/api/inventory?sort=-reserved&limit=1');
    expect(inventoryListSchema.parse(reserved.json).items[0]!.reserved).toBeGreaterThan(0);
  });

  it('links sales to their orders and shows the on-hand balance after each row', async () => {
    const selling = (await allLevels()).find((l) => l.sold28 > 0)!;
    const rows = (await ledger(selling.variantId, `&locationId=${selling.locationId}`)).items;
    expect(rows[0]).toMatchObject({ reason: 'received', note: 'Opening stock', orderId: null });
    const sale = rows.find((r) => r.reason === 'sale')!;
    expect(sale.orderNumber).toBeGreaterThanOrEqual(1001);
    expect(sale.quantity).toBeLessThan(0);
    expect(rows.at(-1)!.onHandAfter).toBe(selling.onHand);
  });
});

describe('GET /api/inventory', () => {
  it('filters, sorts and pages on the server, like a naive filter-sort-slice', async () => {
    const all = await allLevels();
    expect(all.length).toBe([...mockDb().allRecords()].reduce((n, r) => n + r.product.variants.length, 0) * LOCATIONS.length);
    const expected = all
      .filter((l) => l.locationId === ONTARIO && (l.state === 'low' || l.state === 'out'))
      .sort((a, b) => a.available - b.available || (a.sku.toLowerCase() < b.sku.toLowerCase() ? -1 : 1));
    const res = inventoryListSchema.parse(
      (await call('GET', `/api/inventory?locationId=${ONTARIO}&state=low,out&sort=available&limit=10&offset=2`)).json,
    );
    expect(res.total).toBe(expected.length);
    expect(res.items.map((l) => l.sku)).toEqual(expected.slice(2, 12).map((l) => l.sku));

    const low = inventoryListSchema.parse((await call('GET', '/api/inventory?low=true&limit=500')).json);
    const archived = new Set([...mockDb().allRecords()].filter((r) => r.product.status === 'archived').map((r) => r.product.id));
    expect(low.total).toBe(
      all.filter((l) => !archived.has(l.productId) && (l.available <= l.threshold || (l.daysOfCover !== null && l.daysOfCover < 14)))
        .length,
    );
    expect(archived.size).toBeGreaterThan(0);
    expect(low.total).toBeGreaterThan(0);
  });

  it('stays whole and in order when a price batch rewrites the products, and a later count still moves its level', async () => {
    const before = await allLevels();
    signInAs('merchandiser');
    const batch = await post('/api/pricing/batches', {
      label: 'Everything 5 % off',
      selection: { kind: 'filter' },
      change: { op: 'lower', unit: 'percent', value: 500, ending: 'none', compareAt: 'keep', minMarginBp: null },
      skipFlagged: true,
    });
    expect(batch.json).toMatchObject({ status: 'applied' });
    expect(await allLevels()).toEqual(before);

    const { variantId, sku } = stockedVariant();
    const level = await levelAt(variantId, EDISON);
    const counted = await post('/api/inventory/adjustments', {
      variantId,
      locationId: EDISON,
      version: level.version,
      reason: 'count_correction',
      quantity: level.onHand + 1000,
    });
    expect(counted.status).toBe(200);
    const top = inventoryListSchema.parse((await call('GET', `/api/inventory?locationId=${EDISON}&sort=-onHand&limit=1`)).json);
    expect(top.items[0]).toMatchObject({ sku, onHand: level.onHand + 1000 });
  });
});

describe('the inventory index', () => {
  it('made a slice at a time, with products written in between, lists what an index made at once lists', () => {
    const records = [...mockDb().allRecords()];
    const index = new InventoryIndex(
      records,
      () => 0,
      () => NOTHING_INCOMING,
    );
    expect(index.buildSome(100)).toBe(true);
    // One product whose entries are made, one whose are not yet: each written with another count at Edison.
    const written = [records[10]!, records[200]!].map((record) => {
      const next = structuredClone(record);
      next.levels[0]![0]!.onHand += 7;
      next.levels[0]![0]!.version += 1;
      return next;
    });
    index.replace(written);
    const now = records.map((r) => written.find((w) => w.product.id === r.product.id) ?? r);
    const fresh = new InventoryIndex(
      now,
      () => 0,
      () => NOTHING_INCOMING,
    );
    const query = inventoryListQuerySchema.parse({ limit: '500', sort: 'onHand' });
    const all = (i: InventoryIndex) => {
      const { total } = i.list(query);
      return Array.from({ length: Math.ceil(total / 500) }, (_, page) => i.list({ ...query, offset: page * 500 }).items).flat();
    };
    expect(all(index)).toEqual(all(fresh));
    expect(all(index)).toHaveLength(now.reduce((n, r) => n + r.product.variants.length, 0) * LOCATIONS.length);
  });
});

describe('the ledger rule, under any sequence of operations', () => {
  type Op =
    | { kind: 'adjust'; loc: number; reason: 'received' | 'damaged' | 'lost' | 'count_correction'; quantity: number; stale: boolean }
    | { kind: 'transfer'; from: number; to: number; quantity: number; stale: boolean }
    | { kind: 'receive'; loc: number; quantity: number; badRow: boolean }
    | { kind: 'retry' };

  const loc = fc.integer({ min: 0, max: LOCATIONS.length - 1 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant('adjust' as const),
      loc,
      reason: fc.constantFrom('received' as const, 'damaged' as const, 'lost' as const, 'count_correction' as const),
      quantity: fc.integer({ min: 0, max: 300 }),
      stale: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('transfer' as const),
      from: loc,
      to: loc,
      quantity: fc.integer({ min: 0, max: 300 }),
      stale: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('receive' as const), loc, quantity: fc.integer({ min: 1, max: 50 }), badRow: fc.boolean() }),
    fc.constant({ kind: 'retry' as const }),
  );

  it('keeps every level equal to the sum of its ledger; a refused transfer changes neither side', async () => {
    const { variantId, sku } = stockedVariant();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        let last: { path: string; body: unknown; key: string } | null = null;
        const refused: { before: InventoryLevel[]; after: InventoryLevel[] }[] = [];
        for (const o of ops) {
          const now = await levels(variantId);
          const at = (i: number) => now.find((l) => l.locationId === LOCATIONS[i]!.id)!;
          let request: { path: string; body: unknown; key: string } | null = null;
          if (o.kind === 'adjust') {
            const level = at(o.loc);
            request = {
              path: '/api/inventory/adjustments',
              body: {
                variantId,
                locationId: level.locationId,
                version: level.version - (o.stale ? 1 : 0) || 1,
                reason: o.reason,
                quantity: o.quantity,
              },
              key: newKey(),
            };
          } else if (o.kind === 'transfer') {
            const [from, to] = [at(o.from), at(o.to)];
            request = {
              path: '/api/inventory/transfers',
              body: {
                variantId,
                fromLocationId: from.locationId,
                toLocationId: to.locationId,
                fromVersion: from.version,
                toVersion: to.version + (o.stale ? 1 : 0),
                quantity: o.quantity,
              },
              key: newKey(),
            };
          } else if (o.kind === 'receive') {
            const rows: { sku: string; location: string; quantity: string }[] = [
              { sku, location: LOCATIONS[o.loc]!.id, quantity: String(o.quantity) },
            ];
            if (o.badRow) rows.push({ sku, location: 'nowhere', quantity: '1' });
            request = { path: '/api/inventory/receipts', body: { rows }, key: newKey() };
          } else {
            request = last;
          }
          if (!request) continue;
          const res = await post(request.path, request.body, request.key);
          if (res.status !== 200) refused.push({ before: now, after: await levels(variantId) });
          last = request;
        }
        // A refused request (a stale version, too many units, a bad row) changed nothing at all.
        expect(refused.map((r) => r.after)).toEqual(refused.map((r) => r.before));
        await expectLevelsMatchLedger(variantId);
        for (const level of await levels(variantId)) expect(level.onHand).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 40 },
    );
  });
});
