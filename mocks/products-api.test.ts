/**
 * What is the mock's own about products: its list indexes agree with a naive
 * scan of the store, before and after writes, and its demo controls (injected
 * failures, settings, re-seeding). The API's rules are the contract suite's
 * (tests/contract/products.contract.test.ts), run against the mock and the server.
 */
import { productListResponseSchema, problemSchema, type Product, type ProductInput, type ProductSummary } from '../src/contract/schemas';
import { mockDb, resetMockDb, server, signInAs } from './node';
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

describe('the list’s indexes', () => {
  it.each<Record<string, string>>([
    {},
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
});
