import {
  productListResponseSchema,
  productSchema,
  problemSchema,
  type Product,
  type ProductInput,
  type ProductSummary,
} from '../src/api/schemas';
import { mockDb, resetMockDb, server, signInAs } from './node';
import { productToInput } from '../src/api/product-input';
import { TEST_START_MS } from '../tests/clock';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  resetMockDb();
  signInAs('admin');
});

async function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const json: unknown = await response.json();
  return { status: response.status, type: response.headers.get('Content-Type'), json };
}

async function problem(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await call(method, path, options);
  expect(res.type).toBe('application/problem+json');
  return { status: res.status, problem: problemSchema.parse(res.json) };
}

const newProduct = (overrides: Partial<ProductInput> = {}): ProductInput => ({
  title: 'Volt 20,000 mAh USB-C Power Bank',
  handle: 'volt-20000-test-power-bank',
  description: 'Charges a phone four times.',
  categoryId: 'power',
  tags: ['usb-c', 'new'],
  status: 'draft',
  images: [],
  options: [{ name: 'Color', values: ['Black', 'White'] }],
  variants: [
    {
      optionValues: ['Black'],
      sku: 'TEST-PB-BLK',
      barcode: '036000291452',
      price: 4999,
      compareAtPrice: null,
      cost: 2100,
      weightGrams: 350,
    },
    { optionValues: ['White'], sku: 'TEST-PB-WHT', barcode: null, price: 4999, compareAtPrice: 5999, cost: 2100, weightGrams: 350 },
  ],
  ...overrides,
});

/** The list as a naive server would compute it: filter everything, sort everything, slice. */
function naiveList(query: Record<string, string>): { items: string[]; total: number } {
  const products = [...mockDb().allRecords()].map((r) => r.product);
  const q = query.q?.toLowerCase();
  const statuses = query.status?.split(',');
  const min = query.priceMin === undefined ? 0 : Number(query.priceMin);
  const max = query.priceMax === undefined ? Infinity : Number(query.priceMax);
  const hasPrice = query.priceMin !== undefined || query.priceMax !== undefined;
  const matching = products.filter(
    (p) =>
      (!q ||
        p.title.toLowerCase().includes(q) ||
        p.variants.some((v) => v.sku.toLowerCase().includes(q) || (/^\d+$/.test(q) && v.barcode?.startsWith(q)))) &&
      (!statuses || statuses.includes(p.status)) &&
      (!query.categoryId || p.categoryId === query.categoryId) &&
      (!query.tag || p.tags.includes(query.tag)) &&
      (!hasPrice || p.variants.some((v) => v.price >= min && v.price <= max)),
  );
  const sort = query.sort ?? '-updatedAt';
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const value = (p: Product): number | string =>
    key === 'title'
      ? p.title.toLowerCase()
      : key === 'variantCount'
        ? p.variants.length
        : key === 'price'
          ? Math.min(...p.variants.map((v) => v.price))
          : key === 'stock'
            ? p.variants.reduce((s, v) => s + v.stock, 0)
            : Date.parse(p.updatedAt);
  matching.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = va < vb ? -1 : va > vb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return desc ? -c : c;
  });
  const offset = Number(query.offset ?? 0);
  const limit = Number(query.limit ?? 25);
  return { items: matching.slice(offset, offset + limit).map((p) => p.id), total: matching.length };
}

describe('GET /api/products', () => {
  it('answers the contract shape with 25 of 300 by default, newest change first', async () => {
    const res = await call('GET', '/api/products');
    expect(res.status).toBe(200);
    const body = productListResponseSchema.parse(res.json);
    expect(body.total).toBe(300);
    expect(body.items).toHaveLength(25);
    expect(body.items.map((i) => i.id)).toEqual(naiveList({}).items);
  });

  it.each<Record<string, string>>([
    { sort: 'title' },
    { sort: '-title', offset: '280', limit: '50' },
    { sort: 'price', limit: '100' },
    { sort: '-price', status: 'active,draft' },
    { sort: 'stock', categoryId: 'audio' },
    { sort: '-stock', tag: 'bestseller' },
    { sort: 'variantCount', limit: '60', offset: '20' },
    { sort: '-variantCount', priceMin: '2000', priceMax: '3000' },
    { sort: 'updatedAt', q: 'power bank' },
    { q: 'VLT-' },
    { q: '8100' },
    { q: 'earbuds', status: 'active', categoryId: 'audio', priceMax: '9999', limit: '500' },
    { status: 'archived', sort: 'title', offset: '5', limit: '5' },
    { q: 'no such thing anywhere' },
  ])('filters, sorts and pages like a naive server: %o', async (query) => {
    const res = await call('GET', `/api/products?${new URLSearchParams(query)}`);
    expect(res.status).toBe(200);
    const body = productListResponseSchema.parse(res.json);
    const expected = naiveList(query);
    // A filter that matches nothing would prove little; only the last case is meant to be empty.
    expect(expected.total > 0 || query.q === 'no such thing anywhere').toBe(true);
    expect(body.total).toBe(expected.total);
    expect(body.items.map((i: ProductSummary) => i.id)).toEqual(expected.items);
  });

  it('accepts a repeated status parameter as a list', async () => {
    const res = await call('GET', '/api/products?status=archived&status=draft&limit=500');
    const body = productListResponseSchema.parse(res.json);
    expect(body.total).toBe(naiveList({ status: 'archived,draft' }).total);
  });

  it('summarises each product: price range, stock over warehouses, SKUs', async () => {
    const body = productListResponseSchema.parse((await call('GET', '/api/products?sort=title&limit=1')).json);
    const summary = body.items[0];
    const product = mockDb().getProduct(summary?.id ?? '');
    expect(product).toBeDefined();
    if (!summary || !product) return;
    expect(summary.priceMin).toBe(Math.min(...product.variants.map((v) => v.price)));
    expect(summary.priceMax).toBe(Math.max(...product.variants.map((v) => v.price)));
    expect(summary.stock).toBe(product.variants.reduce((s, v) => s + v.stock, 0));
    expect(summary.skus).toEqual(product.variants.map((v) => v.sku));
  });

  it('rejects a bad query with 400 and the bad parameters', async () => {
    const { status, problem: p } = await problem('GET', '/api/products?limit=0&sort=colour&status=gone');
    expect(status).toBe(400);
    expect(Object.keys(p.errors ?? {}).sort()).toEqual(['limit', 'sort', 'status.0']);
  });
});

describe('GET /api/products/:id', () => {
  it('returns the product with its version as ETag', async () => {
    const res = await fetch('/api/products/prod_000001');
    expect(res.status).toBe(200);
    const product = productSchema.parse(await res.json());
    expect(res.headers.get('ETag')).toBe(`"${product.version}"`);
    expect(product).toEqual(mockDb().getProduct('prod_000001'));
  });

  it('answers 404 as a problem', async () => {
    const { status, problem: p } = await problem('GET', '/api/products/prod_nope');
    expect(status).toBe(404);
    expect(p.title).toBe('Product not found');
  });
});

describe('POST /api/products', () => {
  it('creates the product with server ids, version 1 and no stock', async () => {
    const res = await call('POST', '/api/products', { body: newProduct() });
    expect(res.status).toBe(201);
    const product = productSchema.parse(res.json);
    expect(product.id).toMatch(/^prod_/);
    expect(product.version).toBe(1);
    expect(product.variants.map((v) => [v.version, v.stock, v.productId])).toEqual([
      [1, 0, product.id],
      [1, 0, product.id],
    ]);
    expect(mockDb().getProduct(product.id)).toEqual(product);
    const list = productListResponseSchema.parse((await call('GET', '/api/products?q=TEST-PB')).json);
    expect(list.items.map((i) => i.id)).toEqual([product.id]);
    expect(list.total).toBe(1);
  });

  it('maps schema errors to the form’s field paths', async () => {
    const body = newProduct({ title: '' });
    body.variants[0] = { ...body.variants[0]!, sku: 'bad sku!', barcode: '036000291453', price: 0 };
    body.variants[1] = { ...body.variants[1]!, compareAtPrice: 100 };
    const { status, problem: p } = await problem('POST', '/api/products', { body });
    expect(status).toBe(422);
    expect(p.errors).toMatchObject({
      title: 'Enter a title',
      'variants.0.sku': 'Letters, digits, dot, dash and underscore only',
      'variants.0.barcode': 'The check digit does not match: check the barcode',
      'variants.0.price': 'Enter a price above $0.00',
      'variants.1.compareAtPrice': 'Compare-at price must be above the price',
    });
    expect(mockDb().productCount).toBe(300);
  });

  it('refuses a handle, SKU or barcode another product uses, naming that product', async () => {
    const other = mockDb().getProduct('prod_000002');
    const otherVariant = other?.variants.find((v) => v.barcode);
    expect(otherVariant).toBeDefined();
    if (!other || !otherVariant) return;
    const body = newProduct({ handle: other.handle });
    body.variants[1] = { ...body.variants[1]!, sku: otherVariant.sku.toLowerCase(), barcode: otherVariant.barcode };
    const { status, problem: p } = await problem('POST', '/api/products', { body });
    expect(status).toBe(422);
    const label = otherVariant.optionValues.length ? `${other.title} — ${otherVariant.optionValues.join(' / ')}` : other.title;
    expect(p.errors).toEqual({
      handle: `Another product already uses this handle (${other.title})`,
      'variants.1.sku': `Another product already uses this SKU (${label})`,
      'variants.1.barcode': `Another product already uses this barcode (${label})`,
    });
    expect(mockDb().productCount).toBe(300);
  });

  it('refuses an unknown category and a barcode repeated within the product', async () => {
    const body = newProduct({ categoryId: 'garden' });
    body.variants[1] = { ...body.variants[1]!, barcode: body.variants[0]!.barcode };
    const { problem: p } = await problem('POST', '/api/products', { body });
    expect(Object.keys(p.errors ?? {}).sort()).toEqual(['categoryId', 'variants.1.barcode']);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await fetch('/api/products', { method: 'POST', body: '{nope', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
  });
});

describe('PUT /api/products/:id', () => {
  it('needs If-Match (428)', async () => {
    const p = mockDb().getProduct('prod_000003')!;
    const { status } = await problem('PUT', `/api/products/${p.id}`, { body: productToInput(p) });
    expect(status).toBe(428);
  });

  it('refuses a stale version with 409 and the current product', async () => {
    const p = mockDb().getProduct('prod_000003')!;
    const first = await call('PUT', `/api/products/${p.id}`, {
      body: { ...productToInput(p), title: 'Renamed once' },
      headers: { 'If-Match': `"${p.version}"` },
    });
    expect(first.status).toBe(200);
    const { status, problem: conflict } = await problem('PUT', `/api/products/${p.id}`, {
      body: { ...productToInput(p), title: 'Renamed from a stale copy' },
      headers: { 'If-Match': String(p.version) },
    });
    expect(status).toBe(409);
    expect(conflict.title).toBe('Someone else changed this product');
    expect(conflict.detail).toBeTruthy();
    const current = productSchema.parse(conflict.current);
    expect(current.title).toBe('Renamed once');
    expect(current.version).toBe(p.version + 1);
    expect(mockDb().getProduct(p.id)?.title).toBe('Renamed once');
  });

  it('updates, adds and removes variants, bumping only what changed', async () => {
    const db = mockDb();
    const id = [...db.allRecords()].find((r) => r.product.variants.length >= 3)!.product.id;
    const before = db.getProduct(id)!;
    const levelsBefore = db.getRecord(id)!.levels;
    const savedAt = TEST_START_MS + 3_600_000;
    db.now = () => savedAt;
    const input = productToInput(before);
    const [changed, unchanged] = input.variants;
    // Three or more variants means options; the new variant gets a new value of each.
    input.options = before.options.map((o) => ({ ...o, values: [...o.values, `${o.name} extra`] }));
    input.variants = [
      { ...changed!, price: changed!.price + 100 },
      unchanged!,
      {
        optionValues: before.options.map((o) => `${o.name} extra`),
        sku: 'NEW-VARIANT-1',
        barcode: null,
        price: 1999,
        compareAtPrice: null,
        cost: null,
        weightGrams: null,
      },
    ];

    const res = await call('PUT', `/api/products/${id}`, { body: input, headers: { 'If-Match': `"${before.version}"` } });
    expect(res.status).toBe(200);
    const after = productSchema.parse(res.json);
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedAt).toBe(new Date(savedAt).toISOString());
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.variants).toHaveLength(3);
    const [v0, v1, v2] = after.variants;
    expect(v0?.id).toBe(before.variants[0]?.id);
    expect(v0?.version).toBe(before.variants[0]!.version + 1);
    expect(v0?.stock).toBe(before.variants[0]?.stock);
    expect(v1?.id).toBe(before.variants[1]?.id);
    expect(v1?.version).toBe(before.variants[1]?.version);
    expect(v2?.id).not.toBe(before.variants[2]?.id);
    expect([v2?.version, v2?.stock]).toEqual([1, 0]);
    // Levels follow their variants; the removed variant's row is gone, the new one starts empty.
    const levels = db.getRecord(id)!.levels;
    expect(levels.slice(0, 2)).toEqual(levelsBefore.slice(0, 2));
    expect(levels[2]?.map((l) => [l.onHand, l.reserved])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    // The freshly saved product is now first in the default list.
    const list = productListResponseSchema.parse((await call('GET', '/api/products?limit=1')).json);
    expect(list.items[0]?.id).toBe(id);
    // Its old SKUs are free again: the removed variant's SKU can be used by another product.
    const reuse = newProduct();
    reuse.variants[0] = { ...reuse.variants[0]!, sku: before.variants[2]!.sku };
    expect((await call('POST', '/api/products', { body: reuse })).status).toBe(201);
  });

  it('bumps the product version on every save, even one that changes nothing', async () => {
    const p = mockDb().getProduct('prod_000004')!;
    const res = await call('PUT', `/api/products/${p.id}`, { body: productToInput(p), headers: { 'If-Match': `W/"${p.version}"` } });
    const after = productSchema.parse(res.json);
    expect(after.version).toBe(p.version + 1);
    expect(after.variants.map((v) => v.version)).toEqual(p.variants.map((v) => v.version));
  });

  it('refuses a variant id from another product', async () => {
    const p = mockDb().getProduct('prod_000005')!;
    const input = productToInput(p);
    input.variants[0] = { ...input.variants[0]!, id: mockDb().getProduct('prod_000006')!.variants[0]!.id };
    const { status, problem: pr } = await problem('PUT', `/api/products/${p.id}`, {
      body: input,
      headers: { 'If-Match': `"${p.version}"` },
    });
    expect(status).toBe(422);
    expect(Object.keys(pr.errors ?? {})).toEqual(['variants.0.id']);
  });

  it('keeps its own handle and SKUs without calling them duplicates', async () => {
    const p = mockDb().getProduct('prod_000007')!;
    const res = await call('PUT', `/api/products/${p.id}`, { body: productToInput(p), headers: { 'If-Match': `"${p.version}"` } });
    expect(res.status).toBe(200);
  });

  it('answers 404 for an unknown product', async () => {
    const p = mockDb().getProduct('prod_000007')!;
    const { status } = await problem('PUT', '/api/products/prod_missing', { body: productToInput(p), headers: { 'If-Match': '"1"' } });
    expect(status).toBe(404);
  });
});

describe('POST /api/products/bulk-status', () => {
  const ids = ['prod_000010', 'prod_000011', 'prod_000012'];

  it('needs an Idempotency-Key', async () => {
    const { status } = await problem('POST', '/api/products/bulk-status', { body: { ids, status: 'archived' } });
    expect(status).toBe(400);
  });

  it('changes all or nothing', async () => {
    const before = ids.map((id) => mockDb().getProduct(id));
    const { status, problem: p } = await problem('POST', '/api/products/bulk-status', {
      body: { ids: [...ids, 'prod_gone'], status: 'archived' },
      headers: { 'Idempotency-Key': 'k-1' },
    });
    expect(status).toBe(422);
    expect(p.errors).toEqual({ 'ids.3': 'No product has the id prod_gone' });
    expect(ids.map((id) => mockDb().getProduct(id))).toEqual(before);
  });

  it('applies once per key, replays the stored answer, and refuses the key for another body', async () => {
    const alreadyArchived = ids.filter((id) => mockDb().getProduct(id)?.status === 'archived').length;
    const versions = ids.map((id) => mockDb().getProduct(id)!.version);
    const first = await call('POST', '/api/products/bulk-status', {
      body: { ids, status: 'archived' },
      headers: { 'Idempotency-Key': 'k-2' },
    });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ updated: ids.length - alreadyArchived });
    const afterFirst = ids.map((id) => mockDb().getProduct(id)!);
    expect(afterFirst.every((p) => p.status === 'archived')).toBe(true);

    // Someone else un-archives one product; a retry of the first request must not archive it again.
    await call('POST', '/api/products/bulk-status', { body: { ids: [ids[0]], status: 'active' }, headers: { 'Idempotency-Key': 'k-3' } });
    const retry = await call('POST', '/api/products/bulk-status', {
      body: { ids, status: 'archived' },
      headers: { 'Idempotency-Key': 'k-2' },
    });
    expect(retry).toEqual(first);
    expect(mockDb().getProduct(ids[0]!)?.status).toBe('active');
    expect(mockDb().getProduct(ids[1]!)!.version).toBeLessThanOrEqual(versions[1]! + 1);

    const { status } = await problem('POST', '/api/products/bulk-status', {
      body: { ids, status: 'draft' },
      headers: { 'Idempotency-Key': 'k-2' },
    });
    expect(status).toBe(422);
  });
});

describe('sort orders after writes', () => {
  it.each([3, 150])('stay right after a bulk change of %i products (spliced or merged)', async (count) => {
    const sorts = ['-updatedAt', 'title', 'price', '-stock', 'variantCount'];
    // Build every order first, so the write has to maintain them rather than build them afresh.
    for (const sort of sorts) await call('GET', `/api/products?sort=${sort}`);
    const ids = [...mockDb().allRecords()].slice(0, count).map((r) => r.product.id);
    mockDb().now = () => TEST_START_MS + 86_400_000;
    const res = await call('POST', '/api/products/bulk-status', {
      body: { ids, status: 'archived' },
      headers: { 'Idempotency-Key': `sort-${count}` },
    });
    expect(res.status).toBe(200);
    for (const sort of sorts) {
      const query = { sort, limit: '500', status: 'archived,active' };
      const body = productListResponseSchema.parse((await call('GET', `/api/products?${new URLSearchParams(query)}`)).json);
      expect(body.items.map((i) => i.id)).toEqual(naiveList(query).items);
      const all = productListResponseSchema.parse((await call('GET', `/api/products?sort=${sort}&limit=500`)).json);
      expect(all.items.map((i) => i.id)).toEqual(naiveList({ sort, limit: '500' }).items);
    }
  });
});

describe('categories and tags', () => {
  it('count products per category and per tag, most used tag first', async () => {
    const products = [...mockDb().allRecords()].map((r) => r.product);
    const categories = (await call('GET', '/api/categories')).json as { items: { id: string; productCount: number }[] };
    expect(categories.items.map((c) => c.id)).toEqual(['audio', 'wearables', 'power', 'cables-chargers', 'cases-protection', 'smart-home']);
    for (const c of categories.items) expect(c.productCount).toBe(products.filter((p) => p.categoryId === c.id).length);

    const tags = (await call('GET', '/api/tags')).json as { items: { tag: string; productCount: number }[] };
    for (const t of tags.items) expect(t.productCount).toBe(products.filter((p) => p.tags.includes(t.tag)).length);
    const counts = tags.items.map((t) => t.productCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(new Set(tags.items.map((t) => t.tag))).toEqual(new Set(products.flatMap((p) => p.tags)));
  });

  it('follow writes', async () => {
    await call('POST', '/api/products', { body: newProduct({ tags: ['brand-new-tag'] }) });
    const tags = (await call('GET', '/api/tags')).json as { items: { tag: string; productCount: number }[] };
    expect(tags.items.find((t) => t.tag === 'brand-new-tag')?.productCount).toBe(1);
    const categories = (await call('GET', '/api/categories')).json as { items: { id: string; productCount: number }[] };
    expect(categories.items.reduce((s, c) => s + c.productCount, 0)).toBe(301);
  });
});

describe('mock control', () => {
  it('fails API requests on demand but never its own control routes', async () => {
    expect((await call('PUT', '/api/_mock/settings', { body: { failureRate: 1 } })).json).toMatchObject({ failureRate: 1 });
    const failed = await problem('GET', '/api/products');
    expect(failed.status).toBe(503);
    expect(failed.problem.title).toBe('Simulated failure');
    expect((await call('GET', '/api/_mock/settings')).status).toBe(200);
    await call('PUT', '/api/_mock/settings', { body: { failureRate: 0 } });
    expect((await call('GET', '/api/products')).status).toBe(200);
  });

  it('validates settings', async () => {
    const { status, problem: p } = await problem('PUT', '/api/_mock/settings', { body: { failureRate: 2 } });
    expect(status).toBe(422);
    expect(Object.keys(p.errors ?? {})).toEqual(['failureRate']);
  });

  it('re-seeds at another size and resets to the seed', async () => {
    await call('PUT', '/api/_mock/settings', { body: { products: 40 } });
    expect(productListResponseSchema.parse((await call('GET', '/api/products')).json).total).toBe(40);
    await call('POST', '/api/products', { body: newProduct() });
    expect(mockDb().productCount).toBe(41);
    expect((await call('POST', '/api/_mock/reset')).status).toBe(200);
    expect(mockDb().productCount).toBe(40);
  });

  it('answers unknown API routes with a 404 problem', async () => {
    const { status } = await problem('GET', '/api/nothing-here');
    expect(status).toBe(404);
  });
});
