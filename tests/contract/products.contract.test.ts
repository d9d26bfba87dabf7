/**
 * Products: the list's paging, sorting and filters; create, update with
 * If-Match, validation as 422 with field paths, uniqueness, bulk status all or
 * nothing with an Idempotency-Key, and the audit entry of a write.
 */
import {
  auditListSchema,
  bulkStatusResultSchema,
  categoryListSchema,
  productListResponseSchema,
  productSchema,
  tagListSchema,
  type ProductInput,
  type ProductSummary,
} from '../../src/contract/schemas';
import { CATEGORIES } from '../../src/contract/constants';
import { upcCheckDigit } from '../../src/contract/values/upc';
import { productToInput } from '../../src/contract/product-input';
import { DEMO_ACCOUNTS, idOf, newKey, signIn, uniqueId, type ApiClient, type Query } from './driver';
import { createProduct, expectOk, expectProblem, getProduct, levelsOf, locationIds, newProductInput, receive } from './fixtures';

let api: ApiClient;
beforeAll(async () => {
  api = await signIn('admin');
});

async function list(query: Query) {
  return productListResponseSchema.parse(expectOk(await api.get('/products', { query })));
}

/** Every product, page by page. */
async function everyProduct(): Promise<ProductSummary[]> {
  const rows: ProductSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await list({ sort: 'title', limit: 500, offset });
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) return rows;
  }
}

/** A valid UPC-A nobody else has: seeded barcodes start with 8, these with 2. */
function newBarcode(): string {
  const body = `2${Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => b % 10).join('')}`;
  return body + upcCheckDigit(body);
}

/** A new product whose first variant has a barcode. */
async function createWithBarcode(over: Partial<ProductInput> = {}) {
  const input = newProductInput(over);
  input.variants[0] = { ...input.variants[0]!, barcode: newBarcode() };
  return productSchema.parse(expectOk(await api.post('/products', { body: input }), 201));
}

describe('GET /products', () => {
  it('answers { items, total }: 25 by default, newest change first', async () => {
    const page = await list({});
    expect(page.items.length).toBe(Math.min(25, page.total));
    const times = page.items.map((p) => Date.parse(p.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages: consecutive pages join into one longer page, and total counts every match', async () => {
    const long = await list({ sort: 'title', limit: 30 });
    const [a, b] = [await list({ sort: 'title', limit: 10, offset: 10 }), await list({ sort: 'title', limit: 10, offset: 20 })];
    expect([...a.items, ...b.items].map((p) => p.id)).toEqual(long.items.slice(10, 30).map((p) => p.id));
    expect(a.total).toBe(long.total);
    const past = await list({ offset: long.total + 5 });
    expect(past).toEqual({ items: [], total: long.total });
  });

  const key = (p: ProductSummary, sort: string): number | string =>
    sort === 'title'
      ? p.title.toLowerCase()
      : sort === 'price'
        ? p.priceMin
        : sort === 'stock'
          ? p.stock
          : sort === 'variantCount'
            ? p.variantCount
            : Date.parse(p.updatedAt);

  it.each(['title', '-title', 'price', '-price', 'stock', '-stock', 'variantCount', '-variantCount', 'updatedAt'])(
    'sorts by %s on the server',
    async (sort) => {
      const page = await list({ sort, limit: 100 });
      const field = sort.replace(/^-/, '');
      const values = page.items.map((p) => key(p, field));
      const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      expect(values).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted);
    },
  );

  it('breaks ties by id in the sort’s direction, so pages never overlap or skip a product', async () => {
    const tied: { sort: string; a?: string; b?: string; inOrder: boolean }[] = [];
    const sorts = ['price', '-price', 'stock', '-stock', 'variantCount', '-variantCount'];
    for (const sort of sorts) {
      const page = await list({ sort, limit: 100 });
      const field = sort.replace(/^-/, '');
      const ties = page.items.slice(1).flatMap((p, i) => (key(p, field) === key(page.items[i]!, field) ? [[page.items[i]!.id, p.id]] : []));
      const desc = sort.startsWith('-');
      tied.push(...ties.map(([a, b]) => ({ sort, a, b, inOrder: desc ? a! > b! : a! < b! })));
    }
    // Every sort has ties among its first 100 rows, else this would prove nothing.
    expect(new Set(tied.map((t) => t.sort))).toEqual(new Set(sorts));
    expect(tied.filter((t) => !t.inOrder)).toEqual([]);
  });

  it('filters by status (a comma list or repeated), category, tag, price range and text', async () => {
    const archivedDraft = await list({ status: 'archived,draft', limit: 500 });
    expect(archivedDraft.items.every((p) => p.status === 'archived' || p.status === 'draft')).toBe(true);
    const [archived, draft] = [await list({ status: 'archived' }), await list({ status: 'draft' })];
    expect(archivedDraft.total).toBe(archived.total + draft.total);
    const repeated = productListResponseSchema.parse(expectOk(await api.get('/products?status=archived&status=draft&limit=500')));
    expect(repeated).toEqual(archivedDraft);

    const audio = await list({ categoryId: 'audio', limit: 500 });
    expect(audio.total).toBeGreaterThan(0);
    expect(audio.items.every((p) => p.categoryId === 'audio')).toBe(true);

    const mine = await createProduct(api, { tags: [`only-${uniqueId()}`] });
    const tagged = await list({ tag: mine.tags[0]! });
    expect(tagged.items.map((p) => p.id)).toEqual([mine.id]);

    const priced = await list({ priceMin: 2000, priceMax: 3000, limit: 500 });
    expect(priced.total).toBeGreaterThan(0);
    expect(priced.items.every((p) => p.priceMax >= 2000 && p.priceMin <= 3000)).toBe(true);

    const bySku = await list({ q: mine.variants[1]!.sku.toLowerCase() });
    expect(bySku).toEqual({ total: 1, items: [expect.objectContaining({ id: mine.id, skus: mine.variants.map((v) => v.sku) })] });
    const byTitle = await list({ q: mine.title.toUpperCase() });
    expect(byTitle.items.map((p) => p.id)).toEqual([mine.id]);
    expect(await list({ q: `no such thing ${uniqueId()}` })).toEqual({ items: [], total: 0 });
  });

  it('reads a price range as "some variant costs within it", both bounds included', async () => {
    // Variants at 19.99 and 24.99: a range between them overlaps the product's span but holds no variant.
    const mine = await createProduct(api);
    const tag = mine.tags[0]!;
    const found = async (range: Query) => (await list({ tag, ...range })).items.map((p) => p.id);
    expect(mine.variants.map((v) => v.price)).toEqual([1999, 2499]);
    expect(await found({ priceMin: 2000, priceMax: 2400 })).toEqual([]);
    expect(await found({ priceMin: 2400, priceMax: 2600 })).toEqual([mine.id]);
    expect(await found({ priceMin: 2499 })).toEqual([mine.id]);
    expect(await found({ priceMax: 1999 })).toEqual([mine.id]);
    expect(await found({ priceMin: 2500 })).toEqual([]);
  });

  it('finds a product by the start of a barcode when the text is all digits, not by digits inside it', async () => {
    const mine = await createWithBarcode();
    const barcode = mine.variants[0]!.barcode!;
    expect((await list({ q: barcode.slice(0, 8) })).items.map((p) => p.id)).toContain(mine.id);
    expect((await list({ q: barcode })).items.map((p) => p.id)).toEqual([mine.id]);
    expect((await list({ q: barcode.slice(1), limit: 500 })).items.map((p) => p.id)).not.toContain(mine.id);
  });

  it('summarises a product: price range, stock summed over warehouses, SKUs', async () => {
    const mine = await createProduct(api);
    const [a, b] = await locationIds(api);
    await receive(api, mine.variants[0]!.id, a!, 3);
    await receive(api, mine.variants[0]!.id, b!, 4);
    await receive(api, mine.variants[1]!.id, a!, 2);
    const [row] = (await list({ q: mine.title })).items;
    expect(row).toMatchObject({
      id: mine.id,
      priceMin: Math.min(...mine.variants.map((v) => v.price)),
      priceMax: Math.max(...mine.variants.map((v) => v.price)),
      stock: 9,
      variantCount: 2,
      skus: mine.variants.map((v) => v.sku),
    });
  });

  it('answers 400 naming each bad parameter', async () => {
    const problem = expectProblem(await api.get('/products', { query: { limit: 0, sort: 'colour', status: 'gone' } }), 400);
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual(['limit', 'sort', 'status.0']);
  });

  it('counts products per category (every category, in the shop’s order) and per tag in use (most used first)', async () => {
    const mine = await createProduct(api, { categoryId: 'smart-home', tags: [`count-${uniqueId()}`] });
    const products = await everyProduct();
    const categories = categoryListSchema.parse(expectOk(await api.get('/categories')));
    expect(categories.items.map((c) => [c.id, c.productCount])).toEqual(
      CATEGORIES.map((c) => [c.id, products.filter((p) => p.categoryId === c.id).length]),
    );
    const tags = tagListSchema.parse(expectOk(await api.get('/tags')));
    const inUse = new Map<string, number>();
    for (const p of products) for (const t of new Set(p.tags)) inUse.set(t, (inUse.get(t) ?? 0) + 1);
    const expected = [...inUse]
      .map(([tag, productCount]) => ({ tag, productCount }))
      .sort((x, y) => y.productCount - x.productCount || (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0));
    expect(tags.items).toEqual(expected);
    expect(tags.items.find((t) => t.tag === mine.tags[0])?.productCount).toBe(1);
  });
});

describe('GET /products/:id', () => {
  it('returns the product with its version as ETag, and 404 as a problem', async () => {
    const mine = await createProduct(api);
    const res = await api.get(`/products/${mine.id}`);
    expect(productSchema.parse(expectOk(res))).toEqual(mine);
    expect(res.headers.get('ETag')).toBe(`"${mine.version}"`);
    expect(expectProblem(await api.get(`/products/missing-${uniqueId()}`), 404).title).toBe('Product not found');
    // Past any row id a database holds: not found, not PostgreSQL's integer overflow.
    expectProblem(await api.get('/products/prod_9999999999'), 404);
  });
});

describe('POST /products', () => {
  it('creates with server ids, version 1, no stock, and answers 201 with Location and ETag', async () => {
    const input = newProductInput();
    const res = await api.post('/products', { body: input });
    const product = productSchema.parse(expectOk(res, 201));
    expect(product).toMatchObject({ title: input.title, handle: input.handle, version: 1 });
    expect(product.variants.map((v) => [v.sku, v.version, v.stock, v.productId])).toEqual(
      input.variants.map((v) => [v.sku, 1, 0, product.id]),
    );
    expect(res.headers.get('Location')).toBe(`/api/products/${product.id}`);
    expect(res.headers.get('ETag')).toBe('"1"');
    expect(await getProduct(api, product.id)).toEqual(product);
  });

  it('works without an Idempotency-Key (create is not a bulk change)', async () => {
    expect(productSchema.parse(expectOk(await api.post('/products', { body: newProductInput() }), 201)).version).toBe(1);
  });

  it('makes one product when the same create is sent twice with one Idempotency-Key', async () => {
    const input = newProductInput();
    const key = newKey();
    const first = productSchema.parse(expectOk(await api.post('/products', { body: input, idempotencyKey: key }), 201));
    const again = await api.post('/products', { body: input, idempotencyKey: key });
    expect(productSchema.parse(expectOk(again, 201))).toEqual(first);
    expect((await list({ q: input.variants[0]!.sku })).items.map((p) => p.id)).toEqual([first.id]);
  });

  it('answers 422 with a message per field path, and creates nothing', async () => {
    const input = newProductInput({ title: '' });
    input.variants[0] = { ...input.variants[0]!, sku: 'bad sku!', barcode: '036000291453', price: 0 };
    input.variants[1] = { ...input.variants[1]!, compareAtPrice: 100 };
    const problem = expectProblem(await api.post('/products', { body: input }), 422);
    expect(problem.errors).toMatchObject({
      title: 'Enter a title',
      'variants.0.sku': 'Letters, digits, dot, dash and underscore only',
      'variants.0.barcode': 'The check digit does not match: check the barcode',
      'variants.0.price': 'Enter a price above $0.00',
      'variants.1.compareAtPrice': 'Compare-at price must be above the price',
    });
    expect((await list({ q: input.variants[1]!.sku })).total).toBe(0);
  });

  it('refuses a handle, SKU or barcode another product uses (422 per field, naming that product), SKUs compared case-insensitively', async () => {
    const other = await createWithBarcode();
    const taken = other.variants[0]!;
    const input = newProductInput({ handle: other.handle });
    input.variants[1] = { ...input.variants[1]!, sku: taken.sku.toLowerCase(), barcode: taken.barcode };
    const problem = expectProblem(await api.post('/products', { body: input }), 422);
    const label = `${other.title} — ${taken.optionValues.join(' / ')}`;
    expect(problem.errors).toEqual({
      handle: `Another product already uses this handle (${other.title})`,
      'variants.1.sku': `Another product already uses this SKU (${label})`,
      'variants.1.barcode': `Another product already uses this barcode (${label})`,
    });
    expect((await list({ q: input.variants[0]!.sku })).total).toBe(0);
  });

  it('refuses an unknown category and a barcode repeated within the product', async () => {
    const input = newProductInput({ categoryId: `garden-${uniqueId()}` });
    const barcode = newBarcode();
    input.variants = input.variants.map((v) => ({ ...v, barcode }));
    const problem = expectProblem(await api.post('/products', { body: input }), 422);
    expect(problem.errors).toEqual({
      categoryId: 'Choose one of the shop’s categories',
      'variants.1.barcode': 'Same barcode as variant 1',
    });
  });

  it('answers 400 to a body that is not JSON', async () => {
    expect(expectProblem(await api.post('/products', { body: '{nope' }), 400).status).toBe(400);
  });
});

describe('PUT /products/:id', () => {
  it('saves with If-Match, bumping the version and sending the new ETag', async () => {
    const p = await createProduct(api);
    const res = await api.put(`/products/${p.id}`, { body: { ...productToInput(p), title: `${p.title} v2` }, ifMatch: p.version });
    const saved = productSchema.parse(expectOk(res));
    expect(saved).toMatchObject({ title: `${p.title} v2`, version: p.version + 1, createdAt: p.createdAt });
    expect(res.headers.get('ETag')).toBe(`"${saved.version}"`);
  });

  it('refuses a stale If-Match with 409 and the current product, changing nothing', async () => {
    const p = await createProduct(api);
    expectOk(await api.put(`/products/${p.id}`, { body: { ...productToInput(p), title: 'Renamed once' }, ifMatch: p.version }));
    const problem = expectProblem(
      await api.put(`/products/${p.id}`, { body: { ...productToInput(p), title: 'Renamed from a stale copy' }, ifMatch: p.version }),
      409,
    );
    expect(problem.title).toBe('Someone else changed this product');
    expect(problem.detail).toBeTruthy();
    const current = productSchema.parse(problem.current);
    expect(current).toMatchObject({ title: 'Renamed once', version: p.version + 1 });
    expect((await getProduct(api, p.id)).title).toBe('Renamed once');
  });

  it('bumps the product’s version on every save, even one that changes nothing; If-Match may be weak or unquoted', async () => {
    const p = await createProduct(api);
    const weak = productSchema.parse(
      expectOk(await api.put(`/products/${p.id}`, { body: productToInput(p), ifMatch: `W/"${p.version}"` })),
    );
    expect(weak.version).toBe(p.version + 1);
    expect(weak.variants.map((v) => v.version)).toEqual(p.variants.map((v) => v.version));
    const bare = productSchema.parse(
      expectOk(await api.put(`/products/${p.id}`, { body: productToInput(weak), ifMatch: String(weak.version) })),
    );
    expect(bare.version).toBe(p.version + 2);
  });

  it('saves variants by id: a changed one gets a new version, an unchanged one keeps it, both keep their stock; a new one starts empty; a left-out one is gone and frees its SKU', async () => {
    const three = newProductInput();
    const [first, second] = three.variants;
    three.options = [{ name: 'Length', values: ['1 m', '2 m', '3 m'] }];
    three.variants = [first!, second!, { ...second!, optionValues: ['3 m'], sku: second!.sku.replace(/2M$/, '3M') }];
    const p = productSchema.parse(expectOk(await api.post('/products', { body: three }), 201));
    const locations = await locationIds(api);
    await receive(api, p.variants[0]!.id, locations[0]!, 3);
    await receive(api, p.variants[1]!.id, locations[1]!, 2);
    const before = await getProduct(api, p.id);
    const levelsBefore = [await levelsOf(api, p.variants[0]!.id), await levelsOf(api, p.variants[1]!.id)];

    const input = productToInput(before);
    const [changed, unchanged, removed] = input.variants;
    input.options = [{ name: 'Length', values: ['1 m', '2 m', '4 m'] }];
    input.variants = [
      { ...changed!, price: changed!.price + 100 },
      unchanged!,
      {
        optionValues: ['4 m'],
        sku: second!.sku.replace(/2M$/, '4M'),
        barcode: null,
        price: 1999,
        compareAtPrice: null,
        cost: null,
        weightGrams: null,
      },
    ];
    const after = productSchema.parse(expectOk(await api.put(`/products/${p.id}`, { body: input, ifMatch: before.version })));

    expect(after).toMatchObject({ version: before.version + 1, createdAt: before.createdAt });
    expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    const [v0, v1, v2] = before.variants;
    expect(after.variants.map((v) => [v.id, v.version, v.stock])).toEqual([
      [v0!.id, v0!.version + 1, 3],
      [v1!.id, v1!.version, 2],
      [expect.any(String), 1, 0],
    ]);
    const added = after.variants[2]!;
    expect(before.variants.map((v) => v.id)).not.toContain(added.id);
    // Stock levels follow their variants: kept as they were, none left for the removed one, empty ones for the new one.
    expect([await levelsOf(api, v0!.id), await levelsOf(api, v1!.id)]).toEqual(levelsBefore);
    expect(await levelsOf(api, v2!.id)).toEqual([]);
    const fresh = await levelsOf(api, added.id);
    expect(fresh.map((l) => [l.locationId, l.onHand, l.reserved])).toEqual(locations.map((id) => [id, 0, 0]));
    // The save is the newest change in the shop.
    expect((await list({ limit: 1 })).items[0]?.id).toBe(p.id);
    // The removed variant's SKU is free again.
    const reuse = newProductInput();
    reuse.variants[0] = { ...reuse.variants[0]!, sku: removed!.sku };
    expectOk(await api.post('/products', { body: reuse }), 201);
  });

  it('refuses a variant id from another product (422 on that variant’s id)', async () => {
    const [p, other] = [await createProduct(api), await createProduct(api)];
    const input = productToInput(p);
    input.variants[0] = { ...input.variants[0]!, id: other.variants[0]!.id };
    const problem = expectProblem(await api.put(`/products/${p.id}`, { body: input, ifMatch: p.version }), 422);
    expect(Object.keys(problem.errors ?? {})).toEqual(['variants.0.id']);
    expect(await getProduct(api, p.id)).toEqual(p);
  });

  it('needs If-Match (428)', async () => {
    const p = await createProduct(api);
    expectProblem(await api.put(`/products/${p.id}`, { body: productToInput(p) }), 428);
    expect((await getProduct(api, p.id)).version).toBe(p.version);
  });

  it('answers 422 with field paths to an invalid update, and 404 for an unknown product', async () => {
    const p = await createProduct(api);
    const input = productToInput(p);
    input.variants[1] = { ...input.variants[1]!, price: -5 };
    const problem = expectProblem(await api.put(`/products/${p.id}`, { body: input, ifMatch: p.version }), 422);
    expect(Object.keys(problem.errors ?? {})).toEqual(['variants.1.price']);
    expect(await getProduct(api, p.id)).toEqual(p);
    expectProblem(await api.put(`/products/missing-${uniqueId()}`, { body: productToInput(p), ifMatch: 1 }), 404);
  });

  it('refuses another product’s SKU on update', async () => {
    const [p, other] = [await createProduct(api), await createProduct(api)];
    const input = productToInput(p);
    input.variants[0] = { ...input.variants[0]!, sku: other.variants[1]!.sku };
    const problem = expectProblem(await api.put(`/products/${p.id}`, { body: input, ifMatch: p.version }), 422);
    expect(Object.keys(problem.errors ?? {})).toEqual(['variants.0.sku']);
  });
});

describe('POST /products/bulk-status', () => {
  it('needs an Idempotency-Key (400)', async () => {
    const p = await createProduct(api);
    expectProblem(await api.post('/products/bulk-status', { body: { ids: [p.id], status: 'archived' } }), 400);
    expect((await getProduct(api, p.id)).status).toBe('active');
  });

  it('changes all or nothing: one unknown id refuses the batch (422 naming it)', async () => {
    const [a, b] = [await createProduct(api), await createProduct(api)];
    const missing = `missing-${uniqueId()}`;
    const problem = expectProblem(
      await api.post('/products/bulk-status', { body: { ids: [a.id, b.id, missing], status: 'archived' }, idempotencyKey: newKey() }),
      422,
    );
    expect(problem.errors).toEqual({ 'ids.2': `No product has the id ${missing}` });
    expect([await getProduct(api, a.id), await getProduct(api, b.id)]).toEqual([a, b]);
  });

  it('counts and bumps only the products whose status changes', async () => {
    const [a, b] = [await createProduct(api), await createProduct(api, { status: 'archived' })];
    const res = await api.post('/products/bulk-status', { body: { ids: [a.id, b.id], status: 'archived' }, idempotencyKey: newKey() });
    expect(bulkStatusResultSchema.parse(expectOk(res))).toEqual({ updated: 1 });
    expect((await getProduct(api, a.id)).version).toBe(a.version + 1);
    expect(await getProduct(api, b.id)).toEqual(b);
  });

  it('applies once per key and replays the first answer; the key with another body is refused', async () => {
    const [a, b] = [await createProduct(api), await createProduct(api)];
    const key = newKey();
    const body = { ids: [a.id, b.id], status: 'archived' };
    const first = await api.post('/products/bulk-status', { body, idempotencyKey: key });
    expect(bulkStatusResultSchema.parse(expectOk(first))).toEqual({ updated: 2 });
    expect((await getProduct(api, a.id)).status).toBe('archived');
    // Someone re-activates a; a retry of the first request must not archive it again.
    expectOk(await api.post('/products/bulk-status', { body: { ids: [a.id], status: 'active' }, idempotencyKey: newKey() }));
    const retry = await api.post('/products/bulk-status', { body, idempotencyKey: key });
    expect({ status: retry.status, json: retry.json }).toEqual({ status: first.status, json: first.json });
    expect((await getProduct(api, a.id)).status).toBe('active');
    expectProblem(await api.post('/products/bulk-status', { body: { ...body, status: 'draft' }, idempotencyKey: key }), 422);
    expect((await getProduct(api, b.id)).status).toBe('archived');
  });
});

describe('the audit log of product writes', () => {
  it('records who changed what and when: only the changed fields before and after, prices as entries of their own', async () => {
    const merch = await signIn('merchandiser');
    const p = await createProduct(merch);
    const renamed = `${p.title} renamed`;
    const input = productToInput(p);
    const variant = input.variants[0]!;
    input.variants[0] = { ...variant, price: variant.price + 100 };
    const saved = productSchema.parse(
      expectOk(await merch.put(`/products/${p.id}`, { body: { ...input, title: renamed }, ifMatch: p.version })),
    );
    const bulk = { body: { ids: [p.id], status: 'archived' }, idempotencyKey: newKey() };
    expectOk(await merch.post('/products/bulk-status', bulk));
    const archived = await getProduct(merch, p.id);
    const manager = await signIn('manager');
    const entries = async () => auditListSchema.parse(expectOk(await manager.get('/audit', { query: { entityId: p.id, sort: 'at' } })));
    const log = await entries();
    const actor = { id: idOf('merchandiser'), name: DEMO_ACCOUNTS.merchandiser.name, role: 'merchandiser' };
    expect(log.items.map((e) => [e.entityType, e.action, e.at])).toEqual([
      ['product', 'created', p.createdAt],
      ['price', 'created', p.createdAt],
      ['product', 'updated', saved.updatedAt],
      ['price', 'updated', saved.updatedAt],
      ['product', 'status changed', archived.updatedAt],
    ]);
    for (const entry of log.items) expect(entry).toMatchObject({ actor, entityId: p.id });
    expect(log.items[0]!.before).toMatchObject({ title: null });
    expect(log.items[0]!.after).toMatchObject({ title: p.title });
    expect(log.items[2]).toMatchObject({ before: { title: p.title }, after: { title: renamed } });
    expect(Object.keys(log.items[2]!.after)).toEqual(['title']);
    expect(log.items[3]).toMatchObject({
      before: { [`variants.${variant.sku}.price`]: variant.price },
      after: { [`variants.${variant.sku}.price`]: variant.price + 100 },
    });
    expect(Object.keys(log.items[3]!.after)).toEqual([`variants.${variant.sku}.price`]);
    expect(log.items[4]).toMatchObject({ before: { status: 'active' }, after: { status: 'archived' } });
    // A refused write and a replayed one record nothing.
    expectProblem(await merch.put(`/products/${p.id}`, { body: { ...productToInput(p), title: 'stale' }, ifMatch: p.version }), 409);
    expectOk(await merch.post('/products/bulk-status', bulk));
    expect(await entries()).toEqual(log);
  });
});

describe('anything else under /api', () => {
  it('answers 404 as a problem', async () => {
    const path = `/nothing-here-${uniqueId()}`;
    const problem = expectProblem(await api.get(path), 404);
    expect(problem).toMatchObject({ title: 'Not found', detail: `GET /api${path} is not part of the API.` });
  });
});
