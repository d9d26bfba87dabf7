import * as fc from 'fast-check';
import { problemSchema } from '../src/api/schemas';
import {
  inventoryLevelSchema,
  inventoryListSchema,
  receiptResultSchema,
  stockChangeResultSchema,
  stockMovementListSchema,
  type InventoryLevel,
  type StockMovement,
} from '../src/api/stock-schemas';
import { LOCATIONS } from './catalogue';
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
    for (const level of all.slice(0, 50)) {
      expect(level.available).toBe(level.onHand - level.reserved);
    }

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

    const sku = all[7]!.sku;
    const found = inventoryListSchema.parse((await call('GET', `/api/inventory?q=${encodeURIComponent(sku.toLowerCase())}`)).json);
    expect(
      found.items.every((l) => l.sku.toLowerCase().includes(sku.toLowerCase()) || l.title.toLowerCase().includes(sku.toLowerCase())),
    ).toBe(true);
    expect(found.items.map((l) => l.sku)).toContain(sku);
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

  it('answers 400 naming a bad parameter', async () => {
    const res = await call('GET', '/api/inventory?sort=price&state=plenty');
    expect(res.status).toBe(400);
    expect(Object.keys(problemSchema.parse(res.json).errors ?? {})).toEqual(expect.arrayContaining(['sort', 'state.0']));
  });

  it('is readable by support but not writable', async () => {
    resetMockDb();
    signInAs('support');
    expect((await call('GET', '/api/inventory')).status).toBe(200);
    const { variantId } = stockedVariant();
    const res = await post('/api/inventory/adjustments', { variantId, locationId: EDISON, version: 1, reason: 'received', quantity: 1 });
    expect(res.status).toBe(403);
    expect(problemSchema.parse(res.json).detail).toMatch(/Support.*may not change stock/);
  });
});

describe('adjustments', () => {
  it('records a reason, a note and who did it, and moves the level by exactly that', async () => {
    const { variantId } = stockedVariant();
    const before = await levelAt(variantId, EDISON);
    const res = await post('/api/inventory/adjustments', {
      variantId,
      locationId: EDISON,
      version: before.version,
      reason: 'damaged',
      quantity: 2,
      note: 'Crushed carton',
    });
    expect(res.status).toBe(200);
    const result = stockChangeResultSchema.parse(res.json);
    expect(result.levels[0]).toMatchObject({ onHand: before.onHand - 2, version: before.version + 1 });
    expect(result.movements[0]).toMatchObject({ reason: 'damaged', quantity: -2, note: 'Crushed carton', onHandAfter: before.onHand - 2 });
    const rows = (await ledger(variantId, `&locationId=${EDISON}`)).items;
    expect(rows.at(-1)).toMatchObject({ reason: 'damaged', quantity: -2, actor: { name: 'Mia Merchandiser' } });
    await expectLevelsMatchLedger(variantId);
    const audit = mockDb().auth.audit.at(-1)!;
    expect(audit).toMatchObject({ entityType: 'stock', entityId: variantId, action: 'stock adjusted', before: { onHand: before.onHand } });
  });

  it('turns a count into the difference it records', async () => {
    const { variantId } = stockedVariant();
    const before = await levelAt(variantId, EDISON);
    const res = await post('/api/inventory/adjustments', {
      variantId,
      locationId: EDISON,
      version: before.version,
      reason: 'count_correction',
      quantity: 3,
    });
    const result = stockChangeResultSchema.parse(res.json);
    expect(result.movements[0]!.quantity).toBe(3 - before.onHand);
    expect(result.levels[0]!.onHand).toBe(3);
  });

  it('refuses to take on hand below zero, saying so beside the quantity', async () => {
    const { variantId, sku } = stockedVariant();
    const before = await levelAt(variantId, EDISON);
    const res = await post('/api/inventory/adjustments', {
      variantId,
      locationId: EDISON,
      version: before.version,
      reason: 'lost',
      quantity: before.onHand + 1,
    });
    expect(res.status).toBe(422);
    expect(problemSchema.parse(res.json).errors?.quantity).toBe(`On hand cannot go below zero: ${sku} has ${before.onHand} at Edison, NJ.`);
    expect(await levelAt(variantId, EDISON)).toEqual(before);
  });

  it('refuses a stale version with the fresh numbers, applying nothing', async () => {
    const { variantId } = stockedVariant();
    const before = await levelAt(variantId, EDISON);
    await post('/api/inventory/adjustments', { variantId, locationId: EDISON, version: before.version, reason: 'received', quantity: 5 });
    const res = await post('/api/inventory/adjustments', {
      variantId,
      locationId: EDISON,
      version: before.version,
      reason: 'received',
      quantity: 5,
    });
    expect(res.status).toBe(409);
    const problem = problemSchema.parse(res.json);
    const current = (problem.current as { levels: unknown[] }).levels.map((l) => inventoryLevelSchema.parse(l));
    expect(current[0]).toMatchObject({ onHand: before.onHand + 5, version: before.version + 1 });
    expect((await levelAt(variantId, EDISON)).onHand).toBe(before.onHand + 5);
  });

  it('applies a retried request once and answers it the same, and refuses a reused key for another request', async () => {
    const { variantId } = stockedVariant();
    const before = await levelAt(variantId, EDISON);
    const body = { variantId, locationId: EDISON, version: before.version, reason: 'received', quantity: 4 };
    const key = newKey();
    const [first, second] = await Promise.all([
      post('/api/inventory/adjustments', body, key),
      post('/api/inventory/adjustments', body, key),
    ]);
    expect(first.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect((await levelAt(variantId, EDISON)).onHand).toBe(before.onHand + 4);
    const other = await post('/api/inventory/adjustments', { ...body, quantity: 5 }, key);
    expect(other.status).toBe(422);
    expect((await post('/api/inventory/adjustments', body, null)).status).toBe(400);
  });
});

describe('transfers', () => {
  it('moves units between two locations in one step, both rows sharing a transfer id', async () => {
    const { variantId } = stockedVariant();
    const [from, to] = [await levelAt(variantId, EDISON), await levelAt(variantId, ONTARIO)];
    const res = await post('/api/inventory/transfers', {
      variantId,
      fromLocationId: EDISON,
      toLocationId: ONTARIO,
      fromVersion: from.version,
      toVersion: to.version,
      quantity: 3,
    });
    expect(res.status).toBe(200);
    const result = stockChangeResultSchema.parse(res.json);
    expect(result.levels.map((l) => [l.locationId, l.onHand])).toEqual([
      [EDISON, from.onHand - 3],
      [ONTARIO, to.onHand + 3],
    ]);
    expect(result.movements.map((m) => m.reason)).toEqual(['transfer_out', 'transfer_in']);
    expect(result.movements[0]!.transferId).toBe(result.movements[1]!.transferId);
    await expectLevelsMatchLedger(variantId);
  });

  it('lets no more than is available leave, and then changes neither side', async () => {
    const { variantId } = stockedVariant();
    const [from, to] = [await levelAt(variantId, EDISON), await levelAt(variantId, ONTARIO)];
    const res = await post('/api/inventory/transfers', {
      variantId,
      fromLocationId: EDISON,
      toLocationId: ONTARIO,
      fromVersion: from.version,
      toVersion: to.version,
      quantity: from.available + 1,
    });
    expect(res.status).toBe(422);
    expect(problemSchema.parse(res.json).errors?.quantity).toMatch(new RegExp(`^Only ${from.available} available at Edison, NJ`));
    expect([await levelAt(variantId, EDISON), await levelAt(variantId, ONTARIO)]).toEqual([from, to]);
  });

  it('refuses when either side changed since it was read', async () => {
    const { variantId } = stockedVariant();
    const [from, to] = [await levelAt(variantId, EDISON), await levelAt(variantId, ONTARIO)];
    await post('/api/inventory/adjustments', { variantId, locationId: ONTARIO, version: to.version, reason: 'received', quantity: 1 });
    const res = await post('/api/inventory/transfers', {
      variantId,
      fromLocationId: EDISON,
      toLocationId: ONTARIO,
      fromVersion: from.version,
      toVersion: to.version,
      quantity: 1,
    });
    expect(res.status).toBe(409);
    expect((problemSchema.parse(res.json).current as { levels: unknown[] }).levels).toHaveLength(2);
    expect((await levelAt(variantId, EDISON)).onHand).toBe(from.onHand);
  });
});

describe('receiving a delivery', () => {
  it('dry-runs every row, refuses the whole file while one row is wrong, then applies it once', async () => {
    const a = stockedVariant();
    const beforeA = await levelAt(a.variantId, ONTARIO);
    const rows = [
      { sku: a.sku.toLowerCase(), location: 'Ontario, CA', quantity: '12' },
      { sku: 'NO-SUCH-SKU', location: 'moon-base', quantity: 'twelve' },
    ];
    const dry = receiptResultSchema.parse((await post('/api/inventory/receipts', { rows, dryRun: true }, null)).json);
    expect(dry).toMatchObject({ applied: false, okRows: 1, errorRows: 1, units: 12 });
    expect(dry.rows[1]).toMatchObject({ line: 3, ok: false });
    expect(Object.keys(dry.rows[1]!.errors).sort()).toEqual(['location', 'quantity', 'sku']);

    const refused = await post('/api/inventory/receipts', { rows });
    expect(refused.status).toBe(422);
    expect(problemSchema.parse(refused.json).errors).toMatchObject({ 'rows.1.sku': 'Line 3: No variant has the SKU NO-SUCH-SKU' });
    expect(await levelAt(a.variantId, ONTARIO)).toEqual(beforeA);

    const fixed = [rows[0]!, { sku: a.sku, location: EDISON, quantity: '3' }];
    const key = newKey();
    const [first, second] = await Promise.all([
      post('/api/inventory/receipts', { rows: fixed }, key),
      post('/api/inventory/receipts', { rows: fixed }, key),
    ]);
    expect(receiptResultSchema.parse(first.json)).toMatchObject({ applied: true, units: 15 });
    expect(second.json).toEqual(first.json);
    expect((await levelAt(a.variantId, ONTARIO)).onHand).toBe(beforeA.onHand + 12);
    await expectLevelsMatchLedger(a.variantId);
  });
});

describe('thresholds', () => {
  it('need the version they change, and move the level in and out of "low"', async () => {
    const { variantId } = stockedVariant();
    const level = await levelAt(variantId, EDISON);
    const path = `/api/inventory/levels/${variantId}/${EDISON}/threshold`;
    expect((await call('PUT', path, { threshold: level.available })).status).toBe(428);
    const res = await call('PUT', path, { threshold: level.available }, { 'If-Match': `"${level.version}"` });
    expect(res.status).toBe(200);
    expect(inventoryLevelSchema.parse(res.json)).toMatchObject({ threshold: level.available, state: 'low', version: level.version + 1 });
    expect((await call('PUT', path, { threshold: 1 }, { 'If-Match': `"${level.version}"` })).status).toBe(409);
    expect((await call('PUT', path, { threshold: -1 }, { 'If-Match': `"${level.version + 1}"` })).status).toBe(422);
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
