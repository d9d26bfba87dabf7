/**
 * Bulk pricing: preview equals apply, all or nothing, one batch per
 * Idempotency-Key, revert reporting a conflicting later change, price history.
 * Each test prices products of its own, selected by a tag only they carry.
 */
import {
  productImportResultSchema,
  priceBatchItemListSchema,
  priceBatchListSchema,
  priceBatchSchema,
  priceHistoryListSchema,
  pricePreviewSchema,
  type PriceBatchInput,
} from '../../src/api/pricing-schemas';
import { productToInput } from '../../src/api/product-input';
import type { Product } from '../../src/api/schemas';
import { idOf, newKey, signIn, uniqueId, type ApiClient } from './driver';
import { createProduct, expectOk, expectProblem, getProduct, newProductInput } from './fixtures';

let api: ApiClient;
beforeAll(async () => {
  api = await signIn('merchandiser');
});

/** Three products of the test's own, sharing a fresh tag. */
async function taggedProducts(): Promise<{ tag: string; products: Product[] }> {
  const tag = `pricing-${uniqueId()}`;
  const products: Product[] = [];
  for (let i = 0; i < 3; i++) products.push(await createProduct(api, { tags: [tag] }));
  return { tag, products };
}

const sale = (tag: string, over: Partial<PriceBatchInput> = {}): PriceBatchInput => ({
  label: `Contract sale ${tag}`,
  selection: { kind: 'filter', tag },
  change: { op: 'lower', unit: 'percent', value: 2000, ending: '99', compareAt: 'start-sale', minMarginBp: null },
  skipFlagged: true,
  ...over,
});

async function preview(input: PriceBatchInput) {
  return pricePreviewSchema.parse(
    expectOk(await api.post('/pricing/preview', { body: { selection: input.selection, change: input.change, limit: 500 } })),
  );
}

const apply = (input: PriceBatchInput, key: string | null = newKey()) =>
  api.post('/pricing/batches', { body: input, ...(key ? { idempotencyKey: key } : {}) });

async function prices(products: Product[]) {
  const now = await Promise.all(products.map((p) => getProduct(api, p.id)));
  return now.flatMap((p) => p.variants.map((v) => ({ variantId: v.id, price: v.price, compareAtPrice: v.compareAtPrice })));
}

describe('bulk price change', () => {
  it('applies exactly what the preview showed, to every variant of the selection', async () => {
    const { tag, products } = await taggedProducts();
    const input = sale(tag);
    const shown = await preview(input);
    expect(shown.total).toBe(6);
    expect(shown.items.map((r) => r.variantId).sort()).toEqual(products.flatMap((p) => p.variants.map((v) => v.id)).sort());
    const batch = priceBatchSchema.parse(expectOk(await apply(input), 201));
    const toChange = shown.items.filter(
      (r) => !r.flags.length && (r.from.price !== r.to.price || r.from.compareAtPrice !== r.to.compareAtPrice),
    );
    expect(batch).toMatchObject({
      status: 'applied',
      variantCount: toChange.length,
      skipped: shown.totals.flagged,
      createdBy: { id: idOf('merchandiser') },
    });
    expect(toChange.length).toBeGreaterThan(0);
    const now = await prices(products);
    for (const row of shown.items) {
      expect(now.find((v) => v.variantId === row.variantId)).toEqual({
        variantId: row.variantId,
        ...(row.flags.length ? row.from : row.to),
      });
    }
    const items = priceBatchItemListSchema.parse(expectOk(await api.get(`/pricing/batches/${batch.id}/items`, { query: { limit: 500 } })));
    expect(items.items.map((i) => [i.variantId, i.to]).sort()).toEqual(toChange.map((r) => [r.variantId, r.to]).sort());
  });

  it('is all or nothing: one flagged variant refuses the batch and changes no price', async () => {
    const { tag, products } = await taggedProducts();
    // $15 off takes the $19.99 variants under their $5.00 cost; the $24.99 ones stay above theirs.
    const input = sale(tag, {
      change: { op: 'lower', unit: 'amount', value: 1500, ending: 'none', compareAt: 'keep', minMarginBp: null },
      skipFlagged: false,
    });
    const shown = await preview(input);
    expect(shown.totals.flagged).toBeGreaterThan(0);
    expect(shown.totals.changed).toBeGreaterThan(shown.totals.flagged);
    const before = await prices(products);
    const batchesBefore = priceBatchListSchema.parse(expectOk(await api.get('/pricing/batches'))).total;
    const problem = expectProblem(await apply(input), 422);
    expect(Object.keys(problem.errors ?? {}).length).toBeGreaterThan(0);
    expect(await prices(products)).toEqual(before);
    expect(priceBatchListSchema.parse(expectOk(await api.get('/pricing/batches'))).total).toBe(batchesBefore);
  });

  it('applies once per Idempotency-Key, and needs one', async () => {
    const { tag, products } = await taggedProducts();
    const input = sale(tag);
    const key = newKey();
    const batchesBefore = priceBatchListSchema.parse(expectOk(await api.get('/pricing/batches'))).total;
    const first = priceBatchSchema.parse(expectOk(await apply(input, key), 201));
    const afterFirst = await prices(products);
    const again = priceBatchSchema.parse(expectOk(await apply(input, key), 201));
    expect(again.id).toBe(first.id);
    expect(await prices(products)).toEqual(afterFirst);
    expect(priceBatchListSchema.parse(expectOk(await api.get('/pricing/batches'))).total).toBe(batchesBefore + 1);
    expectProblem(await apply(sale(tag), null), 400);
  });

  it('answers 422 per field to a bad change, and 403 to a role that may not edit prices', async () => {
    const { tag } = await taggedProducts();
    const bad = expectProblem(
      await api.post('/pricing/preview', {
        body: {
          selection: { kind: 'filter', tag },
          change: { op: 'lower', unit: 'percent', value: 12_000, ending: 'none', compareAt: 'keep', minMarginBp: null },
        },
      }),
      422,
    );
    expect(Object.keys(bad.errors ?? {})).toEqual(['change.value']);
    const support = await signIn('support');
    expectProblem(await support.post('/pricing/batches', { body: sale(tag), idempotencyKey: newKey() }), 403);
  });
});

describe('reverting', () => {
  it('restores the batch’s prices but reports a variant changed since instead of overwriting it; twice is 409', async () => {
    const { tag, products } = await taggedProducts();
    const before = await prices(products);
    const batch = priceBatchSchema.parse(expectOk(await apply(sale(tag)), 201));
    const items = priceBatchItemListSchema.parse(
      expectOk(await api.get(`/pricing/batches/${batch.id}/items`, { query: { limit: 500 } })),
    ).items;
    const touched = items[0]!;

    // A colleague edits one of the sale prices afterwards.
    const p = await getProduct(api, touched.productId);
    const edited = productToInput(p);
    const i = p.variants.findIndex((v) => v.id === touched.variantId);
    edited.variants[i] = { ...edited.variants[i]!, price: 1234, compareAtPrice: null };
    expectOk(await api.put(`/products/${p.id}`, { body: edited, ifMatch: p.version }));

    const reverted = priceBatchSchema.parse(expectOk(await api.post(`/pricing/batches/${batch.id}/revert`, { idempotencyKey: newKey() })));
    expect(reverted.status).toBe('reverted');
    const report = reverted.reports.at(-1)!;
    expect(report.step).toBe('revert');
    expect(report.conflicts).toEqual([
      expect.objectContaining({ variantId: touched.variantId, expected: touched.to, current: { price: 1234, compareAtPrice: null } }),
    ]);
    expect(report.changed).toBe(batch.variantCount - 1);

    const now = await prices(products);
    for (const was of before) {
      const expected = was.variantId === touched.variantId ? { variantId: was.variantId, price: 1234, compareAtPrice: null } : was;
      expect(now.find((v) => v.variantId === was.variantId)).toEqual(expected);
    }
    expectProblem(await api.post(`/pricing/batches/${batch.id}/revert`, { idempotencyKey: newKey() }), 409);
  });
});

describe('price history', () => {
  it('lists the batch and its revert for a variant, newest first, with who did it', async () => {
    const { tag } = await taggedProducts();
    const batch = priceBatchSchema.parse(expectOk(await apply(sale(tag)), 201));
    const [item] = priceBatchItemListSchema.parse(
      expectOk(await api.get(`/pricing/batches/${batch.id}/items`, { query: { limit: 1 } })),
    ).items;
    expectOk(await api.post(`/pricing/batches/${batch.id}/revert`, { idempotencyKey: newKey() }));
    const history = priceHistoryListSchema.parse(expectOk(await api.get('/pricing/history', { query: { sku: item!.sku } })));
    const batchRows = history.items.filter((h) => h.batchId === batch.id);
    expect(batchRows.map((h) => [h.action, h.from?.price, h.to.price, h.actor.id])).toEqual([
      ['price batch reverted', item!.to.price, item!.from.price, idOf('merchandiser')],
      ['bulk price change', item!.from.price, item!.to.price, idOf('merchandiser')],
    ]);
    expect(history.items[0]!.batchId).toBe(batch.id);
  });

  it('records a price edited on the product too', async () => {
    const p = await createProduct(api, newProductInput());
    const input = productToInput(p);
    input.variants[0] = { ...input.variants[0]!, price: input.variants[0]!.price + 100 };
    expectOk(await api.put(`/products/${p.id}`, { body: input, ifMatch: p.version }));
    const history = priceHistoryListSchema.parse(expectOk(await api.get('/pricing/history', { query: { variantId: p.variants[0]!.id } })));
    expect(history.items[0]).toMatchObject({
      batchId: null,
      from: { price: p.variants[0]!.price },
      to: { price: p.variants[0]!.price + 100 },
      actor: { id: idOf('merchandiser') },
    });
  });
});

describe('CSV import', () => {
  const importCsv = (csv: string, key: string | null) =>
    api.post('/products/import', { body: { csv, dryRun: key === null }, ...(key ? { idempotencyKey: key } : {}) });

  it('dry-runs every row with its errors by row and column, then applies all rows or none, once per key', async () => {
    const p = await createProduct(api, newProductInput());
    const v = p.variants[0]!;
    const sku = `IMP-${uniqueId()}`.toUpperCase();
    const csv = [
      'sku,title,category,status,price,compare_at_price,cost,barcode,tags',
      `${v.sku},,,,${((v.price + 100) / 100).toFixed(2)},,,,`,
      `${sku},Import Cable ${sku},Cables & Chargers,active,12.99,,5.00,,usb-c; new`,
      `${sku}-2,,power,,abc,,,12345,`,
    ].join('\n');
    const dry = productImportResultSchema.parse(expectOk(await importCsv(csv, null)));
    expect(dry).toMatchObject({ dryRun: true, applied: false, created: 1, updated: 1, unchanged: 0 });
    expect(dry.rows.map((r) => r.action)).toEqual(['update', 'create', 'error']);
    expect(dry.rows[0]!.changes).toEqual({ price: [v.price, v.price + 100] });
    expect(dry.errors).toEqual(
      expect.arrayContaining([
        { row: 4, column: 'price', message: '“abc” is not an amount in dollars, like 19.99' },
        { row: 4, column: 'barcode', message: 'A UPC-A barcode is 12 digits' },
        { row: 4, column: 'title', message: 'A new product needs a title' },
      ]),
    );

    const refused = expectProblem(await importCsv(csv, newKey()), 422);
    expect(refused.errors).toHaveProperty(['rows.4.price']);
    expect((await getProduct(api, p.id)).variants[0]!.price).toBe(v.price);
    expectProblem(await api.post('/products/import', { body: { csv, dryRun: false } }), 400);

    const fixed = csv.split('\n').slice(0, 3).join('\n');
    const key = newKey();
    const done = productImportResultSchema.parse(expectOk(await importCsv(fixed, key)));
    expect(done).toMatchObject({ dryRun: false, applied: true, created: 1, updated: 1 });
    const after = await getProduct(api, p.id);
    expect(after.variants[0]).toMatchObject({ price: v.price + 100, version: v.version + 1 });
    expect(after.version).toBe(p.version + 1);
    expect(productImportResultSchema.parse(expectOk(await importCsv(fixed, key)))).toEqual(done);
    expect((await getProduct(api, p.id)).version).toBe(after.version);

    const made = await api.get('/products', { query: { q: sku } });
    const [summary] = (expectOk(made) as { items: { id: string; title: string; status: string; tags: string[] }[] }).items;
    expect(summary).toMatchObject({ title: `Import Cable ${sku}`, status: 'active', tags: ['usb-c', 'new'] });
    const history = priceHistoryListSchema.parse(expectOk(await api.get('/pricing/history', { query: { sku: v.sku } })));
    expect(history.items[0]).toMatchObject({ action: 'imported', from: { price: v.price }, to: { price: v.price + 100 } });
    expectProblem(await importCsv(fixed, newKey()), 422);
  });

  it('reads back a formula-guarded cell as it was', async () => {
    const sku = `GUARD-${uniqueId()}`.toUpperCase();
    expectOk(await importCsv(`sku,title,category,price\n${sku},'=Cable ${sku},audio,5.00`, newKey()));
    const found = expectOk(await api.get('/products', { query: { q: sku } })) as { items: { title: string }[] };
    expect(found.items.map((i) => i.title)).toEqual([`=Cable ${sku}`]);
  });
});
