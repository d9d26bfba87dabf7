/**
 * Bulk pricing over the real msw path: preview equals apply, all or nothing,
 * Idempotency-Key, schedules computed at read time, revert with a conflicting
 * later change, price history, and the CSV import's dry run and apply.
 */
import {
  priceBatchSchema,
  pricePreviewSchema,
  priceHistoryListSchema,
  productImportResultSchema,
  type PriceBatchInput,
} from '../../src/api/pricing-schemas';
import { problemSchema, productSchema, type Product } from '../../src/api/schemas';
import { productToInput } from '../../src/api/product-input';
import { mockDb, resetMockDb, server, signInAs } from '../../mocks/node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  resetMockDb();
  signInAs('merchandiser');
});

async function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

const audioSale = (over: Partial<PriceBatchInput> = {}): PriceBatchInput => ({
  label: 'Audio sale',
  selection: { kind: 'filter', categoryId: 'audio' },
  change: { op: 'lower', unit: 'percent', value: 2000, ending: '99', compareAt: 'start-sale', minMarginBp: null },
  skipFlagged: true,
  ...over,
});

async function preview(input: PriceBatchInput, limit = 500) {
  const res = await call('POST', '/api/pricing/preview', { body: { selection: input.selection, change: input.change, limit } });
  expect(res.status).toBe(200);
  return pricePreviewSchema.parse(res.json);
}

async function apply(input: PriceBatchInput, key = crypto.randomUUID()) {
  return call('POST', '/api/pricing/batches', { body: input, headers: { 'Idempotency-Key': key } });
}

async function product(id: string): Promise<Product> {
  return productSchema.parse((await call('GET', `/api/products/${id}`)).json);
}

function variantOf(p: Product, variantId: string) {
  const v = p.variants.find((x) => x.id === variantId);
  if (!v) throw new Error(`no variant ${variantId}`);
  return v;
}

describe('bulk price change', () => {
  it('applies exactly what the preview showed, to every variant of the selection', async () => {
    const input = audioSale();
    const shown = await preview(input);
    expect(shown.total).toBeGreaterThan(20);
    expect(shown.total).toBeLessThanOrEqual(500);
    const res = await apply(input);
    expect(res.status).toBe(201);
    const batch = priceBatchSchema.parse(res.json);
    const toChange = shown.items.filter(
      (r) => !r.flags.length && (r.from.price !== r.to.price || r.from.compareAtPrice !== r.to.compareAtPrice),
    );
    expect(batch).toMatchObject({ status: 'applied', variantCount: toChange.length, skipped: shown.totals.flagged });

    for (const row of shown.items) {
      const v = variantOf(await product(row.productId), row.variantId);
      const expected = row.flags.length ? row.from : row.to;
      expect({ sku: v.sku, price: v.price, compareAtPrice: v.compareAtPrice }).toEqual({ sku: row.sku, ...expected });
    }
    // A 20 % sale ending .99 with the old price as compare-at.
    const sample = toChange[0]!;
    expect(sample.to.price % 100).toBe(99);
    expect(sample.to.compareAtPrice).toBeGreaterThan(sample.to.price);
  });

  it('is all or nothing: one flagged variant refuses the batch and changes no price', async () => {
    const db = mockDb();
    const before = [...db.allRecords()].map((r) => r.product.variants.map((v) => v.price).join(',')).join('|');
    // Lowering every audio price by $30 takes some under zero or under cost.
    const input = audioSale({
      change: { op: 'lower', unit: 'amount', value: 3000, ending: 'none', compareAt: 'keep', minMarginBp: null },
      skipFlagged: false,
    });
    const shown = await preview(input);
    expect(shown.totals.flagged).toBeGreaterThan(0);
    expect(shown.totals.changed).toBeGreaterThan(shown.totals.flagged);
    const res = await apply(input);
    expect(res.status).toBe(422);
    const problem = problemSchema.parse(res.json);
    expect(problem.detail).toMatch(/Nothing was changed/);
    expect(Object.values(problem.errors ?? {}).join(' ')).toMatch(/Zero or negative|Under cost/);
    const after = [...db.allRecords()].map((r) => r.product.variants.map((v) => v.price).join(',')).join('|');
    expect(after).toBe(before);
    expect((await call('GET', '/api/pricing/batches')).json).toMatchObject({ total: 0 });
  });

  it('applies once per Idempotency-Key, and needs one', async () => {
    const input = audioSale();
    const key = crypto.randomUUID();
    const first = priceBatchSchema.parse((await apply(input, key)).json);
    const again = await apply(input, key);
    expect(again.status).toBe(201);
    expect(priceBatchSchema.parse(again.json).id).toBe(first.id);
    expect((await call('GET', '/api/pricing/batches')).json).toMatchObject({ total: 1 });
    const without = await call('POST', '/api/pricing/batches', { body: input });
    expect(without.status).toBe(400);
  });

  it('refuses support (403) and a bad change with per-field messages (422)', async () => {
    const bad = await call('POST', '/api/pricing/preview', {
      body: {
        selection: { kind: 'filter' },
        change: { op: 'lower', unit: 'percent', value: 12_000, ending: 'none', compareAt: 'keep', minMarginBp: null },
      },
    });
    expect(bad.status).toBe(422);
    expect(problemSchema.parse(bad.json).errors).toHaveProperty('change.value');
    signInAs('support');
    expect((await apply(audioSale())).status).toBe(403);
  });

  it('reverts a batch, and reports a variant changed since instead of overwriting it', async () => {
    const batch = priceBatchSchema.parse((await apply(audioSale())).json);
    const items = (await call('GET', `/api/pricing/batches/${batch.id}/items?limit=500`)).json as {
      items: { productId: string; variantId: string; from: { price: number; compareAtPrice: number | null } }[];
    };
    const touched = items.items[0]!;
    const untouched = items.items.find((i) => i.productId !== touched.productId)!;

    // A colleague edits one of the sale prices afterwards.
    const p = await product(touched.productId);
    const edited = productToInput(p);
    const i = p.variants.findIndex((v) => v.id === touched.variantId);
    edited.variants[i] = { ...edited.variants[i]!, price: 1234, compareAtPrice: null };
    expect((await call('PUT', `/api/products/${p.id}`, { body: edited, headers: { 'If-Match': `"${p.version}"` } })).status).toBe(200);

    const res = await call('POST', `/api/pricing/batches/${batch.id}/revert`, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(res.status).toBe(200);
    const reverted = priceBatchSchema.parse(res.json);
    expect(reverted.status).toBe('reverted');
    const report = reverted.reports.at(-1)!;
    expect(report.step).toBe('revert');
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ variantId: touched.variantId, current: { price: 1234, compareAtPrice: null } });
    expect(report.changed).toBe(batch.variantCount - 1);

    expect(variantOf(await product(touched.productId), touched.variantId)).toMatchObject({ price: 1234 });
    expect(variantOf(await product(untouched.productId), untouched.variantId)).toMatchObject(untouched.from);
    // Reverting twice is a conflict, not a second restore.
    expect(
      (await call('POST', `/api/pricing/batches/${batch.id}/revert`, { headers: { 'Idempotency-Key': crypto.randomUUID() } })).status,
    ).toBe(409);
  });

  it('keeps each variant’s price history: the batch, the edit and the revert, newest first', async () => {
    const batch = priceBatchSchema.parse((await apply(audioSale())).json);
    const items = (await call('GET', `/api/pricing/batches/${batch.id}/items?limit=1`)).json as {
      items: { sku: string; from: { price: number }; to: { price: number } }[];
    };
    const item = items.items[0]!;
    await call('POST', `/api/pricing/batches/${batch.id}/revert`, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
    const history = priceHistoryListSchema.parse((await call('GET', `/api/pricing/history?sku=${item.sku}`)).json);
    expect(history.items.map((h) => [h.action, h.batchId, h.from?.price, h.to.price, h.actor.name])).toEqual([
      ['price batch reverted', batch.id, item.to.price, item.from.price, 'Mia Merchandiser'],
      ['bulk price change', batch.id, item.from.price, item.to.price, 'Mia Merchandiser'],
    ]);
  });
});

describe('scheduled batches', () => {
  it('take effect when their time comes, computed at the next read, and end by themselves', async () => {
    const db = mockDb();
    const t0 = Date.parse('2026-11-27T04:00:00Z');
    db.now = () => t0;
    const startsAt = '2026-11-28T05:00:00.000Z'; // Saturday midnight in New York
    const endsAt = '2026-11-30T05:00:00.000Z';
    const input = audioSale({ startsAt, endsAt });
    const shown = await preview(input);
    const batch = priceBatchSchema.parse((await apply(input)).json);
    expect(batch).toMatchObject({ status: 'scheduled', startsAt, endsAt });
    const row = shown.items.find((r) => !r.flags.length && r.from.price !== r.to.price)!;
    expect(variantOf(await product(row.productId), row.variantId)).toMatchObject(row.from);

    db.now = () => Date.parse(startsAt) + 1;
    expect(variantOf(await product(row.productId), row.variantId)).toMatchObject(row.to);
    const started = priceBatchSchema.parse((await call('GET', `/api/pricing/batches/${batch.id}`)).json);
    expect(started).toMatchObject({ status: 'applied', reports: [{ step: 'start', at: startsAt }] });
    const history = priceHistoryListSchema.parse((await call('GET', `/api/pricing/history?variantId=${row.variantId}`)).json);
    expect(history.items[0]).toMatchObject({ at: startsAt, batchId: batch.id, actor: { name: 'Schedule' } });

    db.now = () => Date.parse(endsAt) + 1;
    expect(variantOf(await product(row.productId), row.variantId)).toMatchObject(row.from);
    expect(priceBatchSchema.parse((await call('GET', `/api/pricing/batches/${batch.id}`)).json).status).toBe('ended');
  });

  it('can be cancelled before they start', async () => {
    mockDb().now = () => Date.parse('2026-11-27T04:00:00Z');
    const batch = priceBatchSchema.parse((await apply(audioSale({ startsAt: '2026-12-01T05:00:00Z' }))).json);
    const res = await call('POST', `/api/pricing/batches/${batch.id}/revert`, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(priceBatchSchema.parse(res.json)).toMatchObject({ status: 'reverted', reports: [{ step: 'revert', changed: 0 }] });
    mockDb().now = () => Date.parse('2026-12-02T05:00:00Z');
    expect(priceBatchSchema.parse((await call('GET', `/api/pricing/batches/${batch.id}`)).json).status).toBe('reverted');
  });
});

describe('CSV import', () => {
  const existing = () => [...mockDb().allRecords()][0]!.product;

  it('dry-runs every row with its errors by row and column, then applies all rows or none', async () => {
    const p = existing();
    const v = p.variants[0]!;
    const csv = [
      'sku,title,category,status,price,compare_at_price,cost,barcode,tags',
      `${v.sku},,,,${((v.price + 100) / 100).toFixed(2)},,,,`,
      'NEW-IMPORT-1,Import Cable,Cables & Chargers,active,12.99,,5.00,,usb-c; new',
      'NEW-IMPORT-2,,power,,abc,,,12345,',
    ].join('\n');
    const dry = productImportResultSchema.parse((await call('POST', '/api/products/import', { body: { csv, dryRun: true } })).json);
    expect(dry.rows.map((r) => r.action)).toEqual(['update', 'create', 'error']);
    expect(dry.rows[0]!.changes).toEqual({ price: [v.price, v.price + 100] });
    expect(dry.errors).toEqual(
      expect.arrayContaining([
        { row: 4, column: 'price', message: '“abc” is not an amount in dollars, like 19.99' },
        { row: 4, column: 'barcode', message: 'A UPC-A barcode is 12 digits' },
        { row: 4, column: 'title', message: 'A new product needs a title' },
      ]),
    );

    const refused = await call('POST', '/api/products/import', {
      body: { csv, dryRun: false },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(refused.status).toBe(422);
    expect(problemSchema.parse(refused.json).errors).toHaveProperty('rows.4.price');
    expect(mockDb().getProduct(p.id)!.variants[0]!.price).toBe(v.price);
    expect(mockDb().ownerOfSku('NEW-IMPORT-1')).toBeUndefined();

    const fixed = csv.split('\n').slice(0, 3).join('\n');
    const done = await call('POST', '/api/products/import', {
      body: { csv: fixed, dryRun: false },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(productImportResultSchema.parse(done.json)).toMatchObject({ applied: true, created: 1, updated: 1 });
    expect(mockDb().getProduct(p.id)!.variants[0]!.price).toBe(v.price + 100);
    expect(mockDb().ownerOfSku('NEW-IMPORT-1')?.product).toMatchObject({
      title: 'Import Cable',
      categoryId: 'cables-chargers',
      tags: ['usb-c', 'new'],
    });
  });

  it('reads back a formula-guarded cell as it was', async () => {
    const csv = "sku,title,category,price\nNEW-GUARD-1,'=Cable,audio,5.00";
    await call('POST', '/api/products/import', { body: { csv, dryRun: false }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(mockDb().ownerOfSku('NEW-GUARD-1')?.product.title).toBe('=Cable');
  });
});
