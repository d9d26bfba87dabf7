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
  type ProductSummary,
} from '../../src/api/schemas';
import { productToInput } from '../../src/api/product-input';
import { DEMO_ACCOUNTS, idOf, newKey, signIn, uniqueId, type ApiClient, type Query } from './driver';
import { createProduct, expectOk, expectProblem, getProduct, newProductInput } from './fixtures';

let api: ApiClient;
beforeAll(async () => {
  api = await signIn('admin');
});

async function list(query: Query) {
  return productListResponseSchema.parse(expectOk(await api.get('/products', { query })));
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

  it('filters by status (a comma list or repeated), category, tag, price range and text', async () => {
    const archivedDraft = await list({ status: 'archived,draft', limit: 500 });
    expect(archivedDraft.items.every((p) => p.status === 'archived' || p.status === 'draft')).toBe(true);
    const [archived, draft] = [await list({ status: 'archived' }), await list({ status: 'draft' })];
    expect(archivedDraft.total).toBe(archived.total + draft.total);

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

  it('summarises a product: price range, stock over warehouses, SKUs', async () => {
    const mine = await createProduct(api);
    const [row] = (await list({ q: mine.title })).items;
    expect(row).toMatchObject({
      id: mine.id,
      priceMin: Math.min(...mine.variants.map((v) => v.price)),
      priceMax: Math.max(...mine.variants.map((v) => v.price)),
      stock: 0,
      variantCount: 2,
      skus: mine.variants.map((v) => v.sku),
    });
  });

  it('answers 400 naming each bad parameter', async () => {
    const problem = expectProblem(await api.get('/products', { query: { limit: 0, sort: 'colour', status: 'gone' } }), 400);
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual(['limit', 'sort', 'status.0']);
  });

  it('counts products per category and tag', async () => {
    const categories = categoryListSchema.parse(expectOk(await api.get('/categories')));
    const audio = categories.items.find((c) => c.id === 'audio');
    expect(audio?.productCount).toBe((await list({ categoryId: 'audio' })).total);
    const mine = await createProduct(api, { tags: [`count-${uniqueId()}`] });
    const tags = tagListSchema.parse(expectOk(await api.get('/tags')));
    expect(tags.items.find((t) => t.tag === mine.tags[0])?.productCount).toBe(1);
  });
});

describe('GET /products/:id', () => {
  it('returns the product with its version as ETag, and 404 as a problem', async () => {
    const mine = await createProduct(api);
    const res = await api.get(`/products/${mine.id}`);
    expect(productSchema.parse(expectOk(res))).toEqual(mine);
    expect(res.headers.get('ETag')).toBe(`"${mine.version}"`);
    expectProblem(await api.get(`/products/missing-${uniqueId()}`), 404);
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

  it('refuses a handle or SKU another product uses (422, naming the field), compared case-insensitively', async () => {
    const other = await createProduct(api);
    const input = newProductInput({ handle: other.handle });
    input.variants[1] = { ...input.variants[1]!, sku: other.variants[0]!.sku.toLowerCase() };
    const problem = expectProblem(await api.post('/products', { body: input }), 422);
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual(['handle', 'variants.1.sku']);
    expect(problem.errors?.handle).toContain(other.title);
    expect((await list({ q: input.variants[0]!.sku })).total).toBe(0);
  });

  it('refuses an unknown category', async () => {
    const problem = expectProblem(await api.post('/products', { body: newProductInput({ categoryId: `garden-${uniqueId()}` }) }), 422);
    expect(Object.keys(problem.errors ?? {})).toEqual(['categoryId']);
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
    const current = productSchema.parse(problem.current);
    expect(current).toMatchObject({ title: 'Renamed once', version: p.version + 1 });
    expect((await getProduct(api, p.id)).title).toBe('Renamed once');
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
    expect(Object.keys(problem.errors ?? {})).toEqual(['ids.2']);
    expect([await getProduct(api, a.id), await getProduct(api, b.id)]).toEqual([a, b]);
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
  it('records who changed what: only the changed fields, before and after', async () => {
    const merch = await signIn('merchandiser');
    const p = await createProduct(merch);
    const renamed = `${p.title} renamed`;
    expectOk(await merch.put(`/products/${p.id}`, { body: { ...productToInput(p), title: renamed }, ifMatch: p.version }));
    expectOk(await merch.post('/products/bulk-status', { body: { ids: [p.id], status: 'archived' }, idempotencyKey: newKey() }));
    const manager = await signIn('manager');
    const log = auditListSchema.parse(
      expectOk(await manager.get('/audit', { query: { entityId: p.id, entityType: 'product', sort: 'at' } })),
    );
    const actor = { id: idOf('merchandiser'), name: DEMO_ACCOUNTS.merchandiser.name, role: 'merchandiser' };
    expect(log.items.map((e) => e.action)).toEqual(['created', 'updated', 'status changed']);
    expect(log.items[1]).toMatchObject({ actor, entityId: p.id, before: { title: p.title }, after: { title: renamed } });
    expect(Object.keys(log.items[1]!.after)).toEqual(['title']);
    expect(log.items[2]).toMatchObject({ before: { status: 'active' }, after: { status: 'archived' } });
    // A refused write records nothing.
    expectProblem(await merch.put(`/products/${p.id}`, { body: { ...productToInput(p), title: 'stale' }, ifMatch: p.version }), 409);
    expect(auditListSchema.parse(expectOk(await manager.get('/audit', { query: { entityId: p.id, entityType: 'product' } }))).total).toBe(
      3,
    );
  });
});
