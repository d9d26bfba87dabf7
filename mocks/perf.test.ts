/**
 * Figures, not assertions: how long seeding and list requests take at
 * 50,000 products in node. Timings vary by machine; a test that failed on a
 * slow CI box would teach nothing. The one assertion is on the answer.
 */
import { productListQuerySchema, productListResponseSchema } from '../src/api/schemas';
import { resetMockDb, server, signInAs } from './node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function ms(start: number) {
  return `${(performance.now() - start).toFixed(1)} ms`;
}

describe('at 50,000 products', () => {
  it('seeds and answers filtered list requests quickly', { timeout: 60_000 }, async () => {
    let start = performance.now();
    const db = resetMockDb({ products: 50_000 });
    signInAs('merchandiser');
    console.log(`seed 50,000 products: ${ms(start)} (${[...db.allRecords()].reduce((n, r) => n + r.product.variants.length, 0)} variants)`);
    start = performance.now();
    while (db.warmUpStep());
    console.log(`idle warm-up (5 sort orders + search text): ${ms(start)}`);

    const queries = [
      'sort=-updatedAt',
      'sort=-updatedAt&offset=25000',
      'q=power%20bank&status=active&sort=-updatedAt',
      'q=power%20bank&status=active&sort=-updatedAt',
      'status=active,draft&categoryId=audio&priceMin=2000&priceMax=5000&sort=price',
      'tag=bestseller&sort=-stock&limit=100',
      'q=VLT-PB&sort=title',
      'q=8100&sort=title',
    ];
    for (const query of queries) {
      start = performance.now();
      const res = await fetch(`/api/products?${query}`);
      const body = productListResponseSchema.parse(await res.json());
      const http = ms(start);
      start = performance.now();
      db.listProducts(productListQuerySchema.parse(Object.fromEntries(new URLSearchParams(query))));
      console.log(`GET /api/products?${query} → ${body.total} matches: ${http} over HTTP (msw/node), store alone ${ms(start)}`);
      expect(res.status).toBe(200);
    }

    const product = db.getProduct('prod_000001')!;
    start = performance.now();
    const put = await fetch(`/api/products/${product.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${product.version}"` },
      body: JSON.stringify({ ...product, variants: product.variants.map(({ productId: _p, stock: _s, version: _v, ...v }) => v) }),
    });
    console.log(`PUT one product with sort indexes built: ${ms(start)}`);
    expect(put.status).toBe(200);
    start = performance.now();
    await fetch('/api/products?sort=-updatedAt');
    console.log(`GET first page after the write: ${ms(start)}`);
    resetMockDb();
  });
});
