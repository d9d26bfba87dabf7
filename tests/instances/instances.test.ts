/**
 * Several servers on one PostgreSQL (issue 17): two instances, A and B, race each other on the same rows,
 * and a third, C, loses its database for a few seconds. Each case must end right, and every request must be
 * answered in time: a request carries its own timeout, so an instance that freezes fails the case at once
 * instead of holding CI. Over HTTP only, as the contract suite (tests/contract/driver.ts).
 *
 * Started by `tsx scripts/engine.ts test-instances` (and by test:engine when STOCKROOM_PG_URL is set), which
 * passes STOCKROOM_API_URLS=<A>,<B>, STOCKROOM_API_URL_BEHIND_PROXY=<C> and STOCKROOM_DB_PROXY=<the control
 * port of C's database proxy, tests/instances/db-proxy.ts>.
 *
 * The last case leaves the seeded admin deactivated (two fresh admins race to remove each other, round after
 * round): run nothing after this file that needs her.
 */
import {
  productListResponseSchema,
  productSchema,
  staffListSchema,
  staffSchema,
  type Product,
  type ProductInput,
  type Staff,
} from '../../src/contract/schemas';
import { productToInput } from '../../src/contract/product-input';
import { discountSchema } from '../../src/contract/discount-schemas';
import { purchaseOrderListSchema, purchaseOrderSchema, supplierSchema } from '../../src/contract/replenishment-schemas';
import { inventoryListSchema, locationListSchema } from '../../src/contract/stock-schemas';
import { orderListSchema, orderSchema, type Order } from '../../src/contract/order-schemas';
import { upcCheckDigit } from '../../src/contract/values/upc';
import { ApiClient, DEMO_ACCOUNTS, newKey, uniqueId, type ApiResponse, type Query } from '../contract/driver';
import { expectOk, expectProblem, newDiscountInput, newProductInput } from '../contract/fixtures';
import { controlProxy } from './db-proxy';

const [A = '', B = ''] = (process.env.STOCKROOM_API_URLS ?? '').split(',').filter(Boolean);
const C = process.env.STOCKROOM_API_URL_BEHIND_PROXY ?? '';
const PROXY = process.env.STOCKROOM_DB_PROXY ?? '';
if (!A || !B || !C || !PROXY)
  throw new Error(
    'Set STOCKROOM_API_URLS (two servers on one PostgreSQL), STOCKROOM_API_URL_BEHIND_PROXY and STOCKROOM_DB_PROXY: ' +
      'STOCKROOM_PG_URL=postgres://… npx tsx scripts/engine.ts test-instances starts them all',
  );

/** How long any request to A or B may take, however many race it. */
const ANSWER_MS = 15_000;
/** How long a request to C may take while its database is away. */
const AWAY_ANSWER_MS = 10_000;

/** An answer, or the reason there was none (a timeout), with how long it took. */
type Timed = { res: ApiResponse | null; ms: number; error: string | null };

async function timed(request: Promise<ApiResponse>): Promise<Timed> {
  const started = performance.now();
  try {
    const res = await request;
    return { res, ms: performance.now() - started, error: null };
  } catch (error) {
    return {
      res: null,
      ms: performance.now() - started,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

/** What a timed answer reads as in a failure: its status, or that it never came. */
const outcome = (t: Timed): number | string => t.res?.status ?? `no answer after ${Math.round(t.ms)} ms (${t.error})`;
const slowest = (answers: Timed[]): number => Math.round(Math.max(...answers.map((t) => t.ms)));

/** Every request answered: the list of outcomes holds numbers only. */
function expectAllAnswered(answers: Timed[]): ApiResponse[] {
  expect(answers.map(outcome).filter((o) => typeof o === 'string')).toEqual([]);
  return answers.map((t) => t.res!);
}

async function signInAt(url: string, email: string, password: string, timeoutMs = ANSWER_MS): Promise<ApiClient> {
  const api = new ApiClient(url, timeoutMs);
  const res = await api.post('/session', { body: { email, password } });
  if (res.status !== 200) throw new Error(`Signing in as ${email} at ${url} answered ${res.status}: ${JSON.stringify(res.json)}`);
  return api;
}

/** A valid UPC-A nobody else has: seeded barcodes start with 8, these with 3. */
function newBarcode(): string {
  const body = `3${Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => b % 10).join('')}`;
  return body + upcCheckDigit(body);
}

/** The seeded admin, signed in once; `onA` and `onB` are the same session sent to either instance. */
let onA: ApiClient;
let onB: ApiClient;
const at = (i: number) => (i % 2 === 0 ? onA : onB);

beforeAll(async () => {
  onA = await signInAt(A, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  onB = onA.at(B);
  expectOk(await onB.get('/session'));
});

/** How long A and B may take to a one-row read before a case that needs them. */
const PROBE_MS = 3_000;

/**
 * Before each case on A and B: both answer a read that needs the database. An instance an earlier case froze
 * fails the next case in seconds instead of making every request of it wait out its timeout.
 */
async function expectBothAnswering(): Promise<void> {
  for (const [name, url] of [
    ['A', A],
    ['B', B],
  ] as const) {
    const probe = await timed(onA.at(url, PROBE_MS).get('/products', { query: { limit: 1 } }));
    if (probe.res?.status !== 200) throw new Error(`${name} does not answer GET /api/products?limit=1 before this case: ${outcome(probe)}`);
  }
}

async function create(api: ApiClient, over: Partial<ProductInput> = {}): Promise<Product> {
  return productSchema.parse(expectOk(await api.post('/products', { body: newProductInput(over), idempotencyKey: newKey() }), 201));
}

/** The ids of the products a list query finds (every status). */
async function productIds(api: ApiClient, query: Query): Promise<string[]> {
  const list = productListResponseSchema.parse(expectOk(await api.get('/products', { query: { ...query, limit: 500 } })));
  return list.items.map((p) => p.id);
}

describe('one product saved through both instances at once', () => {
  beforeEach(expectBothAnswering);

  const N = 20;
  const ROUNDS = 3;

  it(`${N} saves of one version, alternating A and B: one 200, ${N - 1} × 409 with the current product, all within ${ANSWER_MS / 1000} s; then each instance saves again (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const p = await create(at(round));
      const answers = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          timed(at(i + round).put(`/products/${p.id}`, { body: { ...productToInput(p), title: `${p.title} #${i}` }, ifMatch: p.version })),
        ),
      );
      const label = `round ${round + 1}: ${answers.map(outcome).join(' ')}; slowest ${slowest(answers)} ms`;
      console.info(`${N} saves at once, ${label}`);
      const responses = expectAllAnswered(answers);
      expect({ label, statuses: responses.map((r) => r.status).sort((a, b) => a - b) }).toEqual({
        label,
        statuses: [200, ...Array<number>(N - 1).fill(409)],
      });

      const winner = responses.findIndex((r) => r.status === 200);
      const saved = productSchema.parse(responses[winner]!.json);
      expect(saved).toMatchObject({ title: `${p.title} #${winner}`, version: p.version + 1 });
      for (const res of responses.filter((r) => r.status === 409)) {
        const problem = expectProblem(res, 409);
        expect(productSchema.parse(problem.current)).toMatchObject({ title: saved.title, version: saved.version });
      }

      // Neither instance is left frozen: a plain save through A, then one through B, each answered in time.
      const throughA = productSchema.parse(
        expectOk(
          await onA.put(`/products/${p.id}`, { body: { ...productToInput(saved), title: `${p.title} after A` }, ifMatch: saved.version }),
        ),
      );
      const throughB = productSchema.parse(
        expectOk(
          await onB.put(`/products/${p.id}`, {
            body: { ...productToInput(throughA), title: `${p.title} after B` },
            ifMatch: throughA.version,
          }),
        ),
      );
      expect(throughB.version).toBe(p.version + 3);
      expect(productSchema.parse(expectOk(await onA.get(`/products/${p.id}`)))).toMatchObject({
        title: `${p.title} after B`,
        version: throughB.version,
      });
    }
  });
});

describe('one SKU, handle or barcode created through both instances at once', () => {
  beforeEach(expectBothAnswering);

  const ROUNDS = 5;
  /** What makes two new products collide, and the answer the contract gives the one refused (products.contract.test.ts). */
  const collisions = {
    sku: {
      share: (first: ProductInput, second: ProductInput) => (second.variants[0] = { ...second.variants[0]!, sku: first.variants[0]!.sku }),
      field: 'variants.0.sku',
      holders: (first: ProductInput): Query => ({ q: first.variants[0]!.sku }),
      message: (winner: Product) =>
        `Another product already uses this SKU (${winner.title} — ${winner.variants[0]!.optionValues.join(' / ')})`,
    },
    handle: {
      share: (first: ProductInput, second: ProductInput) => (second.handle = first.handle),
      field: 'handle',
      holders: (first: ProductInput): Query => ({ tag: first.tags[0] }),
      message: (winner: Product) => `Another product already uses this handle (${winner.title})`,
    },
    barcode: {
      share: (first: ProductInput, second: ProductInput) => {
        const barcode = newBarcode();
        first.variants[0] = { ...first.variants[0]!, barcode };
        second.variants[0] = { ...second.variants[0]!, barcode };
      },
      field: 'variants.0.barcode',
      holders: (first: ProductInput): Query => ({ q: first.variants[0]!.barcode ?? undefined }),
      message: (winner: Product) =>
        `Another product already uses this barcode (${winner.title} — ${winner.variants[0]!.optionValues.join(' / ')})`,
    },
  };

  it.each(Object.keys(collisions) as (keyof typeof collisions)[])(
    `the same %s, ${ROUNDS} rounds: one 201, the other 422 naming the field; one product holds it`,
    async (kind) => {
      const { share, field, holders, message } = collisions[kind];
      for (let round = 0; round < ROUNDS; round++) {
        const tag = `race-${uniqueId()}`;
        const [first, second] = [newProductInput({ tags: [tag] }), newProductInput({ tags: [tag] })];
        share(first, second);
        const answers = await Promise.all(
          [first, second].map((body, i) => timed(at(i + round).post('/products', { body, idempotencyKey: newKey() }))),
        );
        const label = `${kind}, round ${round + 1}: ${answers.map(outcome).join(', ')}`;
        const responses = expectAllAnswered(answers);
        expect({ label, statuses: responses.map((r) => r.status).sort((a, b) => a - b) }).toEqual({ label, statuses: [201, 422] });
        const winner = productSchema.parse(responses.find((r) => r.status === 201)!.json);
        const refused = expectProblem(
          responses.find((r) => r.status === 422)!,
          422,
        );
        expect({ label, errors: refused.errors }).toEqual({ label, errors: { [field]: message(winner) } });
        // One product of the two made, and one holding the SKU, handle or barcode, asked through the other instance too.
        expect({ label, tagged: await productIds(onA, { tag }), holders: await productIds(onB, holders(first)) }).toEqual({
          label,
          tagged: [winner.id],
          holders: [winner.id],
        });
      }
    },
  );
});

describe('one Idempotency-Key sent to both instances at once', () => {
  beforeEach(expectBothAnswering);

  const ROUNDS = 5;

  it(`makes one product and the same answer (201, one id) on both, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const tag = `replay-${uniqueId()}`;
      const body = newProductInput({ tags: [tag] });
      const key = newKey();
      const answers = await Promise.all([onA, onB].map((api) => timed(api.post('/products', { body, idempotencyKey: key }))));
      const label = `round ${round + 1}: ${answers.map(outcome).join(', ')}`;
      const [first, second] = expectAllAnswered(answers);
      expect({ label, statuses: [first!.status, second!.status] }).toEqual({ label, statuses: [201, 201] });
      const made = productSchema.parse(first!.json);
      expect({ label, second: productSchema.parse(second!.json), tagged: await productIds(onB, { tag }) }).toEqual({
        label,
        second: made,
        tagged: [made.id],
      });
    }
  });
});

describe('one discount claimed and created through both instances at once (issue 21)', () => {
  beforeEach(expectBothAnswering);

  const N = 24;
  const LIMIT = 5;
  const ROUNDS = 3;

  it(`${N} checkouts claiming a code limited to ${LIMIT} uses, alternating A and B: ${LIMIT} × 201, the rest 422, ${LIMIT} uses after (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const made = discountSchema.parse(
        expectOk(await onA.post('/discounts', { body: newDiscountInput({ usageLimit: LIMIT }), idempotencyKey: newKey() }), 201),
      );
      const answers = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          timed(at(i).post(`/discounts/${made.id}/uses`, { body: { customerEmail: `race${i}@example.com` }, idempotencyKey: newKey() })),
        ),
      );
      const label = `round ${round + 1}, slowest ${slowest(answers)} ms`;
      const statuses = expectAllAnswered(answers).map((r) => r.status);
      expect({ label, ok: statuses.filter((s) => s === 201).length, refused: statuses.filter((s) => s === 422).length }).toEqual({
        label,
        ok: LIMIT,
        refused: N - LIMIT,
      });
      expect(discountSchema.parse(expectOk(await onB.get(`/discounts/${made.id}`))).uses).toBe(LIMIT);
    }
  });

  it(`one code created in two cases through A and B at once: one 201, one 422 beside the code (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const code = `RACE${uniqueId().toUpperCase()}`;
      const answers = await Promise.all(
        [code, code.toLowerCase()].map((c, i) =>
          timed(at(i).post('/discounts', { body: newDiscountInput({ code: c }), idempotencyKey: newKey() })),
        ),
      );
      const label = `round ${round + 1}: ${answers.map(outcome).join(', ')}`;
      const statuses = expectAllAnswered(answers)
        .map((r) => r.status)
        .sort();
      expect({ label, statuses }).toEqual({ label, statuses: [201, 422] });
      const refused = answers.map((t) => t.res!).find((r) => r.status === 422)!;
      expect(Object.keys(expectProblem(refused, 422).errors ?? {})).toEqual(['code']);
    }
  });
});

describe('returns exchanged through both instances at once (issue 20)', () => {
  beforeEach(expectBothAnswering);

  const ROUNDS = 3;
  const N = 6;
  const claimed = new Set<string>();

  /** A shipped order nobody refunded or returned yet, with one unit of its first line returned and received back on the shelf. */
  async function receivedReturn(): Promise<{ order: Order; returnId: string }> {
    for (let offset = 0; offset < 6000; offset += 100) {
      const page = orderListSchema.parse(
        expectOk(await onA.get('/orders', { query: { status: 'closed', paymentStatus: 'paid', sort: '-placedAt', limit: 100, offset } })),
      );
      for (const row of page.items) {
        if (claimed.has(row.id)) continue;
        claimed.add(row.id);
        const order = orderSchema.parse(expectOk(await onA.get(`/orders/${row.id}`)));
        if (order.refunded > 0 || order.returns.length > 0) continue;
        const line = order.lines[0]!;
        const opened = orderSchema.parse(
          expectOk(
            await onA.post(`/orders/${order.id}/returns`, {
              body: { version: order.version, reason: 'wrong_item', note: '', lines: [{ lineId: line.id, quantity: 1 }] },
              idempotencyKey: newKey(),
            }),
          ),
        );
        const returnId = opened.returns.at(-1)!.id;
        const received = orderSchema.parse(
          expectOk(
            await onB.post(`/orders/${order.id}/returns/${returnId}/receipt`, {
              body: { version: opened.version, locationId: order.locationId, lines: [{ lineId: line.id, restock: 1, writeOff: 0 }] },
              idempotencyKey: newKey(),
            }),
          ),
        );
        return { order: received, returnId };
      }
      if (offset + 100 >= page.total) break;
    }
    throw new Error('No shipped order left to return');
  }

  /** The exchange of a received return for the variant it came back as (same price: no money moves). */
  const exchange = (api: ApiClient, { order, returnId }: { order: Order; returnId: string }) =>
    api.post(`/orders/${order.id}/returns/${returnId}/exchange`, {
      body: { version: order.version, lines: [{ lineId: order.lines[0]!.id, variantId: order.lines[0]!.variantId }] },
      idempotencyKey: newKey(),
    });

  /** The shop's highest order number now. */
  const highest = async () =>
    orderListSchema
      .parse(expectOk(await onA.get('/orders', { query: { sort: '-placedAt', limit: 100 } })))
      .items.reduce((n, o) => Math.max(n, o.number), 0);

  it(`one return exchanged on A and B at once: one 200 and one 409, one order placed (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const target = await receivedReturn();
      const before = await highest();
      const answers = await Promise.all([timed(exchange(onA, target)), timed(exchange(onB, target))]);
      const label = `round ${round + 1}: ${answers.map(outcome).join(', ')}; slowest ${slowest(answers)} ms`;
      const statuses = expectAllAnswered(answers)
        .map((r) => r.status)
        .sort();
      expect({ label, statuses }).toEqual({ label, statuses: [200, 409] });
      const after = orderSchema.parse(expectOk(await onB.get(`/orders/${target.order.id}`)));
      const ret = after.returns.find((r) => r.id === target.returnId)!;
      expect(ret).toMatchObject({ status: 'exchanged', exchangeOrder: { number: before + 1 } });
      expect(after.refunds.filter((r) => r.returnId === target.returnId)).toHaveLength(1);
      expect(await highest()).toBe(before + 1);
      const placed = orderListSchema.parse(
        expectOk(await onA.get('/orders', { query: { customerId: target.order.customer.id, limit: 100 } })),
      );
      expect(placed.items.filter((o) => o.number > before).map((o) => o.id)).toEqual([ret.exchangeOrder!.id]);
    }
  });

  it(`${N} different returns exchanged at once, alternating A and B: ${N} × 200, ${N} new orders under ${N} distinct numbers after the highest`, async () => {
    const targets: { order: Order; returnId: string }[] = [];
    for (let i = 0; i < N; i++) targets.push(await receivedReturn());
    const before = await highest();
    const answers = await Promise.all(targets.map((t, i) => timed(exchange(at(i), t))));
    const label = `${answers.map(outcome).join(' ')}; slowest ${slowest(answers)} ms`;
    console.info(`${N} exchanges at once: ${label}`);
    const responses = expectAllAnswered(answers);
    expect({ label, statuses: responses.map((r) => r.status) }).toEqual({ label, statuses: Array<number>(N).fill(200) });
    const numbers = responses.map(
      (r, i) => orderSchema.parse(r.json).returns.find((x) => x.id === targets[i]!.returnId)!.exchangeOrder!.number,
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => before + 1 + i));
    for (const [i, number] of numbers.entries()) {
      const found = orderListSchema.parse(expectOk(await onB.get('/orders', { query: { q: `#${number}` } })));
      expect(found.total).toBe(1);
      const placed = orderSchema.parse(expectOk(await onB.get(`/orders/${found.items[0]!.id}`)));
      expect(placed.exchangeFor).toMatchObject({ orderId: targets[i]!.order.id, returnId: targets[i]!.returnId });
    }
  });
});

describe('purchase orders through both instances at once (issue 22)', () => {
  beforeEach(expectBothAnswering);

  const N = 12;
  const ROUNDS = 3;

  /** A supplier and a product of its own, supplied by it; the product's first variant. */
  async function suppliedVariant(): Promise<{ supplierId: string; variantId: string; locationId: string }> {
    const supplier = supplierSchema.parse(
      expectOk(await onA.post('/suppliers', { body: { name: `Race Supplier ${uniqueId()}`, leadTimeDays: 3, minimumOrder: 0 } }), 201),
    );
    const product = await create(onA);
    const variantId = product.variants[0]!.id;
    expectOk(
      await onA.put(`/variants/${variantId}/supply`, { body: { supplierId: supplier.id, supplierSku: `R-${uniqueId()}` }, ifMatch: 1 }),
    );
    const locations = locationListSchema.parse(expectOk(await onA.get('/locations'))).items;
    return { supplierId: supplier.id, variantId, locationId: locations[0]!.id };
  }

  const draft = (api: ApiClient, made: { supplierId: string; variantId: string; locationId: string }, quantity: number) =>
    api.post('/purchase-orders', {
      body: { supplierId: made.supplierId, locationId: made.locationId, lines: [{ variantId: made.variantId, quantity, unitCost: 250 }] },
      idempotencyKey: newKey(),
    });

  it(`${N} purchase orders drafted at once, alternating A and B: ${N} distinct numbers, one after another from the highest`, async () => {
    const made = await suppliedVariant();
    const before =
      purchaseOrderListSchema.parse(expectOk(await onA.get('/purchase-orders', { query: { limit: 1 } }))).items[0]?.number ?? 1000;
    const answers = await Promise.all(Array.from({ length: N }, (_, i) => timed(draft(at(i), made, 1))));
    const label = `slowest ${slowest(answers)} ms: ${answers.map(outcome).join(', ')}`;
    const orders = expectAllAnswered(answers).map((r) => purchaseOrderSchema.parse(expectOk(r, 201)));
    const numbers = orders.map((o) => o.number).sort((x, y) => x - y);
    expect({ label, numbers }).toEqual({ label, numbers: Array.from({ length: N }, (_, i) => before + 1 + i) });
  });

  it(`one purchase order received on A and B at once with ${N} different keys at one version: one 200, the rest 409; received = ordered, on hand up once (${ROUNDS} rounds)`, async () => {
    const made = await suppliedVariant();
    for (let round = 0; round < ROUNDS; round++) {
      const QUANTITY = 5;
      const drafted = purchaseOrderSchema.parse(expectOk(await draft(onA, made, QUANTITY), 201));
      const sent = purchaseOrderSchema.parse(
        expectOk(await onB.post(`/purchase-orders/${drafted.id}/send`, { ifMatch: drafted.version, idempotencyKey: newKey() })),
      );
      const levelBefore = inventoryListSchema.parse(
        expectOk(await onA.get('/inventory', { query: { variantId: made.variantId, locationId: made.locationId } })),
      ).items[0]!;
      expect(levelBefore.onOrder).toBe(QUANTITY);
      const answers = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          timed(
            at(i).post(`/purchase-orders/${sent.id}/receipts`, {
              body: { lines: [{ lineId: sent.lines[0]!.id, quantity: QUANTITY }] },
              ifMatch: sent.version,
              idempotencyKey: newKey(),
            }),
          ),
        ),
      );
      const label = `round ${round + 1}, slowest ${slowest(answers)} ms`;
      const statuses = expectAllAnswered(answers).map((r) => r.status);
      expect({ label, ok: statuses.filter((s) => s === 200).length, stale: statuses.filter((s) => s === 409).length }).toEqual({
        label,
        ok: 1,
        stale: N - 1,
      });
      const after = purchaseOrderSchema.parse(expectOk(await onB.get(`/purchase-orders/${sent.id}`)));
      expect({ label, status: after.status, received: after.lines[0]!.received, receipts: after.receipts.length }).toEqual({
        label,
        status: 'received',
        received: QUANTITY,
        receipts: 1,
      });
      const levelAfter = inventoryListSchema.parse(
        expectOk(await onB.get('/inventory', { query: { variantId: made.variantId, locationId: made.locationId } })),
      ).items[0]!;
      expect({ label, onHand: levelAfter.onHand, onOrder: levelAfter.onOrder }).toEqual({
        label,
        onHand: levelBefore.onHand + QUANTITY,
        onOrder: 0,
      });
    }
  });
});

describe('sessions across instances', () => {
  beforeEach(expectBothAnswering);

  /** A new support person, signed in at `url`. */
  async function newPerson(url: string): Promise<{ staff: Staff; api: ApiClient }> {
    const input = {
      email: `instances-${uniqueId()}@stockroom.test`,
      name: `Instances ${uniqueId()}`,
      role: 'support',
      password: 'a-new-password-1',
    };
    const staff = staffSchema.parse(expectOk(await onA.post('/staff', { body: input }), 201));
    return { staff, api: await signInAt(url, input.email, input.password) };
  }

  it.each([
    { from: 'A', to: 'B', here: A, there: B },
    { from: 'B', to: 'A', here: B, there: A },
  ])('signing out on $from ends the session on $to at once, though it was just used there', async ({ here, there }) => {
    const { api } = await newPerson(here);
    // The other instance has just seen the session (and may keep it in its cache).
    expectOk(await api.at(there).get('/products', { query: { limit: 1 } }));
    const kept = api.copy(there);
    expect((await api.delete('/session')).status).toBe(204);
    expectProblem(await kept.get('/products', { query: { limit: 1 } }), 401);
    expectProblem(await kept.copy(here).get('/products', { query: { limit: 1 } }), 401);
  });

  it('deactivating a person through A signs them out on B at once', async () => {
    const { staff, api } = await newPerson(B);
    expectOk(await api.get('/products', { query: { limit: 1 } }));
    expectOk(await onA.patch(`/staff/${staff.id}`, { body: { active: false }, ifMatch: staff.version }));
    const [throughB, throughA] = [
      await api.get('/products', { query: { limit: 1 } }),
      await api.at(A).get('/products', { query: { limit: 1 } }),
    ];
    expect([expectProblem(throughB, 401).status, expectProblem(throughA, 401).status]).toEqual([401, 401]);
  });
});

describe('the database away from one instance (C, behind a proxy)', () => {
  const AWAY_MS = 5_000;
  const BACK_WITHIN_MS = 20_000;

  /** problem+json 503 with a Retry-After of whole seconds. */
  function expectUnavailable(res: ApiResponse, label: string): void {
    expect({ label, status: res.status, contentType: res.contentType }).toEqual({
      label,
      status: 503,
      contentType: expect.stringMatching(/^application\/problem\+json/),
    });
    expectProblem(res, 503);
    expect({ label, retryAfter: res.headers.get('Retry-After') }).toEqual({ label, retryAfter: expect.stringMatching(/^[1-9]\d*$/) });
  }

  it('says so on GET /health, without a session, while the database is there', async () => {
    const res = await new ApiClient(C, AWAY_ANSWER_MS).get('/health');
    expect(expectOk(res)).toEqual({ status: 'ok', database: 'up' });
  });

  // Closed: the database refuses and drops connections (a restart). Silent: connections hang, nothing comes back
  // (a network dropping packets), which only the server's own timeouts can end (C's are 2 s to connect, 2.5 s
  // for an answer: scripts/engine.ts).
  it.each(['down', 'silent'] as const)(
    `answers 503 with Retry-After within ${AWAY_ANSWER_MS / 1000} s while it is away (%s), and 200 again within ${BACK_WITHIN_MS / 1000} s of its return`,
    async (how) => {
      const merch = await signInAt(C, DEMO_ACCOUNTS.merchandiser.email, DEMO_ACCOUNTS.merchandiser.password, AWAY_ANSWER_MS);
      const anyone = new ApiClient(C, AWAY_ANSWER_MS);
      const product = await create(merch);

      /** What C is asked while its database is away: a read, a write, a sign-in and the health check. */
      const asks = (): [string, Promise<ApiResponse>][] => [
        ['GET /products', merch.get('/products', { query: { limit: 1 } })],
        [
          'PUT /products/:id',
          merch.put(`/products/${product.id}`, {
            body: { ...productToInput(product), title: `${product.title} away` },
            ifMatch: product.version,
          }),
        ],
        [
          'POST /session',
          new ApiClient(C, AWAY_ANSWER_MS).post('/session', {
            body: { email: DEMO_ACCOUNTS.support.email, password: DEMO_ACCOUNTS.support.password },
          }),
        ],
        ['GET /health', anyone.get('/health')],
      ];
      const ask = (when: string) =>
        Promise.all(asks().map(async ([name, request]) => ({ name: `${name} (${when})`, answer: await timed(request) })));

      await controlProxy(PROXY, how);
      const downAt = performance.now();
      let away: { name: string; answer: Timed }[];
      try {
        const atOnce = ask('at once');
        await new Promise((r) => setTimeout(r, AWAY_MS / 2));
        const later = ask(`${AWAY_MS / 2000} s in`);
        away = [...(await atOnce), ...(await later)];
        // Away for AWAY_MS at least, and until every question asked meanwhile is answered (or timed out).
        const left = AWAY_MS - (performance.now() - downAt);
        if (left > 0) await new Promise((r) => setTimeout(r, left));
      } finally {
        await controlProxy(PROXY, 'up');
      }
      const upAt = performance.now();
      console.info(
        `database away: ${away.map(({ name, answer }) => `${name} ${outcome(answer)} in ${Math.round(answer.ms)} ms`).join('; ')}`,
      );
      expect(away.filter(({ answer }) => !answer.res).map(({ name, answer }) => `${name}: ${outcome(answer)}`)).toEqual([]);
      for (const { name, answer } of away) expectUnavailable(answer.res!, name);

      // Back: the same questions are answered again, the session still holds, and a write goes through.
      let last: Record<string, number | string> = {};
      let healthBody: unknown = null;
      for (;;) {
        const [health, list] = await Promise.all([timed(anyone.get('/health')), timed(merch.get('/products', { query: { limit: 1 } }))]);
        last = { health: outcome(health), products: outcome(list) };
        if (health.res?.status === 200 && list.res?.status === 200) {
          healthBody = health.res.json;
          break;
        }
        if (performance.now() - upAt > BACK_WITHIN_MS)
          throw new Error(`Not back ${BACK_WITHIN_MS / 1000} s after the database returned: ${JSON.stringify(last)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      console.info(`database back: answered 200 after ${Math.round(performance.now() - upAt)} ms`);
      expect(healthBody).toEqual({ status: 'ok', database: 'up' });
      const current = productSchema.parse(expectOk(await merch.get(`/products/${product.id}`)));
      expectOk(
        await merch.put(`/products/${product.id}`, {
          body: { ...productToInput(current), title: `${product.title} back` },
          ifMatch: current.version,
        }),
      );
    },
  );
});

describe('two admins removing each other at once, through different instances', () => {
  beforeEach(expectBothAnswering);

  const ROUNDS = 10;
  /** What each of the two sends about the other: demote, deactivate, or one of each. */
  const CHANGES: [{ role?: string; active?: boolean }, { role?: string; active?: boolean }][] = [
    [{ role: 'manager' }, { role: 'manager' }],
    [{ active: false }, { active: false }],
    [{ role: 'manager' }, { active: false }],
  ];

  it(`leaves at least one active admin, every one of ${ROUNDS} rounds`, async () => {
    // Someone who reads the staff list through it all, and never takes part.
    const observer = await signInAt(A, DEMO_ACCOUNTS.manager.email, DEMO_ACCOUNTS.manager.password);
    const activeAdmins = async () =>
      staffListSchema
        .parse(expectOk(await observer.get('/staff', { query: { limit: 500 } })))
        .items.filter((s) => s.active && s.role === 'admin')
        .map((s) => s.id)
        .sort();
    let keeper = onA;

    for (let round = 0; round < ROUNDS; round++) {
      // Two new admins, X on A and Y on B; X then removes every other active admin, so the two are the last.
      const people = await Promise.all(
        [0, 1].map(async () => {
          const input = {
            email: `admin-${uniqueId()}@stockroom.test`,
            name: `Admin ${uniqueId()}`,
            role: 'admin',
            password: 'a-new-password-1',
          };
          return { input, staff: staffSchema.parse(expectOk(await keeper.post('/staff', { body: input }), 201)) };
        }),
      );
      const [x, y] = people.map((p) => p.staff) as [Staff, Staff];
      const xOnA = await signInAt(A, people[0]!.input.email, people[0]!.input.password);
      const yOnB = await signInAt(B, people[1]!.input.email, people[1]!.input.password);
      const staff = staffListSchema.parse(expectOk(await xOnA.get('/staff', { query: { limit: 500 } }))).items;
      for (const other of staff.filter((s) => s.active && s.role === 'admin' && s.id !== x.id && s.id !== y.id))
        expectOk(await xOnA.patch(`/staff/${other.id}`, { body: { active: false }, ifMatch: other.version }));
      expect(await activeAdmins()).toEqual([x.id, y.id].sort());

      const [xChange, yChange] = CHANGES[round % CHANGES.length]!;
      const answers = await Promise.all([
        timed(xOnA.patch(`/staff/${y.id}`, { body: xChange, ifMatch: y.version })),
        timed(yOnB.patch(`/staff/${x.id}`, { body: yChange, ifMatch: x.version })),
      ]);
      const label = `round ${round + 1}, X ${JSON.stringify(xChange)} Y, Y ${JSON.stringify(yChange)} X: ${answers.map(outcome).join(', ')}`;
      const [xAnswer, yAnswer] = expectAllAnswered(answers);
      // Exactly one goes through (the two are decided one after the other, under a lock); the other is refused
      // with a rule's answer, never a 5xx: 422 the last active admin stays, 409 its version moved, or its sender
      // was the one just removed (401 no longer active, 403 no longer an admin).
      const left = await activeAdmins();
      // The list also says what the answers said: whoever was removed with a 200 is gone, the other stays.
      const answered = [...(yAnswer!.status === 200 ? [] : [x.id]), ...(xAnswer!.status === 200 ? [] : [y.id])].sort();
      const statuses = [xAnswer!.status, yAnswer!.status];
      expect({
        label,
        wentThrough: statuses.filter((s) => s === 200).length,
        refusedAs: statuses.filter((s) => s !== 200).every((s) => [401, 403, 409, 422].includes(s)),
        someAdminLeft: left.length > 0,
        left,
      }).toEqual({
        label,
        wentThrough: 1,
        refusedAs: true,
        someAdminLeft: true,
        left: answered,
      });
      keeper = left.includes(x.id) ? xOnA : yOnB;
    }
  });
});
