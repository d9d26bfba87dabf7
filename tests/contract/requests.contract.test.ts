/**
 * What every request must be before a route looks at it, on both backends:
 * a change from another site is refused whoever's cookie it carries, and a
 * body over its route's limit gets a 413 that says the limit.
 */
import { productListResponseSchema, productSchema, sessionSchema } from '../../src/contract/schemas';
import { BODY_LIMIT_BYTES, IMPORT_BODY_LIMIT_BYTES } from '../../src/contract/request-rules';
import { BASE_URL, newKey, signIn, type ApiClient } from './driver';
import { expectOk, expectProblem, newProductInput } from './fixtures';

let admin: ApiClient;
beforeAll(async () => {
  admin = await signIn('admin');
});

const EVIL = { Origin: 'http://evil.test', 'Sec-Fetch-Site': 'cross-site' };
const OWN = { Origin: BASE_URL, 'Sec-Fetch-Site': 'same-origin' };

describe('a change from another site', () => {
  it('is refused (403) with the admin’s own cookie, and nothing is applied', async () => {
    const input = newProductInput();
    const refused = expectProblem(await admin.post('/products', { body: input, headers: EVIL }), 403);
    expect(refused.detail).toMatch(/evil\.test/);
    const found = productListResponseSchema.parse(expectOk(await admin.get('/products', { query: { q: input.title } })));
    expect(found.total).toBe(0);
  });

  it('is refused when only one of the two headers names another site', async () => {
    const refusals = [
      await admin.post('/products', { body: newProductInput(), headers: { Origin: 'http://evil.test' } }),
      await admin.post('/products/bulk-status', {
        body: { ids: [], status: 'archived' },
        idempotencyKey: newKey(),
        headers: { 'Sec-Fetch-Site': 'cross-site' },
      }),
      await admin.delete('/session', { headers: EVIL }),
    ];
    expect(refusals.map((res) => expectProblem(res, 403).title)).toEqual(Array(3).fill('Cross-site request refused'));
    // Still signed in: the refused sign-out did nothing.
    expect(sessionSchema.parse(expectOk(await admin.get('/session'))).user.role).toBe('admin');
  });

  it('is applied from the app’s own origin, and a read from anywhere is answered', async () => {
    const input = newProductInput();
    expect(productSchema.parse(expectOk(await admin.post('/products', { body: input, headers: OWN }), 201)).title).toBe(input.title);
    const read = productListResponseSchema.parse(expectOk(await admin.get('/products', { query: { limit: 1 }, headers: EVIL })));
    expect(read.items).toHaveLength(1);
  });
});

describe('a body over its route’s limit', () => {
  it('is 413 naming the limit: 1 MB for a product', async () => {
    const input = newProductInput({ description: 'x'.repeat(BODY_LIMIT_BYTES + 10) });
    const problem = expectProblem(await admin.post('/products', { body: input }), 413);
    expect(problem.detail).toMatch(/at most 1 MB/);
  });

  it('is 413 naming the limit: 6 MB for an import (a 5 MB file as JSON); a file under it is read', async () => {
    const header = 'sku,title,category,status,price,compare_at,cost,barcode,tags\n';
    const big = { csv: header + 'x'.repeat(IMPORT_BODY_LIMIT_BYTES), dryRun: true };
    const problem = expectProblem(await admin.post('/products/import', { body: big }), 413);
    expect(problem.detail).toMatch(/at most 6 MB/);
    // Over the file's own limit (5 MB) but under the body's: the field says why.
    const over = { csv: header + 'x'.repeat(5_100_000), dryRun: true };
    expect(Object.keys(expectProblem(await admin.post('/products/import', { body: over }), 422).errors ?? {})).toEqual(['csv']);
  });
});
