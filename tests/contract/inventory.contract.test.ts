/**
 * Stock: every level is the sum of its ledger; adjustments, transfers and
 * receipts need the version they saw and apply once per Idempotency-Key.
 * Each test stocks a product of its own, made through the API.
 */
import { LOW_COVER_DAYS } from '../../src/contract/constants';
import { auditListSchema } from '../../src/contract/schemas';
import {
  inventoryLevelSchema,
  inventoryListSchema,
  locationListSchema,
  receiptResultSchema,
  stockChangeResultSchema,
  type InventoryLevel,
} from '../../src/contract/stock-schemas';
import { DEMO_ACCOUNTS, idOf, newKey, signIn, type ApiClient } from './driver';
import {
  createProduct,
  expectLedgerExplainsLevels,
  expectOk,
  expectProblem,
  ledgerOf,
  levelAt,
  levelsOf,
  locationIds,
  receive,
} from './fixtures';

let api: ApiClient;
let A: string;
let B: string;
beforeAll(async () => {
  api = await signIn('merchandiser');
  [A = '', B = ''] = await locationIds(api);
});

/** A fresh variant with `units` on the shelf at A. */
async function stockedVariant(units = 20): Promise<{ variantId: string; sku: string; level: InventoryLevel }> {
  const product = await createProduct(api);
  const v = product.variants[0]!;
  const level = await receive(api, v.id, A, units);
  return { variantId: v.id, sku: v.sku, level };
}

const adjust = (body: Record<string, unknown>, key: string | null = newKey()) =>
  api.post('/inventory/adjustments', { body, ...(key ? { idempotencyKey: key } : {}) });

describe('GET /inventory', () => {
  it('lists one level per variant and location, empty for a new product', async () => {
    const product = await createProduct(api);
    const levels = await levelsOf(api, product.variants[0]!.id);
    expect(levels.map((l) => l.locationId).sort()).toEqual((await locationIds(api)).sort());
    for (const l of levels) expect(l).toMatchObject({ onHand: 0, reserved: 0, available: 0, productId: product.id });
    expect(await ledgerOf(api, product.variants[0]!.id)).toEqual([]);
  });

  it('filters by location and state, sorts and pages on the server', async () => {
    const page = inventoryListSchema.parse(
      expectOk(await api.get('/inventory', { query: { locationId: B, state: 'low,out', sort: 'available', limit: 50 } })),
    );
    expect(page.items.every((l) => l.locationId === B && (l.state === 'low' || l.state === 'out'))).toBe(true);
    const available = page.items.map((l) => l.available);
    expect(available).toEqual([...available].sort((x, y) => x - y));
    for (const l of page.items) expect(l.available).toBe(l.onHand - l.reserved);
    const next = inventoryListSchema.parse(
      expectOk(await api.get('/inventory', { query: { locationId: B, state: 'low,out', sort: 'available', limit: 25, offset: 25 } })),
    );
    expect(next.items.map((l) => [l.variantId, l.locationId])).toEqual(page.items.slice(25, 50).map((l) => [l.variantId, l.locationId]));
  });

  it('finds levels by SKU or by title, whatever the case (q)', async () => {
    const product = await createProduct(api);
    const [one, two] = product.variants;
    const locations = await locationIds(api);
    const found = async (q: string) =>
      inventoryListSchema
        .parse(expectOk(await api.get('/inventory', { query: { q, limit: 500 } })))
        .items.map((l) => `${l.variantId}@${l.locationId}`)
        .sort();
    const at = (variantId: string) => locations.map((loc) => `${variantId}@${loc}`);
    expect(await found(one!.sku.toLowerCase())).toEqual(at(one!.id).sort());
    expect(await found(product.title.toUpperCase())).toEqual([...at(one!.id), ...at(two!.id)].sort());
  });

  it('lists as running low (low=true) a level at or under its threshold, and no level of an archived product', async () => {
    const product = await createProduct(api);
    const v = product.variants[0]!;
    const level = await receive(api, v.id, A, 20);
    const low = async () => {
      const page = inventoryListSchema.parse(expectOk(await api.get('/inventory', { query: { low: true, q: v.sku, limit: 500 } })));
      for (const l of page.items) {
        expect(
          l.available <= l.threshold || (l.daysOfCover !== null && l.daysOfCover < LOW_COVER_DAYS),
          `${l.sku} at ${l.locationId}`,
        ).toBe(true);
      }
      return page.items.filter((l) => l.variantId === v.id).map((l) => l.locationId);
    };
    // Twenty on the shelf, nothing sold: above the threshold, plenty of cover.
    expect(level.available).toBeGreaterThan(level.threshold);
    expect(await low()).not.toContain(A);
    expectOk(await api.put(`/inventory/levels/${v.id}/${A}/threshold`, { body: { threshold: 20 }, ifMatch: level.version }));
    expect(await low()).toContain(A);
    expectOk(await api.post('/products/bulk-status', { body: { ids: [product.id], status: 'archived' }, idempotencyKey: newKey() }));
    expect(await low()).toEqual([]);
  });

  it('answers 400 naming a bad parameter', async () => {
    const problem = expectProblem(await api.get('/inventory', { query: { sort: 'price', state: 'plenty' } }), 400);
    expect(Object.keys(problem.errors ?? {})).toEqual(expect.arrayContaining(['sort', 'state.0']));
  });
});

describe('adjustments', () => {
  it('move the level by exactly the change, with a ledger row giving the reason, note and who', async () => {
    const { variantId, level: before } = await stockedVariant();
    const res = await adjust({ variantId, locationId: A, version: before.version, reason: 'damaged', quantity: 2, note: 'Crushed carton' });
    const result = stockChangeResultSchema.parse(expectOk(res));
    expect(result.levels[0]).toMatchObject({ onHand: before.onHand - 2, version: before.version + 1 });
    expect(result.movements[0]).toMatchObject({ reason: 'damaged', quantity: -2, note: 'Crushed carton', onHandAfter: before.onHand - 2 });
    expect(await levelAt(api, variantId, A)).toMatchObject({ onHand: before.onHand - 2, version: before.version + 1 });
    const rows = await ledgerOf(api, variantId, A);
    expect(rows.at(-1)).toMatchObject({
      reason: 'damaged',
      quantity: -2,
      actor: { id: idOf('merchandiser'), name: DEMO_ACCOUNTS.merchandiser.name },
    });
    await expectLedgerExplainsLevels(api, variantId);
  });

  it('are audited', async () => {
    const { variantId, level } = await stockedVariant();
    expectOk(await adjust({ variantId, locationId: A, version: level.version, reason: 'lost', quantity: 1 }));
    const manager = await signIn('manager');
    const log = auditListSchema.parse(expectOk(await manager.get('/audit', { query: { entityType: 'stock', entityId: variantId } })));
    expect(log.items[0]).toMatchObject({
      action: 'stock adjusted',
      before: { onHand: level.onHand },
      actor: { id: idOf('merchandiser') },
    });
  });

  it('turn a count into the difference they record', async () => {
    const { variantId, level } = await stockedVariant(12);
    const result = stockChangeResultSchema.parse(
      expectOk(await adjust({ variantId, locationId: A, version: level.version, reason: 'count_correction', quantity: 3 })),
    );
    expect(result.movements[0]!.quantity).toBe(3 - level.onHand);
    expect(result.levels[0]!.onHand).toBe(3);
    await expectLedgerExplainsLevels(api, variantId);
  });

  it('refuse to take on hand below zero, beside the quantity, and change nothing', async () => {
    const { variantId, level } = await stockedVariant(4);
    const problem = expectProblem(await adjust({ variantId, locationId: A, version: level.version, reason: 'lost', quantity: 5 }), 422);
    expect(Object.keys(problem.errors ?? {})).toEqual(['quantity']);
    expect(await levelAt(api, variantId, A)).toEqual(level);
  });

  it('refuse a stale version with 409 and the fresh numbers, applying nothing', async () => {
    const { variantId, level } = await stockedVariant();
    expectOk(await adjust({ variantId, locationId: A, version: level.version, reason: 'received', quantity: 5 }));
    const problem = expectProblem(await adjust({ variantId, locationId: A, version: level.version, reason: 'received', quantity: 7 }), 409);
    const current = (problem.current as { levels: unknown[] }).levels.map((l) => inventoryLevelSchema.parse(l));
    expect(current[0]).toMatchObject({ onHand: level.onHand + 5, version: level.version + 1 });
    expect((await levelAt(api, variantId, A)).onHand).toBe(level.onHand + 5);
    expect((await ledgerOf(api, variantId, A)).length).toBe(2);
  });

  it('apply once per Idempotency-Key: the same request twice is one ledger row and one answer', async () => {
    const { variantId, level } = await stockedVariant();
    const body = { variantId, locationId: A, version: level.version, reason: 'received', quantity: 4 };
    const key = newKey();
    const [first, second] = await Promise.all([adjust(body, key), adjust(body, key)]);
    expectOk(first);
    expect({ status: second.status, json: second.json }).toEqual({ status: first.status, json: first.json });
    const third = await adjust(body, key);
    expect(third.json).toEqual(first.json);
    expect((await levelAt(api, variantId, A)).onHand).toBe(level.onHand + 4);
    expect((await ledgerOf(api, variantId, A)).filter((r) => r.reason === 'received')).toHaveLength(2);
    await expectLedgerExplainsLevels(api, variantId);
  });

  it('refuse the key reused for another request (422), and a missing key (400)', async () => {
    const { variantId, level } = await stockedVariant();
    const body = { variantId, locationId: A, version: level.version, reason: 'received', quantity: 4 };
    const key = newKey();
    expectOk(await adjust(body, key));
    expectProblem(await adjust({ ...body, quantity: 5 }, key), 422);
    expectProblem(await adjust({ ...body, version: level.version + 1 }, null), 400);
    expect((await levelAt(api, variantId, A)).onHand).toBe(level.onHand + 4);
  });

  it('answer 422 with field paths to a bad body', async () => {
    const { variantId, level } = await stockedVariant();
    const problem = expectProblem(await adjust({ variantId, locationId: A, version: level.version, reason: 'stolen', quantity: -1 }), 422);
    expect(Object.keys(problem.errors ?? {})).toEqual(expect.arrayContaining(['reason', 'quantity']));
  });
});

describe('transfers', () => {
  const transfer = (body: Record<string, unknown>, key = newKey()) => api.post('/inventory/transfers', { body, idempotencyKey: key });

  it('move units between two locations in one step, both rows sharing a transfer id', async () => {
    const { variantId } = await stockedVariant(10);
    const [from, to] = [await levelAt(api, variantId, A), await levelAt(api, variantId, B)];
    const result = stockChangeResultSchema.parse(
      expectOk(
        await transfer({ variantId, fromLocationId: A, toLocationId: B, fromVersion: from.version, toVersion: to.version, quantity: 3 }),
      ),
    );
    expect(result.levels.map((l) => [l.locationId, l.onHand])).toEqual([
      [A, from.onHand - 3],
      [B, to.onHand + 3],
    ]);
    expect(result.movements.map((m) => [m.reason, m.quantity])).toEqual([
      ['transfer_out', -3],
      ['transfer_in', 3],
    ]);
    expect(result.movements[0]!.transferId).toBeTruthy();
    expect(result.movements[0]!.transferId).toBe(result.movements[1]!.transferId);
    expect([(await levelAt(api, variantId, A)).onHand, (await levelAt(api, variantId, B)).onHand]).toEqual([
      from.onHand - 3,
      to.onHand + 3,
    ]);
    await expectLedgerExplainsLevels(api, variantId);
  });

  it('let no more than is available leave (422), and then change neither side', async () => {
    const { variantId } = await stockedVariant(6);
    const [from, to] = [await levelAt(api, variantId, A), await levelAt(api, variantId, B)];
    const problem = expectProblem(
      await transfer({
        variantId,
        fromLocationId: A,
        toLocationId: B,
        fromVersion: from.version,
        toVersion: to.version,
        quantity: from.available + 1,
      }),
      422,
    );
    expect(Object.keys(problem.errors ?? {})).toEqual(['quantity']);
    expect([await levelAt(api, variantId, A), await levelAt(api, variantId, B)]).toEqual([from, to]);
    expect((await ledgerOf(api, variantId)).map((r) => r.reason)).toEqual(['received']);
  });

  it('refuse when either side changed since it was read (409 with both levels), changing nothing', async () => {
    const { variantId } = await stockedVariant(6);
    const [from, to] = [await levelAt(api, variantId, A), await levelAt(api, variantId, B)];
    expectOk(await adjust({ variantId, locationId: B, version: to.version, reason: 'received', quantity: 1 }));
    const problem = expectProblem(
      await transfer({ variantId, fromLocationId: A, toLocationId: B, fromVersion: from.version, toVersion: to.version, quantity: 1 }),
      409,
    );
    expect((problem.current as { levels: unknown[] }).levels.map((l) => inventoryLevelSchema.parse(l))).toHaveLength(2);
    expect(await levelAt(api, variantId, A)).toEqual(from);
    expect((await levelAt(api, variantId, B)).onHand).toBe(to.onHand + 1);
  });

  it('move once per Idempotency-Key', async () => {
    const { variantId } = await stockedVariant(10);
    const [from, to] = [await levelAt(api, variantId, A), await levelAt(api, variantId, B)];
    const body = { variantId, fromLocationId: A, toLocationId: B, fromVersion: from.version, toVersion: to.version, quantity: 2 };
    const key = newKey();
    const first = await transfer(body, key);
    const again = await transfer(body, key);
    expect(again.json).toEqual(expectOk(first));
    expect((await levelAt(api, variantId, A)).onHand).toBe(from.onHand - 2);
    expect((await ledgerOf(api, variantId)).filter((r) => r.reason === 'transfer_out')).toHaveLength(1);
  });

  it('refuse the same location on both sides (422 on toLocationId)', async () => {
    const { variantId, level } = await stockedVariant(3);
    const problem = expectProblem(
      await transfer({ variantId, fromLocationId: A, toLocationId: A, fromVersion: level.version, toVersion: level.version, quantity: 1 }),
      422,
    );
    expect(Object.keys(problem.errors ?? {})).toEqual(['toLocationId']);
  });
});

describe('receiving a delivery', () => {
  it('dry-runs, refuses the whole file while one row is wrong, then applies it once per key', async () => {
    const { variantId, sku, level: atA } = await stockedVariant(1);
    const before = await levelAt(api, variantId, B);
    // A row names its location by name or by id.
    const bName = locationListSchema.parse(expectOk(await api.get('/locations'))).items.find((l) => l.id === B)!.name;
    const rows = [
      { sku: sku.toLowerCase(), location: bName, quantity: '12' },
      { sku: `NO-SUCH-${newKey().slice(0, 8)}`, location: 'moon-base', quantity: 'twelve' },
    ];
    const dry = receiptResultSchema.parse(expectOk(await api.post('/inventory/receipts', { body: { rows, dryRun: true } })));
    expect(dry).toMatchObject({ applied: false, okRows: 1, errorRows: 1, units: 12 });
    expect(Object.keys(dry.rows[1]!.errors).sort()).toEqual(['location', 'quantity', 'sku']);
    const refused = expectProblem(await api.post('/inventory/receipts', { body: { rows }, idempotencyKey: newKey() }), 422);
    expect(Object.keys(refused.errors ?? {})).toContain('rows.1.sku');
    expect(await levelAt(api, variantId, B)).toEqual(before);

    const fixed = [rows[0]!, { sku, location: A, quantity: '3' }];
    const key = newKey();
    const first = receiptResultSchema.parse(
      expectOk(await api.post('/inventory/receipts', { body: { rows: fixed }, idempotencyKey: key })),
    );
    expect(first).toMatchObject({ applied: true, units: 15 });
    const again = await api.post('/inventory/receipts', { body: { rows: fixed }, idempotencyKey: key });
    expect(again.json).toEqual(first);
    expect([(await levelAt(api, variantId, B)).onHand, (await levelAt(api, variantId, A)).onHand]).toEqual([
      before.onHand + 12,
      atA.onHand + 3,
    ]);
    await expectLedgerExplainsLevels(api, variantId);
  });
});

describe('a delivery row’s quantity', () => {
  it('says what is wrong with it: a minus sign (a hyphen or a spreadsheet’s “−”), a fraction, commas or no number', async () => {
    const { sku } = await stockedVariant(1);
    const quantities = ['-4', '−4', '1.5', '1,200', 'twelve', '0'];
    const rows = quantities.map((quantity) => ({ sku, location: A, quantity }));
    const dry = receiptResultSchema.parse(expectOk(await api.post('/inventory/receipts', { body: { rows, dryRun: true } })));
    expect(dry.rows.map((r) => r.errors)).toEqual([
      { quantity: 'Receive at least 1 unit: a delivery only adds stock' },
      { quantity: 'Receive at least 1 unit: a delivery only adds stock' },
      { quantity: '“1.5” is not a whole number of units' },
      { quantity: 'Write “1,200” without commas: 1200' },
      { quantity: '“twelve” is not a number of units: write it in digits only, like 12' },
      { quantity: 'Receive at least 1 unit' },
    ]);
  });
});

describe('thresholds', () => {
  it('need the version they change (428, 409) and move the level in and out of "low"', async () => {
    const { variantId, level } = await stockedVariant(5);
    const path = `/inventory/levels/${variantId}/${A}/threshold`;
    expectProblem(await api.put(path, { body: { threshold: level.available } }), 428);
    const res = await api.put(path, { body: { threshold: level.available }, ifMatch: level.version });
    expect(inventoryLevelSchema.parse(expectOk(res))).toMatchObject({
      threshold: level.available,
      state: 'low',
      version: level.version + 1,
    });
    expect(res.headers.get('ETag')).toBe(`"${level.version + 1}"`);
    expectProblem(await api.put(path, { body: { threshold: 1 }, ifMatch: level.version }), 409);
    expectProblem(await api.put(path, { body: { threshold: -1 }, ifMatch: level.version + 1 }), 422);
    const low = expectOk(await api.put(path, { body: { threshold: 0 }, ifMatch: level.version + 1 }));
    expect(inventoryLevelSchema.parse(low).state).toBe('in_stock');
  });
});
