/**
 * Replenishment (issue 22): suppliers and who supplies each variant, a level's
 * reorder settings, the reorder view, purchase orders and their receipts (by
 * hand or from a CSV naming the order), transfers in transit, and alerts. Each
 * case checks what the API answers and what the write did as other routes show
 * it (levels, ledger, reorder rows, lists, the audit log).
 *
 * The arithmetic is src/domain/reorder-rules.ts's, read with each row's own
 * facts (sold28, lead time, safety days), never numbers copied from a run.
 * Products this file makes have sold nothing (sold28 = 0), so their points are
 * set by hand; the suggestion from sales is checked on seeded levels, whose
 * settings are put back as they were. A purchase order past its expected day
 * cannot be reached here (the API's clock runs at real speed and the shortest
 * lead time is a day): src/domain/replenishment-rules.test.ts covers it.
 */
import { REORDER_SORTS } from '../../src/contract/constants';
import { storeClockSchema } from '../../src/contract/report-schemas';
import {
  alertListSchema,
  purchaseOrderListSchema,
  purchaseOrderSchema,
  reorderDraftResultSchema,
  reorderListSchema,
  supplierListSchema,
  supplierSchema,
  variantSupplySchema,
  type Alert,
  type PurchaseOrder,
  type ReorderRow,
  type Supplier,
} from '../../src/contract/replenishment-schemas';
import {
  inventoryLevelSchema,
  receiptResultSchema,
  stockChangeResultSchema,
  transitTransferListSchema,
  transitTransferSchema,
  type InventoryLevel,
} from '../../src/contract/stock-schemas';
import type { Product } from '../../src/contract/schemas';
import { SEEDED_SUPPLIERS, seededSupply } from '../../src/demo-shop/supplier-seed';
import {
  addStoreDays,
  DEFAULT_LEAD_TIME_DAYS,
  position,
  reorderBy,
  reorderPlan,
  suggestedPoint,
  suggestedQuantity,
} from '../../src/domain/reorder-rules';
import { daysOfCover } from '../../src/domain/stock-rules';
import { idOf, newKey, signIn, uniqueId, type ApiClient, type Query } from './driver';
import {
  auditOf,
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
let admin: ApiClient;
let support: ApiClient;
let A: string;
let B: string;
let today: string;
/** Two suppliers of this file's own: their purchase orders and variants are this file's only. */
let S1: Supplier;
let S2: Supplier;

beforeAll(async () => {
  [api, admin, support] = await Promise.all([signIn('merchandiser'), signIn('admin'), signIn('support')]);
  [A = '', B = ''] = await locationIds(api);
  today = storeClockSchema.parse(expectOk(await api.get('/reports/clock'))).today;
  S1 = await createSupplier({ leadTimeDays: 5, minimumOrder: 100_000 });
  S2 = await createSupplier({ leadTimeDays: 12, minimumOrder: 0 });
});

// ------------------------------------------------------------------ helpers

async function createSupplier(over: Record<string, unknown> = {}): Promise<Supplier> {
  const res = await api.post('/suppliers', {
    body: {
      name: `Contract Supplier ${uniqueId()}`,
      contactName: 'Casey Contract',
      email: 'orders@contract.example',
      phone: '+1 555 0100',
      leadTimeDays: 7,
      minimumOrder: 0,
      ...over,
    },
  });
  return supplierSchema.parse(expectOk(res, 201));
}

async function suppliers(client: ApiClient = api): Promise<Supplier[]> {
  return supplierListSchema.parse(expectOk(await client.get('/suppliers'))).items;
}

/** Who supplies a variant now (its version included). */
const supplyOf = async (variantId: string, client: ApiClient = api) =>
  variantSupplySchema.parse(expectOk(await client.get(`/variants/${variantId}/supply`)));

/** Sets who supplies a variant from the version it has now (If-Match; 1 for a variant that does not exist). */
const setSupply = async (variantId: string, supplierId: string | null, supplierSku = '') => {
  const read = await api.get(`/variants/${variantId}/supply`);
  const version = read.status === 200 ? variantSupplySchema.parse(read.json).version : 1;
  return api.put(`/variants/${variantId}/supply`, { body: { supplierId, supplierSku }, ifMatch: version });
};

/** A new product whose variants `supplier` supplies (nobody when null), with `units` on the shelf at A of each. */
async function suppliedProduct(supplier: Supplier | null, units = 0, over: Parameters<typeof createProduct>[1] = {}): Promise<Product> {
  const product = await createProduct(api, over);
  for (const v of product.variants) {
    if (supplier) expectOk(await setSupply(v.id, supplier.id, `SUP-${v.sku}`));
    if (units > 0) await receive(api, v.id, A, units);
  }
  return product;
}

const setPolicy = (variantId: string, locationId: string, version: number | undefined, body: Record<string, unknown>) =>
  api.put(`/inventory/levels/${variantId}/${locationId}/reorder`, { body, ...(version === undefined ? {} : { ifMatch: version }) });

/** Sets a level's reorder settings by hand; returns the level after. */
async function policy(variantId: string, locationId: string, reorderPoint: number | null, reorderQuantity: number | null, safetyDays = 7) {
  const level = await levelAt(api, variantId, locationId);
  return inventoryLevelSchema.parse(
    expectOk(await setPolicy(variantId, locationId, level.version, { reorderPoint, reorderQuantity, safetyDays })),
  );
}

async function reorderRows(query: Query, client: ApiClient = api): Promise<{ items: ReorderRow[]; total: number }> {
  return reorderListSchema.parse(expectOk(await client.get('/reorder', { query: { limit: 500, ...query } })));
}

/** Every row of the reorder view matching the query, page by page. */
async function allReorderRows(query: Query): Promise<ReorderRow[]> {
  const rows: ReorderRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await reorderRows({ ...query, offset });
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) return rows;
  }
}

const rowOf = async (variantId: string, sku: string, locationId: string) =>
  (await reorderRows({ q: sku, locationId })).items.find((r) => r.variantId === variantId);

/** The reorder-rules facts a row was worked out from. */
const factsOf = (r: ReorderRow) => ({
  available: r.available,
  onOrder: r.onOrder,
  inTransit: r.inTransit,
  sold28: r.sold28,
  reorderPoint: r.reorderPointSet,
  reorderQuantity: r.reorderQuantitySet,
  safetyDays: r.safetyDays,
  leadTimeDays: r.leadTimeDays,
});

/** What a row must say, worked out with reorder-rules from its own facts. */
function expectRowFollowsRules(r: ReorderRow, leadTimes: ReadonlyMap<string, number>): void {
  const row = `${r.sku} at ${r.locationId}`;
  const plan = reorderPlan(factsOf(r));
  expect({
    row,
    leadTimeDays: r.leadTimeDays,
    position: r.position,
    reorderPoint: r.reorderPoint,
    reorderQuantity: r.reorderQuantity,
    suggestedQuantity: r.suggestedQuantity,
    reorderBy: r.reorderBy,
    daysOfCover: r.daysOfCover,
    // Due: at or under the point, with something to order; whole quantities that lift it above, no more.
    due: plan.due,
    atOrUnderPoint: r.position <= r.reorderPoint,
    wholeQuantities: r.reorderQuantity > 0 && r.suggestedQuantity % r.reorderQuantity === 0,
    liftsAbove: r.position + r.suggestedQuantity > r.reorderPoint,
    noMore: r.position + r.suggestedQuantity - r.reorderQuantity <= r.reorderPoint,
  }).toEqual({
    row,
    leadTimeDays: r.supplierId === null ? DEFAULT_LEAD_TIME_DAYS : leadTimes.get(r.supplierId),
    position: position(r),
    reorderPoint: r.reorderPointSet ?? suggestedPoint(r.sold28, r.leadTimeDays, r.safetyDays),
    reorderQuantity: r.reorderQuantitySet ?? suggestedQuantity(r.sold28),
    suggestedQuantity: plan.toOrder,
    reorderBy: reorderBy(today, r.position, r.sold28, r.leadTimeDays),
    daysOfCover: daysOfCover(r.position, r.sold28),
    due: true,
    atOrUnderPoint: true,
    wholeQuantities: true,
    liftsAbove: true,
    noMore: true,
  });
}

const createPo = (body: Record<string, unknown>, key: string | null = newKey()) =>
  api.post('/purchase-orders', { body, ...(key ? { idempotencyKey: key } : {}) });
const getPo = async (id: string, client: ApiClient = api): Promise<PurchaseOrder> =>
  purchaseOrderSchema.parse(expectOk(await client.get(`/purchase-orders/${id}`)));
const sendPo = (po: Pick<PurchaseOrder, 'id' | 'version'>, key: string | null = newKey()) =>
  api.post(`/purchase-orders/${po.id}/send`, { ifMatch: po.version, ...(key ? { idempotencyKey: key } : {}) });
const receivePo = (
  po: Pick<PurchaseOrder, 'id' | 'version'>,
  lines: { lineId: string; quantity: number }[],
  over: Record<string, unknown> = {},
  key: string | null = newKey(),
) =>
  api.post(`/purchase-orders/${po.id}/receipts`, {
    body: { lines, ...over },
    ifMatch: po.version,
    ...(key ? { idempotencyKey: key } : {}),
  });
const closePo = (po: Pick<PurchaseOrder, 'id' | 'version'>, reason: unknown = 'Supplier discontinued it', key: string | null = newKey()) =>
  api.post(`/purchase-orders/${po.id}/close`, { body: { reason }, ifMatch: po.version, ...(key ? { idempotencyKey: key } : {}) });
const parsedPo = (res: Awaited<ReturnType<ApiClient['get']>>, status = 200) => purchaseOrderSchema.parse(expectOk(res, status));

/** A draft for `supplier` at `locationId`, one line per variant. */
async function draft(supplier: Supplier, locationId: string, lines: { variantId: string; quantity: number; unitCost?: number }[]) {
  return parsedPo(await createPo({ supplierId: supplier.id, locationId, lines }), 201);
}

/** A purchase order sent: a draft of these lines, then sent. */
async function sentPo(supplier: Supplier, locationId: string, lines: { variantId: string; quantity: number }[]) {
  return parsedPo(await sendPo(await draft(supplier, locationId, lines)));
}

async function purchaseOrders(query: Query, client: ApiClient = api) {
  return purchaseOrderListSchema.parse(expectOk(await client.get('/purchase-orders', { query: { limit: 200, ...query } })));
}

/** Every open alert, page by page. */
async function openAlerts(client: ApiClient = api): Promise<Alert[]> {
  const rows: Alert[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = alertListSchema.parse(expectOk(await client.get('/alerts', { query: { limit: 200, offset } })));
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) return rows;
  }
}
const alertsOf = async (variantId: string) => (await openAlerts()).filter((a) => a.variantId === variantId);

const adjust = async (variantId: string, locationId: string, reason: string, quantity: number) => {
  const level = await levelAt(api, variantId, locationId);
  return stockChangeResultSchema.parse(
    expectOk(
      await api.post('/inventory/adjustments', {
        body: { variantId, locationId, version: level.version, reason, quantity },
        idempotencyKey: newKey(),
      }),
    ),
  );
};

/** On hand and in transit of a variant over every location. */
const unitsOf = (levels: InventoryLevel[]) => levels.reduce((n, l) => n + l.onHand + l.inTransit, 0);

const errorKeys = (res: Awaited<ReturnType<ApiClient['get']>>, status = 422) => Object.keys(expectProblem(res, status).errors ?? {});

// ------------------------------------------------------------------ suppliers

describe('suppliers', () => {
  it('lists the six seeded suppliers by name, each with the variants that name it', async () => {
    const list = await suppliers();
    const seeded = SEEDED_SUPPLIERS.map(({ name, contactName, email, phone, leadTimeDays, minimumOrder }) => ({
      name,
      contactName,
      email,
      phone,
      leadTimeDays,
      minimumOrder,
      currency: 'USD',
      supplies: true,
    }));
    const listed = seeded.map(({ name }) => list.find((s) => s.name === name)).filter((s) => s !== undefined);
    expect(
      listed.map(({ name, contactName, email, phone, leadTimeDays, minimumOrder, currency, variantCount }) => ({
        name,
        contactName,
        email,
        phone,
        leadTimeDays,
        minimumOrder,
        currency,
        supplies: variantCount > 0,
      })),
    ).toEqual(seeded);
    const names = list.map((s) => s.name.toLowerCase());
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)));
    // Support reads them too.
    expect((await suppliers(support)).map((s) => s.id)).toEqual(list.map((s) => s.id));
  });

  it('creates a supplier (201, audited), refusing a name taken whatever its case, a bad email and a lead time of 0', async () => {
    const name = `Contract Supplier ${uniqueId()}`;
    const created = supplierSchema.parse(
      expectOk(await api.post('/suppliers', { body: { name, email: 'a@b.example', leadTimeDays: 3, minimumOrder: 2500 } }), 201),
    );
    expect(created).toMatchObject({ name, contactName: '', phone: '', leadTimeDays: 3, minimumOrder: 2500, variantCount: 0, version: 1 });
    expect((await suppliers()).find((s) => s.id === created.id)).toEqual(created);

    const seededName = SEEDED_SUPPLIERS[0]!.name;
    const bad = async (body: Record<string, unknown>) =>
      errorKeys(await api.post('/suppliers', { body: { name: `X ${uniqueId()}`, leadTimeDays: 3, minimumOrder: 0, ...body } }));
    expect(await bad({ name: name.toUpperCase() })).toEqual(['name']);
    expect(await bad({ name: `  ${seededName.toLowerCase()} ` })).toEqual(['name']);
    expect(await bad({ email: 'not an email' })).toEqual(['email']);
    expect(await bad({ leadTimeDays: 0 })).toEqual(['leadTimeDays']);
    expect((await suppliers()).filter((s) => s.name.toLowerCase() === name.toLowerCase())).toHaveLength(1);

    const [entry] = await auditOf(admin, 'supplier', created.id);
    expect(entry).toMatchObject({ entityType: 'supplier', action: 'created', actor: { id: idOf('merchandiser') } });
  });

  it('changes a supplier with If-Match (428 without, 409 with the current one when stale), audited', async () => {
    const supplier = await createSupplier({ leadTimeDays: 9 });
    const body = { name: supplier.name, contactName: 'Robin', email: '', phone: '', leadTimeDays: 11, minimumOrder: 0 };
    expectProblem(await api.put(`/suppliers/${supplier.id}`, { body }), 428);
    const changed = supplierSchema.parse(expectOk(await api.put(`/suppliers/${supplier.id}`, { body, ifMatch: supplier.version })));
    expect(changed).toMatchObject({ id: supplier.id, contactName: 'Robin', leadTimeDays: 11, version: supplier.version + 1 });

    const stale = expectProblem(
      await api.put(`/suppliers/${supplier.id}`, { body: { ...body, leadTimeDays: 20 }, ifMatch: supplier.version }),
      409,
    );
    expect(stale.current).toMatchObject({ id: supplier.id, leadTimeDays: 11, version: changed.version });
    expect((await suppliers()).find((s) => s.id === supplier.id)).toEqual(changed);
    // Another supplier's name is taken here too.
    expect(errorKeys(await api.put(`/suppliers/${supplier.id}`, { body: { ...body, name: S1.name }, ifMatch: changed.version }))).toEqual([
      'name',
    ]);
    expectProblem(await api.put(`/suppliers/sup_${uniqueId()}`, { body, ifMatch: 1 }), 404);

    const [entry] = await auditOf(admin, 'supplier', supplier.id);
    expect(entry).toMatchObject({ action: 'updated', before: { leadTimeDays: 9 }, after: { leadTimeDays: 11 } });
  });

  it('keeps the expected day of an order sent before its lead time changed', async () => {
    const supplier = await createSupplier({ leadTimeDays: 3 });
    const product = await suppliedProduct(supplier);
    const po = await sentPo(supplier, A, [{ variantId: product.variants[0]!.id, quantity: 2 }]);
    expect(po.expectedOn).toBe(addStoreDays(today, 3));
    const body = { name: supplier.name, leadTimeDays: 30, minimumOrder: 0 };
    expectOk(await api.put(`/suppliers/${supplier.id}`, { body, ifMatch: supplier.version }));
    expect((await getPo(po.id)).expectedOn).toBe(addStoreDays(today, 3));
    // The next one sent waits the new lead time.
    const next = await sentPo(supplier, A, [{ variantId: product.variants[1]!.id, quantity: 2 }]);
    expect(next.expectedOn).toBe(addStoreDays(today, 30));
  });

  it('says who supplies a variant, and sets it (unknown supplier 422, unknown variant 404), counting it on the supplier', async () => {
    const supplier = await createSupplier();
    const product = await createProduct(api);
    const [one, two] = product.variants;
    expect(await supplyOf(one!.id)).toEqual({ variantId: one!.id, supplierId: null, supplierSku: '', version: 1 });
    const set = variantSupplySchema.parse(expectOk(await setSupply(one!.id, supplier.id, 'ACME-1')));
    expect(set).toEqual({ variantId: one!.id, supplierId: supplier.id, supplierSku: 'ACME-1', version: 2 });
    expect(await supplyOf(one!.id, support)).toEqual(set);
    expectOk(await setSupply(two!.id, supplier.id));
    expect((await suppliers()).find((s) => s.id === supplier.id)?.variantCount).toBe(2);
    expectOk(await setSupply(two!.id, null));
    expect((await suppliers()).find((s) => s.id === supplier.id)?.variantCount).toBe(1);

    expect(errorKeys(await setSupply(one!.id, `sup_${uniqueId()}`))).toEqual(['supplierId']);
    expect(await supplyOf(one!.id)).toEqual(set);
    // One id that is not ours, and one past any row id a database holds (a 500 once, from PostgreSQL's integer).
    expectProblem(await api.get('/variants/var_none/supply'), 404);
    expectProblem(await setSupply('var_9999999999', supplier.id), 404);

    const [entry] = await auditOf(admin, 'product', product.id);
    expect(entry).toMatchObject({ action: 'supplier set', after: { supplier: 'nobody' } });
  });

  it('sets who supplies a variant with If-Match: 428 without, 409 with what is set now when stale, version + 1 when fresh', async () => {
    const product = await createProduct(api);
    const v = product.variants[0]!;
    const path = `/variants/${v.id}/supply`;
    const read = await api.get(path);
    const first = variantSupplySchema.parse(expectOk(read));
    expect(first.version).toBe(1);
    expect(read.headers.get('ETag')).toBe('"1"');

    expectProblem(await api.put(path, { body: { supplierId: S1.id, supplierSku: 'NO-VERSION' } }), 428);
    expect(await supplyOf(v.id)).toEqual(first);

    const fresh = await api.put(path, { body: { supplierId: S1.id, supplierSku: 'FRESH-1' }, ifMatch: first.version });
    const set = variantSupplySchema.parse(expectOk(fresh));
    expect(set).toEqual({ variantId: v.id, supplierId: S1.id, supplierSku: 'FRESH-1', version: first.version + 1 });
    expect(fresh.headers.get('ETag')).toBe(`"${set.version}"`);
    expect(await supplyOf(v.id)).toEqual(set);

    // Someone who read version 1 saves after that: refused with what is set now, and nothing changes.
    const stale = expectProblem(await api.put(path, { body: { supplierId: S2.id, supplierSku: 'STALE' }, ifMatch: first.version }), 409);
    expect(variantSupplySchema.parse(stale.current)).toEqual(set);
    expect(await supplyOf(v.id)).toEqual(set);
    // A version from the future is stale too.
    expectProblem(await api.put(path, { body: { supplierId: S2.id, supplierSku: 'AHEAD' }, ifMatch: set.version + 1 }), 409);

    // From the version just read, the next change is taken (nobody, SKU kept as given).
    const next = variantSupplySchema.parse(
      expectOk(await api.put(path, { body: { supplierId: null, supplierSku: 'KEPT' }, ifMatch: set.version })),
    );
    expect(next).toEqual({ variantId: v.id, supplierId: null, supplierSku: 'KEPT', version: set.version + 1 });
    expect(await supplyOf(v.id)).toEqual(next);
    const entries = await auditOf(admin, 'product', product.id);
    expect(entries.filter((e) => e.action === 'supplier set')).toHaveLength(2);
  });

  it('lets one of two saves from the same version win, the other told 409', async () => {
    const product = await createProduct(api);
    const v = product.variants[0]!;
    const path = `/variants/${v.id}/supply`;
    const { version } = await supplyOf(v.id);
    const answers = await Promise.all(
      [S1, S2].map((s) => api.put(path, { body: { supplierId: s.id, supplierSku: `RACE-${s.id}` }, ifMatch: version })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = variantSupplySchema.parse(answers.find((r) => r.status === 200)!.json);
    expect(won.version).toBe(version + 1);
    expect(await supplyOf(v.id)).toEqual(won);
  });

  it('seeds who supplies each seeded variant: its category’s supplier, their SKU made from ours', async () => {
    // Rows of variants this file never touched: seeded ones, due on their sales.
    const rows = (await reorderRows({ limit: 50 })).items.filter((r) => r.reorderPointSet === null).slice(0, 10);
    expect(rows.length).toBeGreaterThan(0);
    const names = new Map((await suppliers()).map((s) => [s.id, s.name]));
    const seen = [];
    const wanted = [];
    for (const r of rows) {
      const supply = variantSupplySchema.parse(expectOk(await api.get(`/variants/${r.variantId}/supply`)));
      const seeded = seededSupply(r.categoryId, r.sku);
      const name = SEEDED_SUPPLIERS.find((s) => s.id === seeded.supplierId)?.name ?? null;
      seen.push({
        sku: r.sku,
        supplier: supply.supplierId ? names.get(supply.supplierId) : null,
        supplierSku: supply.supplierSku,
        version: supply.version,
        row: [r.supplierId, r.supplierName, r.supplierSku],
      });
      // Seeded, never set: version 1.
      wanted.push({
        sku: r.sku,
        supplier: name,
        supplierSku: seeded.supplierSku,
        version: 1,
        row: [supply.supplierId, name, seeded.supplierSku],
      });
    }
    expect(seen).toEqual(wanted);
  });
});

// ------------------------------------------------------------------ reorder settings

describe('reorder settings', () => {
  it('set by hand show on the level (new version) and are the ones the reorder row uses; a stale version is 409, none 428', async () => {
    const product = await suppliedProduct(S1, 3);
    const v = product.variants[0]!;
    const before = await levelAt(api, v.id, A);
    expect(before).toMatchObject({ reorderPoint: null, reorderQuantity: null, onOrder: 0, inTransit: 0 });
    // Nothing sold and nothing set by hand: no quantity to order, never due.
    expect(await rowOf(v.id, v.sku, A)).toBeUndefined();

    expectProblem(await setPolicy(v.id, A, undefined, { reorderPoint: 30, reorderQuantity: 10, safetyDays: 4 }), 428);
    const res = await setPolicy(v.id, A, before.version, { reorderPoint: 30, reorderQuantity: 10, safetyDays: 4 });
    const level = inventoryLevelSchema.parse(expectOk(res));
    expect(level).toMatchObject({
      reorderPoint: 30,
      reorderQuantity: 10,
      safetyDays: 4,
      onHand: before.onHand,
      version: before.version + 1,
    });
    expect(res.headers.get('ETag')).toBe(`"${level.version}"`);
    expect(await levelAt(api, v.id, A)).toEqual(level);
    // No ledger row: on hand did not move.
    expect((await ledgerOf(api, v.id, A)).map((r) => r.reason)).toEqual(['received']);

    const row = await rowOf(v.id, v.sku, A);
    expect(row).toMatchObject({
      reorderPoint: 30,
      reorderQuantity: 10,
      reorderPointSet: 30,
      reorderQuantitySet: 10,
      safetyDays: 4,
      position: 3,
      sold28: 0,
      supplierId: S1.id,
      supplierName: S1.name,
      leadTimeDays: S1.leadTimeDays,
      supplierSku: `SUP-${v.sku}`,
      unitCost: 500,
      // 10 × ⌈(30 − 3 + 1) ÷ 10⌉
      suggestedQuantity: 30,
      // Nothing sells: order today.
      reorderBy: today,
      version: level.version,
    });
    expectRowFollowsRules(row!, new Map([[S1.id, S1.leadTimeDays]]));

    const stale = expectProblem(await setPolicy(v.id, A, before.version, { reorderPoint: 1, reorderQuantity: 1, safetyDays: 0 }), 409);
    expect(stale.current).toMatchObject({ levels: [expect.objectContaining({ reorderPoint: 30, version: level.version })] });
    expect(errorKeys(await setPolicy(v.id, A, level.version, { reorderPoint: -1, reorderQuantity: 0, safetyDays: 500 })).sort()).toEqual([
      'reorderPoint',
      'reorderQuantity',
      'safetyDays',
    ]);
    expectProblem(await setPolicy('var_9999999999', A, 1, { reorderPoint: 1, reorderQuantity: 1, safetyDays: 0 }), 404);
    expect(await levelAt(api, v.id, A)).toEqual(level);
  });

  it('left null follow the suggestion from the level’s own sales, lead time and safety days', async () => {
    // A seeded level due on the suggestion, that sells: its settings are put back as they were.
    const candidates = (await reorderRows({ sort: '-suggestedQuantity', limit: 100 })).items;
    const row = candidates.find((r) => r.reorderPointSet === null && r.reorderQuantitySet === null && r.sold28 >= 4 && r.onOrder === 0);
    expect(row, 'a seeded level due on its sales').toBeDefined();
    const r0 = row!;
    expect(r0.reorderPoint).toBe(suggestedPoint(r0.sold28, r0.leadTimeDays, r0.safetyDays));
    expect(r0.reorderQuantity).toBe(suggestedQuantity(r0.sold28));

    // Longer safety days: a higher suggested point, so still due.
    const longer = inventoryLevelSchema.parse(
      expectOk(
        await setPolicy(r0.variantId, r0.locationId, r0.version, {
          reorderPoint: null,
          reorderQuantity: null,
          safetyDays: r0.safetyDays + 20,
        }),
      ),
    );
    expect(longer).toMatchObject({ reorderPoint: null, reorderQuantity: null, safetyDays: r0.safetyDays + 20, version: r0.version + 1 });
    const r1 = (await rowOf(r0.variantId, r0.sku, r0.locationId))!;
    expect(r1).toBeDefined();
    expect(r1).toMatchObject({ reorderPointSet: null, reorderQuantitySet: null, safetyDays: r0.safetyDays + 20, version: longer.version });
    expect(r1.reorderPoint).toBe(suggestedPoint(r1.sold28, r1.leadTimeDays, r1.safetyDays));
    expect(r1.reorderPoint).toBeGreaterThanOrEqual(r0.reorderPoint);
    expect(r1.reorderQuantity).toBe(suggestedQuantity(r1.sold28));
    expect(r1.suggestedQuantity).toBe(reorderPlan(factsOf(r1)).toOrder);

    // Set by hand, then back to the suggestion.
    const byHand = inventoryLevelSchema.parse(
      expectOk(
        await setPolicy(r0.variantId, r0.locationId, longer.version, { reorderPoint: 0, reorderQuantity: 5, safetyDays: r0.safetyDays }),
      ),
    );
    expect(byHand).toMatchObject({ reorderPoint: 0, reorderQuantity: 5 });
    const handRow = await rowOf(r0.variantId, r0.sku, r0.locationId);
    // Due by hand only at or under a point of 0.
    expect(handRow !== undefined).toBe(position(byHand) <= 0);
    const back = inventoryLevelSchema.parse(
      expectOk(
        await setPolicy(r0.variantId, r0.locationId, byHand.version, {
          reorderPoint: null,
          reorderQuantity: null,
          safetyDays: r0.safetyDays,
        }),
      ),
    );
    expect(back).toMatchObject({ reorderPoint: null, reorderQuantity: null, safetyDays: r0.safetyDays });
    const r2 = (await rowOf(r0.variantId, r0.sku, r0.locationId))!;
    expect(r2).toMatchObject({ reorderPoint: suggestedPoint(r2.sold28, r2.leadTimeDays, r0.safetyDays), reorderPointSet: null });
  });
});

// ------------------------------------------------------------------ reorder view

describe('the reorder view', () => {
  it('lists only levels that are due, each with the quantity and the day its own facts give', async () => {
    const leadTimes = new Map((await suppliers()).map((s) => [s.id, s.leadTimeDays]));
    const rows = await allReorderRows({});
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expectRowFollowsRules(r, leadTimes);
    expect(new Set(rows.map((r) => `${r.variantId}@${r.locationId}`)).size).toBe(rows.length);
    // A level's row agrees with the level.
    const sample = rows[0]!;
    const level = await levelAt(api, sample.variantId, sample.locationId);
    expect(level).toMatchObject({
      onHand: sample.onHand,
      available: sample.available,
      onOrder: sample.onOrder,
      inTransit: sample.inTransit,
      sold28: sample.sold28,
      safetyDays: sample.safetyDays,
      version: sample.version,
    });
  });

  it('filters by location, supplier (or none), text, category and order-by day; leaves archived products out', async () => {
    const supplied = await suppliedProduct(S2, 2, { categoryId: 'audio' });
    const orphan = await suppliedProduct(null, 2);
    const [sv, ov] = [supplied.variants[0]!, orphan.variants[0]!];
    await policy(sv.id, A, 10, 4);
    await policy(ov.id, A, 10, 4);
    const keys = (rows: ReorderRow[]) => rows.map((r) => `${r.variantId}@${r.locationId}`);

    const atB = await allReorderRows({ locationId: B });
    expect(atB.every((r) => r.locationId === B)).toBe(true);
    expect(keys(atB)).not.toContain(`${sv.id}@${A}`);

    const ofS2 = await allReorderRows({ supplierId: S2.id });
    expect(keys(ofS2)).toEqual([`${sv.id}@${A}`]);
    const nobody = await allReorderRows({ supplierId: 'none' });
    expect(nobody.every((r) => r.supplierId === null && r.supplierName === null && r.leadTimeDays === DEFAULT_LEAD_TIME_DAYS)).toBe(true);
    expect(keys(nobody)).toContain(`${ov.id}@${A}`);
    expect(keys(nobody)).not.toContain(`${sv.id}@${A}`);

    // q: our SKU, the supplier's SKU or the title, whatever the case.
    const found = [];
    for (const q of [sv.sku.toLowerCase(), `sup-${sv.sku}`.toLowerCase(), supplied.title.toUpperCase()])
      found.push({ q, rows: keys((await reorderRows({ q })).items) });
    expect(found).toEqual(found.map(({ q }) => ({ q, rows: [`${sv.id}@${A}`] })));

    const audio = await allReorderRows({ categoryId: 'audio' });
    expect(audio.every((r) => r.categoryId === 'audio')).toBe(true);
    expect(keys(audio)).toContain(`${sv.id}@${A}`);
    expect(keys(await allReorderRows({ categoryId: 'cables-chargers', supplierId: 'none' }))).toContain(`${ov.id}@${A}`);
    expect(keys(await allReorderRows({ categoryId: 'power', q: sv.sku }))).toEqual([]);

    // by: rows to order on or before that day. Ours (nothing sells) is to order today.
    const byToday = await allReorderRows({ by: today });
    expect(byToday.every((r) => r.reorderBy <= today)).toBe(true);
    expect(keys(byToday)).toContain(`${sv.id}@${A}`);
    const byYesterday = await allReorderRows({ by: addStoreDays(today, -1) });
    expect(byYesterday.every((r) => r.reorderBy < today)).toBe(true);
    expect(keys(byYesterday)).not.toContain(`${sv.id}@${A}`);

    expectOk(await api.post('/products/bulk-status', { body: { ids: [supplied.id], status: 'archived' }, idempotencyKey: newKey() }));
    expect((await reorderRows({ q: sv.sku })).items).toEqual([]);
    expect(keys(await allReorderRows({ supplierId: S2.id }))).toEqual([]);
  });

  it('sorts by each key, either way (ties by SKU), and pages on the server', async () => {
    const keyOf: Record<string, (r: ReorderRow) => string | number | null> = {
      reorderBy: (r) => r.reorderBy,
      sku: (r) => r.sku,
      supplier: (r) => r.supplierName?.toLowerCase() ?? null,
      suggestedQuantity: (r) => r.suggestedQuantity,
      daysOfCover: (r) => r.daysOfCover,
    };
    for (const sort of REORDER_SORTS) {
      const desc = sort.startsWith('-');
      const key = keyOf[desc ? sort.slice(1) : sort]!;
      const rows = (await reorderRows({ sort, limit: 200 })).items;
      const known = rows.filter((r) => key(r) !== null);
      const outOfOrder = known.slice(1).flatMap((y, i) => {
        const x = known[i]!;
        const [a, b] = [key(x)!, key(y)!];
        // Ties by SKU; the contract does not say in which order a SKU's locations come.
        const tieBroken = desc || a !== b || x.sku <= y.sku;
        return (desc ? a >= b : a <= b) && tieBroken ? [] : [`${sort}: ${x.sku} then ${y.sku}`];
      });
      expect(outOfOrder).toEqual([]);
    }
    const page = (await reorderRows({ sort: 'sku', limit: 40 })).items;
    const next = (await reorderRows({ sort: 'sku', limit: 20, offset: 20 })).items;
    expect(next.map((r) => `${r.variantId}@${r.locationId}`)).toEqual(page.slice(20, 40).map((r) => `${r.variantId}@${r.locationId}`));
    expectProblem(await api.get('/reorder', { query: { sort: 'price' } }), 400);
  });
});

// ------------------------------------------------------------------ purchase orders

describe('purchase orders by hand', () => {
  it('draft with the variant’s cost unless given, refusing another supplier’s variant and a line twice (422 beside the line)', async () => {
    const mine = await suppliedProduct(S1);
    const theirs = await suppliedProduct(S2);
    const [m1, m2] = mine.variants;
    const res = await createPo({
      supplierId: S1.id,
      locationId: A,
      note: 'First order',
      lines: [
        { variantId: m1!.id, quantity: 4 },
        { variantId: m2!.id, quantity: 2, unitCost: 450 },
      ],
    });
    const po = parsedPo(res, 201);
    expect(po).toMatchObject({
      status: 'draft',
      supplierId: S1.id,
      supplierName: S1.name,
      locationId: A,
      note: 'First order',
      total: 4 * 500 + 2 * 450,
      belowMinimum: true,
      sentAt: null,
      expectedOn: null,
      closedAt: null,
      closeReason: null,
      receipts: [],
      version: 1,
    });
    expect(po.lines.map((l) => [l.variantId, l.sku, l.supplierSku, l.quantity, l.received, l.unitCost, l.total])).toEqual([
      [m1!.id, m1!.sku, `SUP-${m1!.sku}`, 4, 0, 500, 2000],
      [m2!.id, m2!.sku, `SUP-${m2!.sku}`, 2, 0, 450, 900],
    ]);
    expect(po.events.map((e) => e.type)).toEqual(['created']);
    expect(res.headers.get('ETag')).toBe('"1"');
    expect(await getPo(po.id)).toEqual(po);
    // A draft is not on order.
    expect((await levelAt(api, m1!.id, A)).onOrder).toBe(0);

    const wrong = (lines: unknown[], over: Record<string, unknown> = {}) =>
      createPo({ supplierId: S1.id, locationId: A, lines, ...over }).then((r) => errorKeys(r));
    expect(
      await wrong([
        { variantId: m1!.id, quantity: 1 },
        { variantId: theirs.variants[0]!.id, quantity: 1 },
      ]),
    ).toEqual(['lines.1.variantId']);
    expect(
      await wrong([
        { variantId: m1!.id, quantity: 1 },
        { variantId: m1!.id, quantity: 2 },
      ]),
    ).toEqual(['lines.1.variantId']);
    expect(await wrong([{ variantId: m1!.id, quantity: 0 }])).toEqual(['lines.0.quantity']);
    expect(await wrong([{ variantId: m1!.id, quantity: 1 }], { supplierId: `sup_${uniqueId()}` })).toEqual(['supplierId']);
    expect(await wrong([])).toEqual(['lines']);
    expect((await purchaseOrders({ variantId: theirs.variants[0]!.id })).items).toEqual([]);

    const [entry] = await auditOf(admin, 'purchase_order', po.id);
    expect(entry).toMatchObject({ entityType: 'purchase_order', action: 'created', actor: { id: idOf('merchandiser') } });
  });

  it('draft once per Idempotency-Key: the same request twice is one order and one answer', async () => {
    const product = await suppliedProduct(S1);
    const v = product.variants[0]!;
    const body = { supplierId: S1.id, locationId: B, lines: [{ variantId: v.id, quantity: 3 }] };
    const key = newKey();
    const first = await createPo(body, key);
    const again = await createPo(body, key);
    expect({ status: again.status, json: again.json }).toEqual({ status: 201, json: first.json });
    expect((await purchaseOrders({ variantId: v.id })).items.map((p) => p.id)).toEqual([parsedPo(first, 201).id]);
  });

  it('change only while a draft (If-Match), and send: on order from now, expected after the lead time', async () => {
    const product = await suppliedProduct(S1);
    const [v1, v2] = product.variants;
    const po = await draft(S1, A, [{ variantId: v1!.id, quantity: 3 }]);
    const update = (p: Pick<PurchaseOrder, 'id' | 'version'>, body: Record<string, unknown>, version: number | null = p.version) =>
      api.put(`/purchase-orders/${p.id}`, { body, ...(version === null ? {} : { ifMatch: version }), idempotencyKey: newKey() });
    const lines = [
      { variantId: v1!.id, quantity: 6 },
      { variantId: v2!.id, quantity: 1 },
    ];
    expectProblem(await update(po, { lines }, null), 428);
    const edited = parsedPo(await update(po, { lines, note: 'Doubled' }));
    expect(edited).toMatchObject({ status: 'draft', note: 'Doubled', total: 6 * 500 + 600, version: po.version + 1 });
    // The line kept keeps its id.
    expect(edited.lines[0]!.id).toBe(po.lines[0]!.id);
    expect(edited.events.map((e) => e.type)).toEqual(['created', 'edited']);
    const stale = expectProblem(await update(po, { lines: [{ variantId: v1!.id, quantity: 1 }] }), 409);
    expect(purchaseOrderSchema.parse(stale.current)).toEqual(edited);

    expectProblem(await sendPo(po), 409);
    const sentRes = await sendPo(edited);
    const sent = parsedPo(sentRes);
    expect(sent).toMatchObject({ status: 'sent', expectedOn: addStoreDays(today, S1.leadTimeDays), version: edited.version + 1 });
    expect(sent.sentAt).not.toBeNull();
    expect(sent.events.at(-1)).toMatchObject({ type: 'sent', actor: { id: idOf('merchandiser') } });
    expect(sentRes.headers.get('ETag')).toBe(`"${sent.version}"`);
    const read = await api.get(`/purchase-orders/${po.id}`);
    expect(purchaseOrderSchema.parse(expectOk(read))).toEqual(sent);
    expect(read.headers.get('ETag')).toBe(`"${sent.version}"`);

    const level = await levelAt(api, v1!.id, A);
    expect(level).toMatchObject({ onOrder: 6, inTransit: 0, onHand: 0 });
    expect(level.daysOfCover).toBe(daysOfCover(level.available + 6, level.sold28));
    expect((await levelAt(api, v1!.id, B)).onOrder).toBe(0);

    const late = expectProblem(await update(sent, { lines }), 409);
    expect(purchaseOrderSchema.parse(late.current)).toEqual(sent);
    expectProblem(await sendPo(sent), 409);
    const summary = (await purchaseOrders({ supplierId: S1.id })).items.find((p) => p.id === po.id);
    expect(summary).toMatchObject({
      status: 'sent',
      units: 7,
      received: 0,
      overdue: false,
      expectedOn: sent.expectedOn,
      version: sent.version,
    });

    const log = await auditOf(admin, 'purchase_order', po.id);
    expect(log.map((e) => e.action)).toEqual(['sent', 'edited', 'created']);
  });

  it('sent, count toward the level’s days of cover and the reorder row’s position; cancelled with nothing received, they stop', async () => {
    // A seeded level that sells, due on its sales, from its seeded supplier.
    const rows = (await reorderRows({ sort: '-suggestedQuantity', limit: 100 })).items;
    const r0 = rows.find(
      (r) =>
        r.supplierId !== null &&
        r.sold28 >= 4 &&
        r.reorderPointSet === null &&
        r.onOrder === 0 &&
        r.inTransit === 0 &&
        r.reorderPoint - r.position >= 1 &&
        // One unit is then a tenth of a day of cover or more.
        r.sold28 < 280,
    );
    expect(r0, 'a seeded level due on its sales').toBeDefined();
    const supplier = (await suppliers()).find((s) => s.id === r0!.supplierId)!;
    const before = await levelAt(api, r0!.variantId, r0!.locationId);
    const po = await sentPo(supplier, r0!.locationId, [{ variantId: r0!.variantId, quantity: 1 }]);
    expect(po.expectedOn).toBe(addStoreDays(today, supplier.leadTimeDays));

    const after = await levelAt(api, r0!.variantId, r0!.locationId);
    expect(after).toMatchObject({ onOrder: before.onOrder + 1, onHand: before.onHand });
    expect(after.daysOfCover).toBe(daysOfCover(after.available + after.onOrder + after.inTransit, after.sold28));
    expect(after.daysOfCover).not.toBe(daysOfCover(after.available, after.sold28));
    const row = (await rowOf(r0!.variantId, r0!.sku, r0!.locationId))!;
    expect(row).toMatchObject({ onOrder: 1, position: r0!.position + 1 });
    expect(row.suggestedQuantity).toBe(reorderPlan(factsOf(row)).toOrder);

    const cancelled = parsedPo(await closePo(po, 'Ordered by mistake'));
    expect(cancelled).toMatchObject({ status: 'cancelled', closeReason: 'Ordered by mistake', version: po.version + 1 });
    expect(cancelled.closedAt).not.toBeNull();
    expect(await levelAt(api, r0!.variantId, r0!.locationId)).toMatchObject({ onOrder: before.onOrder, onHand: before.onHand });
    expect((await rowOf(r0!.variantId, r0!.sku, r0!.locationId))?.position).toBe(r0!.position);
    expectProblem(await closePo(cancelled), 409);
  });

  it('receive once per Idempotency-Key: the same receipt twice is one answer, one ledger row per line, on hand once', async () => {
    const product = await suppliedProduct(S1);
    const [v1, v2] = product.variants;
    const po = await sentPo(S1, A, [
      { variantId: v1!.id, quantity: 5 },
      { variantId: v2!.id, quantity: 3 },
    ]);
    const lines = [
      { lineId: po.lines[0]!.id, quantity: 2 },
      { lineId: po.lines[1]!.id, quantity: 3 },
    ];
    const key = newKey();
    const first = await receivePo(po, lines, { note: 'Pallet 1' }, key);
    const got = parsedPo(first);
    const again = await receivePo(po, lines, { note: 'Pallet 1' }, key);
    expect({ status: again.status, json: again.json }).toEqual({ status: first.status, json: first.json });
    expect(got).toMatchObject({ status: 'partially_received', version: po.version + 1 });
    expect(got.receipts).toHaveLength(1);
    expect(got.receipts[0]).toMatchObject({ note: 'Pallet 1', overReason: null, actor: { id: idOf('merchandiser') } });
    expect(got.receipts[0]!.lines.map((l) => [l.lineId, l.variantId, l.quantity])).toEqual([
      [po.lines[0]!.id, v1!.id, 2],
      [po.lines[1]!.id, v2!.id, 3],
    ]);
    expect(await getPo(po.id)).toEqual(got);
    expect(await levelAt(api, v1!.id, A)).toMatchObject({ onHand: 2, onOrder: 3 });
    expect(await levelAt(api, v2!.id, A)).toMatchObject({ onHand: 3, onOrder: 0 });
    for (const v of [v1!, v2!]) {
      const rows = (await ledgerOf(api, v.id, A)).filter((r) => r.reason === 'received');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ purchaseOrderId: po.id, purchaseOrderNumber: po.number });
      await expectLedgerExplainsLevels(api, v.id);
    }
    // The key with another body is refused.
    expectProblem(await receivePo(po, [{ lineId: po.lines[0]!.id, quantity: 1 }], {}, key), 422);
  });

  it('complete with two partial receipts: partially received, then received; on hand up by all, on order back to 0', async () => {
    const product = await suppliedProduct(S1, 4);
    const v = product.variants[0]!;
    await policy(v.id, A, 20, 10);
    const before = await levelAt(api, v.id, A);
    const po = await sentPo(S1, A, [{ variantId: v.id, quantity: 10 }]);
    const line = po.lines[0]!;
    expect(await rowOf(v.id, v.sku, A)).toMatchObject({ onOrder: 10, position: before.available + 10 });

    const part = parsedPo(await receivePo(po, [{ lineId: line.id, quantity: 4 }]));
    expect(part).toMatchObject({ status: 'partially_received', closedAt: null });
    expect(part.lines[0]).toMatchObject({ quantity: 10, received: 4 });
    expect(await levelAt(api, v.id, A)).toMatchObject({ onHand: before.onHand + 4, onOrder: 6 });
    const summary = (await purchaseOrders({ status: 'partially_received', supplierId: S1.id })).items.find((p) => p.id === po.id);
    expect(summary).toMatchObject({ units: 10, received: 4 });

    const whole = parsedPo(await receivePo(part, [{ lineId: line.id, quantity: 6 }]));
    expect(whole).toMatchObject({ status: 'received', version: part.version + 1 });
    expect(whole.lines[0]!.received).toBe(10);
    expect(whole.closedAt).not.toBeNull();
    expect(whole.receipts).toHaveLength(2);
    expect(whole.events.map((e) => e.type)).toEqual(['created', 'sent', 'received', 'received']);
    const level = await levelAt(api, v.id, A);
    expect(level).toMatchObject({ onHand: before.onHand + 10, onOrder: 0 });
    const received = (await ledgerOf(api, v.id, A)).filter((r) => r.purchaseOrderId === po.id);
    expect(received.map((r) => [r.reason, r.quantity, r.purchaseOrderNumber])).toEqual([
      ['received', 4, po.number],
      ['received', 6, po.number],
    ]);
    await expectLedgerExplainsLevels(api, v.id);
    // On order became on hand: the position is where it was, still under the point of 20.
    expect(await rowOf(v.id, v.sku, A)).toMatchObject({ onHand: before.onHand + 10, onOrder: 0, position: before.available + 10 });
    // Finished: nothing more to receive, nothing to close.
    expectProblem(await receivePo(whole, [{ lineId: line.id, quantity: 1 }], { overReason: 'Extra' }), 409);
    expectProblem(await closePo(whole), 409);

    const log = await auditOf(admin, 'purchase_order', po.id);
    expect(log.map((e) => e.action)).toEqual(['received', 'received', 'sent', 'created']);
  });

  it('take more than ordered only with a reason (422 beside the line without), recording it', async () => {
    const product = await suppliedProduct(S1);
    const v = product.variants[0]!;
    const po = await sentPo(S1, A, [{ variantId: v.id, quantity: 5 }]);
    const lines = [{ lineId: po.lines[0]!.id, quantity: 7 }];
    const refused = expectProblem(await receivePo(po, lines), 422);
    expect(Object.keys(refused.errors ?? {})).toEqual(['lines.0.quantity']);
    expect(await getPo(po.id)).toEqual(po);
    expect((await levelAt(api, v.id, A)).onHand).toBe(0);

    const got = parsedPo(await receivePo(po, lines, { overReason: 'Supplier sent a full case' }));
    expect(got).toMatchObject({ status: 'received' });
    expect(got.lines[0]).toMatchObject({ quantity: 5, received: 7 });
    expect(got.receipts[0]!.overReason).toBe('Supplier sent a full case');
    expect(await levelAt(api, v.id, A)).toMatchObject({ onHand: 7, onOrder: 0 });
    expect((await purchaseOrders({ variantId: v.id })).items[0]).toMatchObject({ units: 5, received: 7, status: 'received' });
  });

  it('refuse a stale version (409 with the order), a draft (409), a line not on the order and a missing body', async () => {
    const product = await suppliedProduct(S1);
    const v = product.variants[0]!;
    const drafted = await draft(S1, A, [{ variantId: v.id, quantity: 5 }]);
    const onDraft = expectProblem(await receivePo(drafted, [{ lineId: drafted.lines[0]!.id, quantity: 1 }]), 409);
    expect(purchaseOrderSchema.parse(onDraft.current)).toEqual(drafted);

    const po = parsedPo(await sendPo(drafted));
    const stale = expectProblem(await receivePo(drafted, [{ lineId: po.lines[0]!.id, quantity: 1 }]), 409);
    expect(purchaseOrderSchema.parse(stale.current)).toEqual(po);
    expectProblem(
      await api.post(`/purchase-orders/${po.id}/receipts`, {
        body: { lines: [{ lineId: po.lines[0]!.id, quantity: 1 }] },
        idempotencyKey: newKey(),
      }),
      428,
    );
    expect(errorKeys(await receivePo(po, [{ lineId: 'pol_nope', quantity: 1 }]))).toEqual(['lines.0.lineId']);
    expect(errorKeys(await receivePo(po, [{ lineId: po.lines[0]!.id, quantity: 0 }]))).toEqual(['lines']);
    expect(await getPo(po.id)).toEqual(po);
    expect(await ledgerOf(api, v.id, A)).toEqual([]);
    expectProblem(await api.get(`/purchase-orders/po_${uniqueId()}`), 404);
  });

  it('close the rest after a partial receipt: closed short, on order back to 0, on hand as received; a reason is needed', async () => {
    const product = await suppliedProduct(S1);
    const v = product.variants[0]!;
    const po = await sentPo(S1, A, [{ variantId: v.id, quantity: 8 }]);
    const part = parsedPo(await receivePo(po, [{ lineId: po.lines[0]!.id, quantity: 3 }]));
    expect(await levelAt(api, v.id, A)).toMatchObject({ onHand: 3, onOrder: 5 });

    expect(errorKeys(await closePo(part, ''))).toEqual(['reason']);
    expectProblem(await api.post(`/purchase-orders/${po.id}/close`, { body: { reason: 'x' }, idempotencyKey: newKey() }), 428);
    const stale = expectProblem(await closePo(po), 409);
    expect(purchaseOrderSchema.parse(stale.current)).toEqual(part);

    const closed = parsedPo(await closePo(part, 'Rest back-ordered for months'));
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'Rest back-ordered for months', version: part.version + 1 });
    expect(closed.lines[0]).toMatchObject({ quantity: 8, received: 3 });
    expect(closed.events.at(-1)!.type).toBe('closed');
    expect(await levelAt(api, v.id, A)).toMatchObject({ onHand: 3, onOrder: 0 });
    expect((await ledgerOf(api, v.id, A)).map((r) => r.reason)).toEqual(['received']);
    expectProblem(await receivePo(closed, [{ lineId: po.lines[0]!.id, quantity: 1 }]), 409);

    // A draft closes as cancelled.
    const drafted = await draft(S1, A, [{ variantId: v.id, quantity: 1 }]);
    expect(parsedPo(await closePo(drafted, 'Not needed')).status).toBe('cancelled');
    const log = await auditOf(admin, 'purchase_order', po.id);
    expect(log[0]).toMatchObject({ action: 'closed' });
  });

  it('are listed newest first, by status, supplier, location, variant and overdue', async () => {
    const supplier = await createSupplier({ leadTimeDays: 2 });
    const product = await suppliedProduct(supplier);
    const [v1, v2] = product.variants;
    const d = await draft(supplier, A, [{ variantId: v1!.id, quantity: 1 }]);
    const s = await sentPo(supplier, B, [{ variantId: v2!.id, quantity: 2 }]);
    const c = parsedPo(await closePo(await draft(supplier, A, [{ variantId: v2!.id, quantity: 3 }]), 'No'));
    const ids = async (query: Query, client = api) =>
      (await purchaseOrders({ supplierId: supplier.id, ...query }, client)).items.map((p) => p.id);

    const all = await purchaseOrders({ supplierId: supplier.id });
    expect(all.total).toBe(3);
    // Newest first (made one after another, so also highest number first).
    const created = all.items.map((p) => p.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(all.items.map((p) => p.number)).toEqual([c.number, s.number, d.number]);
    expect(all.items.every((p) => p.supplierId === supplier.id && p.supplierName === supplier.name)).toBe(true);
    expect(all.items.find((p) => p.id === s.id)).toMatchObject({ status: 'sent', locationId: B, units: 2, received: 0, overdue: false });
    expect(await ids({ status: 'draft' })).toEqual([d.id]);
    expect((await ids({ status: 'sent,cancelled' })).sort()).toEqual([c.id, s.id].sort());
    expect(await ids({ locationId: B })).toEqual([s.id]);
    expect((await ids({ variantId: v2!.id })).sort()).toEqual([c.id, s.id].sort());
    expect(await ids({ variantId: v1!.id }, support)).toEqual([d.id]);
    // Expected in two days: not overdue yet.
    expect(await ids({ overdue: true })).toEqual([]);
    const overdue = await purchaseOrders({ overdue: true });
    for (const p of overdue.items) {
      expect(p.overdue).toBe(true);
      expect(['sent', 'partially_received']).toContain(p.status);
      expect(p.expectedOn! < today).toBe(true);
    }
    const numbers = all.items.map((p) => p.number);
    expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
    expectProblem(await api.get('/purchase-orders', { query: { status: 'lost' } }), 400);
  });
});

describe('purchase orders from the reorder view', () => {
  it('draft one order per supplier and location, numbered on from the last; a variant nobody supplies is refused beside its row', async () => {
    const p1 = await suppliedProduct(S1);
    const p2 = await suppliedProduct(S2);
    const orphan = await suppliedProduct(null);
    const [a1, a2] = p1.variants;
    const b1 = p2.variants[0]!;
    const earlier = await draft(S1, A, [{ variantId: a1!.id, quantity: 1 }]);

    const refused = expectProblem(
      await api.post('/purchase-orders/from-reorder', {
        body: {
          items: [
            { variantId: a1!.id, locationId: A, quantity: 1 },
            { variantId: orphan.variants[0]!.id, locationId: A, quantity: 2 },
          ],
        },
        idempotencyKey: newKey(),
      }),
      422,
    );
    expect(Object.keys(refused.errors ?? {})).toEqual(['items.1.variantId']);
    expect((await purchaseOrders({ variantId: a1!.id })).items.map((p) => p.id)).toEqual([earlier.id]);

    const items = [
      { variantId: a1!.id, locationId: A, quantity: 10 },
      { variantId: b1.id, locationId: A, quantity: 4 },
      { variantId: a2!.id, locationId: A, quantity: 20 },
      { variantId: a1!.id, locationId: B, quantity: 5 },
    ];
    expectProblem(await api.post('/purchase-orders/from-reorder', { body: { items } }), 400);
    const made = reorderDraftResultSchema.parse(
      expectOk(await api.post('/purchase-orders/from-reorder', { body: { items }, idempotencyKey: newKey() }), 201),
    ).purchaseOrders;
    const groups = made.map((p) => ({
      supplierId: p.supplierId,
      locationId: p.locationId,
      status: p.status,
      lines: p.lines.map((l) => [l.variantId, l.quantity, l.unitCost]),
    }));
    expect(groups).toHaveLength(3);
    expect(groups).toEqual(
      expect.arrayContaining([
        {
          supplierId: S1.id,
          locationId: A,
          status: 'draft',
          lines: [
            [a1!.id, 10, 500],
            [a2!.id, 20, 600],
          ],
        },
        { supplierId: S2.id, locationId: A, status: 'draft', lines: [[b1.id, 4, 500]] },
        { supplierId: S1.id, locationId: B, status: 'draft', lines: [[a1!.id, 5, 500]] },
      ]),
    );
    const numbers = made.map((p) => p.number);
    expect(new Set(numbers).size).toBe(3);
    expect(Math.min(...numbers)).toBeGreaterThan(earlier.number);
    for (const p of made) expect(await getPo(p.id)).toEqual(p);
    const later = await draft(S1, A, [{ variantId: a2!.id, quantity: 1 }]);
    expect(later.number).toBeGreaterThan(Math.max(...numbers));
  });
});

// ------------------------------------------------------------------ a CSV delivery naming a purchase order

describe('a CSV delivery naming a purchase order', () => {
  it('is that order’s receipt: its received quantities rise and the ledger rows name it; a dry run changes nothing', async () => {
    const product = await suppliedProduct(S1);
    const other = await suppliedProduct(S1);
    const [v1, v2] = product.variants;
    const po = await sentPo(S1, A, [
      { variantId: v1!.id, quantity: 6 },
      { variantId: v2!.id, quantity: 2 },
    ]);
    const post = (body: Record<string, unknown>, key: string | null = newKey()) =>
      api.post('/inventory/receipts', { body, ...(key ? { idempotencyKey: key } : {}) });

    const rows = [
      { sku: v1!.sku, location: A, quantity: '2' },
      { sku: v1!.sku.toLowerCase(), location: A, quantity: '1' },
      { sku: v2!.sku, location: A, quantity: '2' },
    ];
    const dry = receiptResultSchema.parse(expectOk(await post({ rows, dryRun: true, purchaseOrder: String(po.number) }, null)));
    expect(dry).toMatchObject({ applied: false, okRows: 3, errorRows: 0, units: 5 });
    expect(await getPo(po.id)).toEqual(po);
    expect((await levelAt(api, v1!.id, A)).onHand).toBe(0);

    // A SKU not on the order, another location, more than is still to come: each beside its row; nothing received.
    const wrong = expectProblem(
      await post({
        rows: [
          { sku: other.variants[0]!.sku, location: A, quantity: '1' },
          { sku: v1!.sku, location: B, quantity: '1' },
          { sku: v2!.sku, location: A, quantity: '3' },
        ],
        purchaseOrder: `PO-${po.number}`,
      }),
      422,
    );
    expect(Object.keys(wrong.errors ?? {}).sort()).toEqual(['rows.0.sku', 'rows.1.location', 'rows.2.quantity']);
    expect(errorKeys(await post({ rows, purchaseOrder: 'PO-999999999' }))).toEqual(['purchaseOrder']);
    const drafted = await draft(S1, A, [{ variantId: v1!.id, quantity: 1 }]);
    expect(errorKeys(await post({ rows: [rows[0]!], purchaseOrder: `PO-${drafted.number}` }))).toEqual(['purchaseOrder']);
    expect(await getPo(po.id)).toEqual(po);

    const key = newKey();
    const applied = receiptResultSchema.parse(expectOk(await post({ rows, purchaseOrder: `PO-${po.number}`, note: 'Truck 7' }, key)));
    expect(applied).toMatchObject({ applied: true, okRows: 3, units: 5 });
    expect((await post({ rows, purchaseOrder: `PO-${po.number}`, note: 'Truck 7' }, key)).json).toEqual(applied);
    const after = await getPo(po.id);
    expect(after).toMatchObject({ status: 'partially_received', version: po.version + 1 });
    expect(after.lines.map((l) => l.received)).toEqual([3, 2]);
    expect(after.receipts).toHaveLength(1);
    expect(await levelAt(api, v1!.id, A)).toMatchObject({ onHand: 3, onOrder: 3 });
    expect(await levelAt(api, v2!.id, A)).toMatchObject({ onHand: 2, onOrder: 0 });
    const ledger = (await ledgerOf(api, v1!.id, A)).filter((r) => r.reason === 'received');
    expect(ledger.reduce((n, r) => n + r.quantity, 0)).toBe(3);
    expect(ledger.every((r) => r.purchaseOrderId === po.id && r.purchaseOrderNumber === po.number)).toBe(true);
    await expectLedgerExplainsLevels(api, v1!.id);
  });
});

// ------------------------------------------------------------------ transfers in transit

describe('transfers in transit', () => {
  it('leave now and arrive when received: in transit at the destination meanwhile, counted once', async () => {
    const product = await createProduct(api);
    const v = product.variants[0]!;
    await receive(api, v.id, A, 10);
    const [from, to] = [await levelAt(api, v.id, A), await levelAt(api, v.id, B)];
    const total = unitsOf(await levelsOf(api, v.id));
    const sent = stockChangeResultSchema.parse(
      expectOk(
        await api.post('/inventory/transfers', {
          body: {
            variantId: v.id,
            fromLocationId: A,
            toLocationId: B,
            fromVersion: from.version,
            toVersion: to.version,
            quantity: 4,
            inTransit: true,
            note: 'Van',
          },
          idempotencyKey: newKey(),
        }),
      ),
    );
    const transfer = transitTransferSchema.parse(sent.transfer);
    expect(transfer).toMatchObject({
      variantId: v.id,
      sku: v.sku,
      fromLocationId: A,
      toLocationId: B,
      quantity: 4,
      status: 'in_transit',
      note: 'Van',
      receivedAt: null,
    });
    expect(sent.movements.map((m) => [m.locationId, m.reason, m.quantity, m.transferId])).toEqual([[A, 'transfer_out', -4, transfer.id]]);

    const [atA, atB] = [await levelAt(api, v.id, A), await levelAt(api, v.id, B)];
    expect(atA).toMatchObject({ onHand: from.onHand - 4, inTransit: 0 });
    expect(atB).toMatchObject({ onHand: to.onHand, inTransit: 4 });
    expect(atB.daysOfCover).toBe(daysOfCover(atB.available + atB.onOrder + 4, atB.sold28));
    expect(unitsOf(await levelsOf(api, v.id))).toBe(total);
    await expectLedgerExplainsLevels(api, v.id);

    const listed = transitTransferListSchema.parse(expectOk(await api.get('/inventory/transfers', { query: { variantId: v.id } })));
    expect(listed.items).toEqual([transfer]);
    expect(
      transitTransferListSchema
        .parse(expectOk(await support.get('/inventory/transfers', { query: { locationId: B, status: 'in_transit', limit: 200 } })))
        .items.map((t) => t.id),
    ).toContain(transfer.id);

    const path = `/inventory/transfers/${transfer.id}/receive`;
    expectProblem(await api.post(path, { ifMatch: transfer.version }), 400);
    expectProblem(await api.post(path, { idempotencyKey: newKey() }), 428);
    expectProblem(await support.post(path, { ifMatch: transfer.version, idempotencyKey: newKey() }), 403);
    const key = newKey();
    const first = await api.post(path, { ifMatch: transfer.version, idempotencyKey: key });
    const arrived = stockChangeResultSchema.parse(expectOk(first));
    expect(arrived.transfer).toMatchObject({ id: transfer.id, status: 'received', version: transfer.version + 1 });
    expect(arrived.transfer!.receivedAt).not.toBeNull();
    expect(arrived.movements.map((m) => [m.locationId, m.reason, m.quantity, m.transferId])).toEqual([[B, 'transfer_in', 4, transfer.id]]);
    expect((await api.post(path, { ifMatch: transfer.version, idempotencyKey: key })).json).toEqual(first.json);

    // The answer's level is the destination as the inventory list reads it: on the shelf, off the road.
    const landed = await levelAt(api, v.id, B);
    expect(landed).toMatchObject({ onHand: to.onHand + 4, inTransit: 0 });
    expect(landed.daysOfCover).toBe(daysOfCover(landed.available + landed.onOrder, landed.sold28));
    expect(arrived.levels).toEqual([landed]);
    expect(unitsOf(await levelsOf(api, v.id))).toBe(total);
    const rows = await ledgerOf(api, v.id);
    expect(rows.filter((r) => r.transferId === transfer.id).map((r) => [r.locationId, r.reason, r.quantity])).toEqual([
      [A, 'transfer_out', -4],
      [B, 'transfer_in', 4],
    ]);
    await expectLedgerExplainsLevels(api, v.id);

    // Received once: a second receipt is refused with the transfer as it is.
    const twice = expectProblem(await api.post(path, { ifMatch: transfer.version + 1, idempotencyKey: newKey() }), 409);
    expect(transitTransferSchema.parse(twice.current)).toMatchObject({ id: transfer.id, status: 'received' });
    expectProblem(await api.post(path, { ifMatch: transfer.version, idempotencyKey: newKey() }), 409);
    expect((await levelAt(api, v.id, B)).onHand).toBe(to.onHand + 4);
    expect(
      transitTransferListSchema.parse(expectOk(await api.get('/inventory/transfers', { query: { variantId: v.id, status: 'received' } })))
        .items,
    ).toHaveLength(1);
    expectProblem(await api.post(`/inventory/transfers/trf_${uniqueId()}/receive`, { ifMatch: 1, idempotencyKey: newKey() }), 404);
  });
});

// ------------------------------------------------------------------ alerts

describe('alerts', () => {
  it('are raised by the write that starts a condition, shown while it lasts, and resolved when it ends', async () => {
    const product = await createProduct(api);
    const v = product.variants[0]!;
    await receive(api, v.id, A, 20);
    await policy(v.id, A, 5, 10);
    expect(await alertsOf(v.id)).toEqual([]);

    // Under the point: a reorder alert.
    await adjust(v.id, A, 'lost', 16);
    const reorderAlerts = await alertsOf(v.id);
    expect(reorderAlerts).toEqual([
      expect.objectContaining({
        kind: 'reorder',
        variantId: v.id,
        locationId: A,
        purchaseOrderId: null,
        title: expect.stringContaining(v.sku),
      }),
    ]);
    // Down to nothing available: out too, newest first.
    await adjust(v.id, A, 'damaged', 4);
    const both = await alertsOf(v.id);
    expect(both.map((a) => a.kind).sort()).toEqual(['out', 'reorder']);
    const out = both.find((a) => a.kind === 'out')!;
    expect(out).toMatchObject({ variantId: v.id, locationId: A, purchaseOrderId: null, title: expect.stringContaining('out of stock') });
    // Newest first: out was raised after reorder, which is the same alert as before.
    expect(both[0]!.raisedAt >= both[1]!.raisedAt).toBe(true);
    expect(out.raisedAt >= reorderAlerts[0]!.raisedAt).toBe(true);
    // The detail reads the level as it is now.
    expect(both.find((a) => a.kind === 'reorder')).toEqual({ ...reorderAlerts[0], detail: '0 available (0 on hand), nothing on order.' });
    // Support reads alerts.
    expect((await openAlerts(support)).filter((a) => a.variantId === v.id)).toEqual(both);

    // Stock in: both conditions end, both alerts go.
    await adjust(v.id, A, 'received', 30);
    expect(await alertsOf(v.id)).toEqual([]);
  });
  it('follow every write that moves a level: a transfer that empties one, an order sent or received that lifts it', async () => {
    const product = await suppliedProduct(S1, 6);
    const v = product.variants[0]!;
    await policy(v.id, A, 8, 10);
    const kinds = async () =>
      (await alertsOf(v.id))
        .filter((a) => a.locationId === A)
        .map((a) => a.kind)
        .sort();
    // Six on the shelf under a point of 8, set by hand: the setting started the condition.
    expect(await kinds()).toEqual(['reorder']);
    // All six leave in transit: out at A too.
    const [from, to] = [await levelAt(api, v.id, A), await levelAt(api, v.id, B)];
    expectOk(
      await api.post('/inventory/transfers', {
        body: {
          variantId: v.id,
          fromLocationId: A,
          toLocationId: B,
          fromVersion: from.version,
          toVersion: to.version,
          quantity: 6,
          inTransit: true,
        },
        idempotencyKey: newKey(),
      }),
    );
    expect(await kinds()).toEqual(['out', 'reorder']);
    // Ten on order lift the position (0 + 10) above the point: no longer due, still out.
    const po = await sentPo(S1, A, [{ variantId: v.id, quantity: 10 }]);
    expect(await kinds()).toEqual(['out']);
    // The delivery puts them on the shelf: nothing left to tell.
    expectOk(await receivePo(po, [{ lineId: po.lines[0]!.id, quantity: 10 }]));
    expect(await kinds()).toEqual([]);
  });

  it('are dismissed (204, then gone; 404 for an unknown one) until their condition starts again', async () => {
    const product = await createProduct(api);
    const v = product.variants[0]!;
    await receive(api, v.id, A, 3);
    await adjust(v.id, A, 'lost', 3);
    const [out] = await alertsOf(v.id);
    expect(out).toMatchObject({ kind: 'out', variantId: v.id, locationId: A });

    expectProblem(await support.post(`/alerts/${out!.id}/dismiss`), 403);
    const res = await api.post(`/alerts/${out!.id}/dismiss`);
    expect(res.status).toBe(204);
    expect(await alertsOf(v.id)).toEqual([]);
    expectProblem(await api.post(`/alerts/alr_${uniqueId()}/dismiss`), 404);

    // Still out after another write that leaves it out: it stays dismissed.
    await adjust(v.id, A, 'count_correction', 0);
    expect(await alertsOf(v.id)).toEqual([]);
    // In and out again: a new crossing, shown again, as a new alert (the dismissed one ended with its condition).
    await adjust(v.id, A, 'received', 2);
    await adjust(v.id, A, 'lost', 2);
    const again = await alertsOf(v.id);
    expect(again.map((a) => a.kind)).toEqual(['out']);
    expect(again[0]!.id).not.toBe(out!.id);
    // Long gone: dismissing the first one again finds nothing.
    expectProblem(await api.post(`/alerts/${out!.id}/dismiss`), 404);
  });

  it('end with their condition: stock in drops an out alert, and emptying the level again raises a new one', async () => {
    const product = await createProduct(api);
    const v = product.variants[0]!;
    await receive(api, v.id, A, 5);
    // Counted to nothing: out.
    await adjust(v.id, A, 'count_correction', 0);
    const [first, ...more] = await alertsOf(v.id);
    expect(more).toEqual([]);
    expect(first).toMatchObject({ kind: 'out', variantId: v.id, locationId: A });
    // Still out after another count that leaves it out: the same alert.
    await adjust(v.id, A, 'count_correction', 0);
    expect((await alertsOf(v.id)).map((a) => a.id)).toEqual([first!.id]);

    // Stock in: the condition ends and the alert is gone (not dismissable either: it no longer exists).
    await adjust(v.id, A, 'received', 3);
    expect(await alertsOf(v.id)).toEqual([]);
    expectProblem(await api.post(`/alerts/${first!.id}/dismiss`), 404);

    // Emptied again: a new alert, not the old one back.
    await adjust(v.id, A, 'lost', 3);
    const [second, ...others] = await alertsOf(v.id);
    expect(others).toEqual([]);
    expect(second).toMatchObject({ kind: 'out', variantId: v.id, locationId: A });
    expect(second!.id).not.toBe(first!.id);
    expect(second!.raisedAt >= first!.raisedAt).toBe(true);
  });
});

// ------------------------------------------------------------------ who may do what

describe('permissions and keys', () => {
  it('support reads the reorder view, purchase orders and alerts, and may change none of it (403)', async () => {
    expectOk(await support.get('/reorder', { query: { limit: 5 } }));
    expectOk(await support.get('/purchase-orders'));
    expectOk(await support.get('/alerts'));
    const product = await suppliedProduct(S1);
    const v = product.variants[0]!;
    const po = await draft(S1, A, [{ variantId: v.id, quantity: 1 }]);
    expect(await getPo(po.id, support)).toEqual(po);
    const level = await levelAt(api, v.id, A);
    const refused = [
      await support.post('/suppliers', { body: { name: `Nope ${uniqueId()}`, leadTimeDays: 1, minimumOrder: 0 } }),
      await support.put(`/suppliers/${S1.id}`, { body: { name: S1.name, leadTimeDays: 1, minimumOrder: 0 }, ifMatch: S1.version }),
      await support.put(`/variants/${v.id}/supply`, { body: { supplierId: null } }),
      await support.put(`/inventory/levels/${v.id}/${A}/reorder`, {
        body: { reorderPoint: 1, reorderQuantity: 1, safetyDays: 0 },
        ifMatch: level.version,
      }),
      await support.post('/purchase-orders', {
        body: { supplierId: S1.id, locationId: A, lines: [{ variantId: v.id, quantity: 1 }] },
        idempotencyKey: newKey(),
      }),
      await support.post('/purchase-orders/from-reorder', {
        body: { items: [{ variantId: v.id, locationId: A, quantity: 1 }] },
        idempotencyKey: newKey(),
      }),
      await support.put(`/purchase-orders/${po.id}`, {
        body: { lines: [{ variantId: v.id, quantity: 2 }] },
        ifMatch: po.version,
        idempotencyKey: newKey(),
      }),
      await support.post(`/purchase-orders/${po.id}/send`, { ifMatch: po.version, idempotencyKey: newKey() }),
      await support.post(`/purchase-orders/${po.id}/receipts`, {
        body: { lines: [{ lineId: po.lines[0]!.id, quantity: 1 }] },
        ifMatch: po.version,
        idempotencyKey: newKey(),
      }),
      await support.post(`/purchase-orders/${po.id}/close`, { body: { reason: 'x' }, ifMatch: po.version, idempotencyKey: newKey() }),
    ];
    for (const res of refused) expectProblem(res, 403);
    expect(await getPo(po.id)).toEqual(po);
    expect(await levelAt(api, v.id, A)).toEqual(level);
    expect((await suppliers()).find((s) => s.id === S1.id)).toMatchObject({ version: S1.version, name: S1.name });
  });

  it('a purchase order’s writes need an Idempotency-Key (400), and change nothing without one', async () => {
    const product = await suppliedProduct(S1);
    const v = product.variants[0]!;
    const before = (await purchaseOrders({ variantId: v.id })).total;
    expectProblem(await createPo({ supplierId: S1.id, locationId: A, lines: [{ variantId: v.id, quantity: 1 }] }, null), 400);
    expect((await purchaseOrders({ variantId: v.id })).total).toBe(before);
    const po = await draft(S1, A, [{ variantId: v.id, quantity: 2 }]);
    expectProblem(await sendPo(po, null), 400);
    expect(await getPo(po.id)).toEqual(po);
    const sent = parsedPo(await sendPo(po));
    expectProblem(await receivePo(sent, [{ lineId: sent.lines[0]!.id, quantity: 1 }], {}, null), 400);
    expectProblem(await closePo(sent, 'x', null), 400);
    expectProblem(
      await api.put(`/purchase-orders/${po.id}`, { body: { lines: [{ variantId: v.id, quantity: 1 }] }, ifMatch: sent.version }),
      400,
    );
    expect(await getPo(po.id)).toEqual(sent);
    expect((await levelAt(api, v.id, A)).onHand).toBe(0);
  });
});
