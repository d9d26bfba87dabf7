/**
 * Bulk pricing: preview equals apply, all or nothing, one batch per
 * Idempotency-Key, who may do what, schedules that start and end by themselves
 * (a few seconds ahead on the API's own clock, read back by polling), revert
 * reporting a conflicting later change, price history, and the CSV import.
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
} from '../../src/contract/pricing-schemas';
import { productToInput } from '../../src/contract/product-input';
import type { Product } from '../../src/contract/schemas';
import { testClock } from '../clock';
import { DEMO_ACCOUNTS, idOf, newKey, signIn, uniqueId, type ApiClient } from './driver';
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

const getBatch = async (id: string) => priceBatchSchema.parse(expectOk(await api.get(`/pricing/batches/${id}`)));

/** An id no batch has, on either backend. */
const missingBatchId = () => `pb_missing-${uniqueId()}`;

/**
 * The API's own "now": when it stamped the latest of these products. A schedule is set
 * a few seconds after it, so it waits on the clock that runs it, whichever backend.
 */
const apiNow = (products: Product[]) => Math.max(...products.map((p) => Date.parse(p.updatedAt)));

/** Reads until `read` answers what `done` wants; the deadline runs on the tests' clock. */
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, withinMs = 20_000): Promise<T> {
  const deadline = testClock() + withinMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (testClock() > deadline) throw new Error(`Waited ${withinMs} ms for ${what}; last read ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('bulk price change', () => {
  it('applies exactly what the preview showed, to every variant of the selection, answering 201 with its Location', async () => {
    const { tag, products } = await taggedProducts();
    const input = sale(tag);
    const shown = await preview(input);
    expect(shown.total).toBe(6);
    expect(shown.items.map((r) => r.variantId).sort()).toEqual(products.flatMap((p) => p.variants.map((v) => v.id)).sort());
    // A page of the preview: its rows, but totals over every row.
    const page = pricePreviewSchema.parse(
      expectOk(await api.post('/pricing/preview', { body: { selection: input.selection, change: input.change, limit: 2 } })),
    );
    expect(page).toEqual({ ...shown, items: shown.items.slice(0, 2) });
    const res = await apply(input);
    const batch = priceBatchSchema.parse(expectOk(res, 201));
    expect(res.headers.get('Location')).toBe(`/api/pricing/batches/${batch.id}`);
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

  it('is all or nothing: one flagged variant refuses the batch, naming each flagged SKU, and changes no price', async () => {
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
    expect(problem.detail).toMatch(/Nothing was changed/);
    expect(problem.errors).toEqual(
      Object.fromEntries(shown.items.filter((r) => r.flags.length).map((r) => [`variants.${r.sku}`, 'Under cost'])),
    );
    expect(await prices(products)).toEqual(before);
    expect(priceBatchListSchema.parse(expectOk(await api.get('/pricing/batches'))).total).toBe(batchesBefore);
  });

  it('applies once per Idempotency-Key, refuses the key reused for another request (422), and needs one (400)', async () => {
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
    expectProblem(await apply({ ...input, label: `Another ${tag}` }, key), 422);
    expectProblem(await apply(sale(tag), null), 400);
    expect(await prices(products)).toEqual(afterFirst);
    expect(priceBatchListSchema.parse(expectOk(await api.get('/pricing/batches'))).total).toBe(batchesBefore + 1);
  });

  it('answers 422 per field to a bad change, a change that changes nothing and an unknown product', async () => {
    const { tag, products } = await taggedProducts();
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
    const nothing = expectProblem(
      await apply(sale(tag, { change: { op: 'keep', unit: 'percent', value: 0, ending: 'none', compareAt: 'keep', minMarginBp: null } })),
      422,
    );
    expect(nothing.errors).toEqual({ 'change.op': 'Choose a change' });
    const unknown = expectProblem(
      await api.post('/pricing/preview', {
        body: { selection: { kind: 'products', ids: [products[0]!.id, `missing-${uniqueId()}`] }, change: sale(tag).change },
      }),
      422,
    );
    expect(Object.keys(unknown.errors ?? {})).toEqual(['selection.ids.1']);
  });

  it('lets every role read batches and history, and refuses preview, change, revert and import to one that may not edit prices (403)', async () => {
    const { tag } = await taggedProducts();
    const batch = priceBatchSchema.parse(expectOk(await apply(sale(tag)), 201));
    const [item] = priceBatchItemListSchema.parse(
      expectOk(await api.get(`/pricing/batches/${batch.id}/items`, { query: { limit: 1 } })),
    ).items;
    const support = await signIn('support');
    expect(
      priceBatchListSchema.parse(expectOk(await support.get('/pricing/batches', { query: { limit: 500 } }))).items.map((b) => b.id),
    ).toContain(batch.id);
    expect(priceBatchSchema.parse(expectOk(await support.get(`/pricing/batches/${batch.id}`))).id).toBe(batch.id);
    expect(
      priceHistoryListSchema.parse(expectOk(await support.get('/pricing/history', { query: { sku: item!.sku } }))).items[0]!.batchId,
    ).toBe(batch.id);
    const input = sale(tag);
    expectProblem(await support.post('/pricing/preview', { body: { selection: input.selection, change: input.change } }), 403);
    expectProblem(await support.post('/pricing/batches', { body: input, idempotencyKey: newKey() }), 403);
    expectProblem(await support.post(`/pricing/batches/${batch.id}/revert`, { idempotencyKey: newKey() }), 403);
    expectProblem(await support.post('/products/import', { body: { csv: 'sku,price\nX-1,1.00', dryRun: true } }), 403);
    expect((await getBatch(batch.id)).status).toBe('applied');
  });

  it('answers 400 naming a bad parameter of the batch list and the history', async () => {
    expect(Object.keys(expectProblem(await api.get('/pricing/batches', { query: { sort: 'price' } }), 400).errors ?? {})).toEqual(['sort']);
    expect(Object.keys(expectProblem(await api.get('/pricing/history', { query: { limit: 0 } }), 400).errors ?? {})).toEqual(['limit']);
  });
});

describe('scheduled batches', () => {
  it('take effect when their time comes, computed at the next read, and end by themselves', async () => {
    const { tag, products } = await taggedProducts();
    const startsAt = new Date(apiNow(products) + 3000).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + 4000).toISOString();
    const input = sale(tag, { startsAt, endsAt });
    const shown = await preview(input);
    const batch = priceBatchSchema.parse(expectOk(await apply(input), 201));
    expect(batch).toMatchObject({ status: 'scheduled', startsAt, endsAt, reports: [] });
    const before = await prices(products);
    for (const r of shown.items) expect(before.find((v) => v.variantId === r.variantId)).toEqual({ variantId: r.variantId, ...r.from });
    const scheduled = priceBatchListSchema.parse(
      expectOk(await api.get('/pricing/batches', { query: { status: 'scheduled', limit: 500 } })),
    );
    expect(scheduled.items.map((b) => b.id)).toContain(batch.id);
    expect(scheduled.items.every((b) => b.status === 'scheduled')).toBe(true);

    const row = shown.items.find((r) => !r.flags.length && r.from.price !== r.to.price)!;
    const price = async () => (await prices(products)).find((v) => v.variantId === row.variantId)!;
    await until('the schedule to start', price, (v) => v.price === row.to.price);
    expect(await getBatch(batch.id)).toMatchObject({ status: 'applied', reports: [{ step: 'start', at: startsAt }] });
    const history = priceHistoryListSchema.parse(expectOk(await api.get('/pricing/history', { query: { variantId: row.variantId } })));
    expect(history.items[0]).toMatchObject({ at: startsAt, batchId: batch.id, from: row.from, to: row.to, actor: { name: 'Schedule' } });

    await until('the schedule to end', price, (v) => v.price === row.from.price);
    expect(await prices(products)).toEqual(before);
    expect(await getBatch(batch.id)).toMatchObject({ status: 'ended', reports: [{ step: 'start' }, { step: 'end', at: endsAt }] });
  });

  it('can be cancelled before they start, and then never start', async () => {
    const [mine, control] = [await taggedProducts(), await taggedProducts()];
    const startsAt = new Date(apiNow([...mine.products, ...control.products]) + 3000).toISOString();
    const before = await prices(mine.products);
    const batch = priceBatchSchema.parse(expectOk(await apply(sale(mine.tag, { startsAt })), 201));
    // Another batch due at the same instant shows when that instant has passed on the API's clock.
    const other = priceBatchSchema.parse(expectOk(await apply(sale(control.tag, { startsAt })), 201));
    expect([batch.status, other.status]).toEqual(['scheduled', 'scheduled']);

    const cancelled = priceBatchSchema.parse(expectOk(await api.post(`/pricing/batches/${batch.id}/revert`, { idempotencyKey: newKey() })));
    expect(cancelled).toMatchObject({ status: 'reverted', reports: [{ step: 'revert', changed: 0, conflicts: [] }] });
    await until(
      'the other schedule to start',
      () => getBatch(other.id),
      (b) => b.status === 'applied',
    );
    expect((await getBatch(batch.id)).status).toBe('reverted');
    expect(await prices(mine.products)).toEqual(before);
  });

  it('refuse an end that is not in the future (422 on endsAt)', async () => {
    const { tag, products } = await taggedProducts();
    const before = await prices(products);
    const past = new Date(apiNow(products) - 60_000).toISOString();
    const problem = expectProblem(await apply(sale(tag, { endsAt: past })), 422);
    expect(problem.errors).toEqual({ endsAt: 'The end must be in the future' });
    expect(await prices(products)).toEqual(before);
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
    const twice = expectProblem(await api.post(`/pricing/batches/${batch.id}/revert`, { idempotencyKey: newKey() }), 409);
    expect(priceBatchSchema.parse(twice.current)).toEqual(reverted);
  });

  it('needs an Idempotency-Key (400), and answers 404 for an unknown batch', async () => {
    const { tag, products } = await taggedProducts();
    const batch = priceBatchSchema.parse(expectOk(await apply(sale(tag)), 201));
    const after = await prices(products);
    expectProblem(await api.post(`/pricing/batches/${batch.id}/revert`), 400);
    expect((await getBatch(batch.id)).status).toBe('applied');
    expect(await prices(products)).toEqual(after);
    const missing = missingBatchId();
    expectProblem(await api.get(`/pricing/batches/${missing}`), 404);
    expectProblem(await api.get(`/pricing/batches/${missing}/items`), 404);
    expectProblem(await api.post(`/pricing/batches/${missing}/revert`, { idempotencyKey: newKey() }), 404);
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
    const merch = { id: idOf('merchandiser'), name: DEMO_ACCOUNTS.merchandiser.name };
    expect(batchRows.map((h) => [h.action, h.from?.price, h.to.price, h.actor])).toEqual([
      ['price batch reverted', item!.to.price, item!.from.price, merch],
      ['bulk price change', item!.from.price, item!.to.price, merch],
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
    const [summary] = (expectOk(made) as { items: { id: string; title: string; status: string; categoryId: string; tags: string[] }[] })
      .items;
    expect(summary).toMatchObject({
      title: `Import Cable ${sku}`,
      status: 'active',
      categoryId: 'cables-chargers',
      tags: ['usb-c', 'new'],
    });
    const history = priceHistoryListSchema.parse(expectOk(await api.get('/pricing/history', { query: { sku: v.sku } })));
    expect(history.items[0]).toMatchObject({ action: 'imported', from: { price: v.price }, to: { price: v.price + 100 } });
    expectProblem(await importCsv(fixed, newKey()), 422);
  });

  const findProduct = async (q: string) => {
    const found = expectOk(await api.get('/products', { query: { q } })) as { items: { id: string }[] };
    expect(found.items).toHaveLength(1);
    return getProduct(api, found.items[0]!.id);
  };

  it("makes the rows of one handle one product, a variant each with its options, named by the handle's first row", async () => {
    const id = uniqueId().toLowerCase();
    const sku = `VAR-${id}`.toUpperCase();
    const handle = `import-band-${id}`;
    const csv = [
      'handle,sku,title,category,status,price,compare_at_price,cost,barcode,tags,option1_name,option1_value,option2_name,option2_value',
      `${handle},${sku}-BLK-S,Import Band ${id},Wearables,active,49.99,59.99,20.00,,fitness; new,Color,Black,Size,S`,
      `${handle},${sku}-BLK-M,,,,49.99,,20.00,,,Color,Black,Size,M`,
      `${handle},${sku}-RED-S,,,,52.99,,21.00,,,,Red,,S`,
    ].join('\n');
    const dry = productImportResultSchema.parse(expectOk(await importCsv(csv, null)));
    expect(dry.errors).toEqual([]);
    expect(dry.rows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
    expect(dry.rows[0]!.changes).toMatchObject({
      title: [null, `Import Band ${id}`],
      handle: [null, handle],
      status: [null, 'active'],
      tags: [null, ['fitness', 'new']],
      options: [null, { Color: 'Black', Size: 'S' }],
      price: [null, 4999],
      compareAtPrice: [null, 5999],
      cost: [null, 2000],
    });
    expect(dry.rows[2]!.changes).toMatchObject({
      handle: [null, handle],
      options: [null, { Color: 'Red', Size: 'S' }],
      price: [null, 5299],
    });
    expectOk(await importCsv(csv, newKey()));

    const product = await findProduct(`${sku}-RED-S`);
    expect(product).toMatchObject({
      title: `Import Band ${id}`,
      handle,
      status: 'active',
      tags: ['fitness', 'new'],
      options: [
        { name: 'Color', values: ['Black', 'Red'] },
        { name: 'Size', values: ['S', 'M'] },
      ],
    });
    expect(product.categoryId).toBeTruthy();
    expect(product.variants.map((v) => [v.sku, v.optionValues, v.price])).toEqual([
      [`${sku}-BLK-S`, ['Black', 'S'], 4999],
      [`${sku}-BLK-M`, ['Black', 'M'], 4999],
      [`${sku}-RED-S`, ['Red', 'S'], 5299],
    ]);
    expect(product.variants[0]).toMatchObject({ compareAtPrice: 5999, cost: 2000 });

    // The same file again updates the variants it made: nothing left to change.
    const again = productImportResultSchema.parse(expectOk(await importCsv(csv, null)));
    expect(again.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it("refuses a handle's rows that disagree on the option names or repeat a combination, by row and column", async () => {
    const id = uniqueId().toLowerCase();
    const sku = `MIS-${id}`.toUpperCase();
    const handle = `import-mismatch-${id}`;
    const csv = [
      'handle,sku,title,category,price,option1_name,option1_value,option2_name,option2_value',
      `${handle},${sku}-1,Mismatch ${id},audio,19.99,Color,Black,,`,
      `${handle},${sku}-2,,,19.99,Colour,White,,`,
      `${handle},${sku}-3,,,19.99,Color,Black,,`,
      `${handle},${sku}-4,Another title,,19.99,Color,Blue,Size,M`,
    ].join('\n');
    const dry = productImportResultSchema.parse(expectOk(await importCsv(csv, null)));
    expect(dry.rows.map((r) => r.action)).toEqual(['create', 'error', 'error', 'error']);
    expect(dry.errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [3, 'option1_name'],
        [4, 'option1_value'],
        [5, 'title'],
        [5, 'option2_name'],
      ]),
    );
    const refused = expectProblem(await importCsv(csv, newKey()), 422);
    expect(refused.errors).toHaveProperty(['rows.3.option1_name']);
    const found = expectOk(await api.get('/products', { query: { q: sku } })) as { items: unknown[] };
    expect(found.items).toEqual([]);
  });

  it('still imports a file without handle or option columns: one SKU, one product', async () => {
    const sku = `OLD-${uniqueId()}`.toUpperCase();
    const csv = [
      'sku,title,category,price,tags',
      `${sku}-A,Old File A ${sku},audio,9.99,a`,
      `${sku}-B,Old File B ${sku},audio,10.99,`,
    ].join('\n');
    const done = productImportResultSchema.parse(expectOk(await importCsv(csv, newKey())));
    expect(done).toMatchObject({ applied: true, created: 2 });
    const a = await findProduct(`${sku}-A`);
    expect(a).toMatchObject({ title: `Old File A ${sku}`, options: [], tags: ['a'] });
    expect(a.variants.map((v) => [v.sku, v.optionValues])).toEqual([[`${sku}-A`, []]]);
    expect((await findProduct(`${sku}-B`)).variants).toHaveLength(1);
  });

  it('refuses an empty file (422 on csv), even for a dry run', async () => {
    expect(Object.keys(expectProblem(await importCsv('', null), 422).errors ?? {})).toEqual(['csv']);
  });

  it('reads back a formula-guarded cell as it was', async () => {
    const sku = `GUARD-${uniqueId()}`.toUpperCase();
    expectOk(await importCsv(`sku,title,category,price\n${sku},'=Cable ${sku},audio,5.00`, newKey()));
    const found = expectOk(await api.get('/products', { query: { q: sku } })) as { items: { title: string }[] };
    expect(found.items.map((i) => i.title)).toEqual([`=Cable ${sku}`]);
  });
});
