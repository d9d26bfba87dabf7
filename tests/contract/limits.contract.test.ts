/**
 * Limits an attacker probed: a level holds at most MAX_STOCK_UNITS on hand,
 * whichever write would take it there (a receipt's rows added up per level,
 * an adjustment, a transfer's destination, a refund's restock); image
 * addresses are plain https on a named host; numbers in a query string are
 * decimal digits; an email is at most 254 characters. Each refusal is a 422
 * (400 for a query) beside the field, and changes nothing.
 */
import { MAX_STOCK_UNITS } from '../../src/contract/constants';
import { orderSchema } from '../../src/contract/order-schemas';
import { productListResponseSchema, staffSchema } from '../../src/contract/schemas';
import { receiptResultSchema, stockChangeResultSchema } from '../../src/contract/stock-schemas';
import { anonymous, newKey, signIn, signInWith, uniqueId, type ApiClient } from './driver';
import {
  createProduct,
  expectLedgerExplainsLevels,
  expectOk,
  expectProblem,
  getOrder,
  getProduct,
  ledgerOf,
  levelAt,
  locationIds,
  newProductInput,
  orderClaimer,
  receive,
} from './fixtures';

const claim = orderClaimer();
let api: ApiClient;
let A: string;
let B: string;
beforeAll(async () => {
  api = await signIn('manager');
  [A = '', B = ''] = await locationIds(api);
});

const units = (n: number) => n.toLocaleString('en-US');
const tooMuch = (where: string, onHand: number) =>
  `${where} would have ${units(onHand)} on hand: a level holds at most ${units(MAX_STOCK_UNITS)} units.`;

async function freshVariant() {
  const product = await createProduct(api);
  return product.variants[0]!;
}

describe('a level holds at most MAX_STOCK_UNITS on hand', () => {
  it('a receipt adds its rows up per level: rows that would overfill one are refused together, the rest of the file and nothing else', async () => {
    const v = await freshVariant();
    await receive(api, v.id, A, 5);
    const before = await ledgerOf(api, v.id);
    const row = (location: string, quantity: number) => ({ sku: v.sku, location, quantity: String(quantity) });
    // 5 on the shelf at A: 999,000 + 996 more is one unit too many; B's full million is fine.
    const rows = [row(A, 999_000), row(B, MAX_STOCK_UNITS), row(A, 996)];
    const dry = receiptResultSchema.parse(expectOk(await api.post('/inventory/receipts', { body: { rows, dryRun: true } })));
    expect(dry.rows.map((r) => r.ok)).toEqual([false, true, false]);
    expect(dry.rows[0]!.errors.quantity).toMatch(
      /^With the 2 rows of this file, .* would have 1,000,001 on hand: a level holds at most 1,000,000 units\.$/,
    );

    const refused = expectProblem(await api.post('/inventory/receipts', { body: { rows }, idempotencyKey: newKey() }), 422);
    expect(Object.keys(refused.errors ?? {}).sort()).toEqual(['rows.0.quantity', 'rows.2.quantity']);
    expect(refused.errors?.['rows.2.quantity']).toBe(`Line 4: ${dry.rows[2]!.errors.quantity}`);
    expect(await ledgerOf(api, v.id)).toEqual(before);
    expect((await levelAt(api, v.id, A)).onHand).toBe(5);

    // The attack as found: 2,148 rows of a million each on one level (past 2^31 units) are all refused.
    const flood = Array.from({ length: 2_148 }, () => row(A, MAX_STOCK_UNITS));
    const floodDry = receiptResultSchema.parse(expectOk(await api.post('/inventory/receipts', { body: { rows: flood, dryRun: true } })));
    expect(floodDry).toMatchObject({ okRows: 0, errorRows: 2_148, units: 0 });
    expectProblem(await api.post('/inventory/receipts', { body: { rows: flood }, idempotencyKey: newKey() }), 422);

    // Up to the limit exactly, it applies.
    const fits = [row(A, 999_000), row(B, MAX_STOCK_UNITS), row(A, 995)];
    expect(
      receiptResultSchema.parse(expectOk(await api.post('/inventory/receipts', { body: { rows: fits }, idempotencyKey: newKey() }))),
    ).toMatchObject({ applied: true, okRows: 3 });
    expect([(await levelAt(api, v.id, A)).onHand, (await levelAt(api, v.id, B)).onHand]).toEqual([MAX_STOCK_UNITS, MAX_STOCK_UNITS]);
    await expectLedgerExplainsLevels(api, v.id);
  });

  it('an adjustment may fill a level to the limit, not a unit past it (422 on quantity), and may always take it down', async () => {
    const v = await freshVariant();
    const level = await receive(api, v.id, A, MAX_STOCK_UNITS - 10);
    const adjust = (version: number, reason: string, quantity: number) =>
      api.post('/inventory/adjustments', { body: { variantId: v.id, locationId: A, version, reason, quantity }, idempotencyKey: newKey() });

    const over = expectProblem(await adjust(level.version, 'received', 11), 422);
    expect(over.errors).toEqual({ quantity: tooMuch(`${v.sku} at ${await locationName(A)}`, MAX_STOCK_UNITS + 1) });
    expect(await levelAt(api, v.id, A)).toEqual(level);

    const full = stockChangeResultSchema.parse(expectOk(await adjust(level.version, 'received', 10))).levels[0]!;
    expect(full.onHand).toBe(MAX_STOCK_UNITS);
    expectProblem(await adjust(full.version, 'received', 1), 422);
    expect(stockChangeResultSchema.parse(expectOk(await adjust(full.version, 'damaged', 1))).levels[0]!.onHand).toBe(MAX_STOCK_UNITS - 1);
    await expectLedgerExplainsLevels(api, v.id);
  });

  it('a transfer may not overfill its destination (422 on quantity, naming it), and then moves neither side', async () => {
    const v = await freshVariant();
    const from = await receive(api, v.id, A, 20);
    const to = await receive(api, v.id, B, MAX_STOCK_UNITS - 10);
    const transfer = (quantity: number) =>
      api.post('/inventory/transfers', {
        body: { variantId: v.id, fromLocationId: A, toLocationId: B, fromVersion: from.version, toVersion: to.version, quantity },
        idempotencyKey: newKey(),
      });
    const over = expectProblem(await transfer(11), 422);
    expect(over.errors).toEqual({ quantity: tooMuch(`${v.sku} at ${await locationName(B)}`, MAX_STOCK_UNITS + 1) });
    expect([await levelAt(api, v.id, A), await levelAt(api, v.id, B)]).toEqual([from, to]);

    const moved = stockChangeResultSchema.parse(expectOk(await transfer(10)));
    expect(moved.levels.map((l) => [l.locationId, l.onHand])).toEqual([
      [A, 10],
      [B, MAX_STOCK_UNITS],
    ]);
    await expectLedgerExplainsLevels(api, v.id);
  });

  it('a refund may not restock a full shelf (422 on the line), and then refunds nothing', async () => {
    const order = await claim(api, { status: 'closed', paymentStatus: 'paid' }, (o) => o.refunded === 0 && o.total > 0);
    const line = order.lines[0]!;
    const shelf = await levelAt(api, line.variantId, order.locationId);
    const count = (version: number, quantity: number) =>
      api.post('/inventory/adjustments', {
        body: { variantId: line.variantId, locationId: order.locationId, version, reason: 'count_correction', quantity },
        idempotencyKey: newKey(),
      });
    const full = stockChangeResultSchema.parse(expectOk(await count(shelf.version, MAX_STOCK_UNITS))).levels[0]!;
    try {
      const res = await api.post(`/orders/${order.id}/refunds`, {
        body: {
          version: order.version,
          lines: [{ lineId: line.id, quantity: 1 }],
          shipping: false,
          amount: 0,
          restock: true,
          locationId: order.locationId,
          reason: 'Contract test',
        },
        idempotencyKey: newKey(),
      });
      const problem = expectProblem(res, 422);
      expect(problem.errors).toEqual({
        'lines.0.quantity': tooMuch(`${full.sku} at ${await locationName(order.locationId)}`, MAX_STOCK_UNITS + 1),
      });
      expect(orderSchema.parse(await getOrder(api, order.id))).toEqual(order);
      expect(await levelAt(api, line.variantId, order.locationId)).toEqual(full);
    } finally {
      // The seeded variant goes back to what it had, for whoever reads the shop next.
      expectOk(await count(full.version, shelf.onHand));
    }
    await expectLedgerExplainsLevels(api, line.variantId);
  });
});

async function locationName(id: string): Promise<string> {
  const res = expectOk(await api.get('/locations')) as { items: { id: string; name: string }[] };
  return res.items.find((l) => l.id === id)?.name ?? id;
}

describe('strict input', () => {
  it('takes image addresses only as plain https on a named host, the demo’s included', async () => {
    const bad = [
      'http://127.0.0.1:22/',
      'https://example.com/x.png"onerror="alert(1)',
      'https://127.0.0.1/x.png',
      'https://localhost/x.png',
      'https://user:secret@images.example.com/x.png',
      'https://images.example.com:8443/x.png',
      "https://images.example.com/x.png');background:url(",
      'javascript:alert(1)',
    ];
    const refused = expectProblem(
      await api.post('/products', { body: newProductInput({ images: bad.map((url) => ({ url, alt: '' })) }) }),
      422,
    );
    expect(Object.keys(refused.errors ?? {}).sort()).toEqual(bad.map((_, i) => `images.${i}.url`).sort());
    expect(refused.errors?.['images.0.url']).toBe('Enter an https:// address, like https://images.example.com/photo.jpg');
    expect(refused.errors?.['images.1.url']).toBe('Use a plain address: no spaces, quotes, brackets, port or password');

    const good = ['https://images.stockroom.test/products/audio-1.svg', 'https://cdn.example.com/caf%C3%A9.png?w=200&h=200'];
    const product = await createProduct(api, { images: good.map((url) => ({ url, alt: 'A picture' })) });
    expect((await getProduct(api, product.id)).images.map((i) => i.url)).toEqual(good);
    // An edit is held to the same rule.
    const { id: _id, createdAt: _c, updatedAt: _u, version, ...input } = product;
    const edit = {
      ...input,
      images: [{ url: bad[0], alt: '' }],
      variants: product.variants.map(({ productId: _p, stock: _s, version: _v, ...variant }) => variant),
    };
    expect(expectProblem(await api.put(`/products/${product.id}`, { body: edit, ifMatch: version }), 422).errors).toEqual({
      'images.0.url': 'Enter an https:// address, like https://images.example.com/photo.jpg',
    });
  });

  it('reads numbers in a query string as decimal digits only (400 naming the parameter)', async () => {
    const bad = { priceMin: '0x10', priceMax: '1e3', offset: ' 7 ', limit: '' };
    const problem = expectProblem(await api.get('/products', { query: bad }), 400);
    expect(problem.errors).toEqual({
      priceMin: 'Use a whole number in decimal digits, like 25',
      priceMax: 'Use a whole number in decimal digits, like 25',
      offset: 'Use a whole number in decimal digits, like 25',
      limit: 'Use a whole number in decimal digits, like 25',
    });
    expect(
      Object.keys(expectProblem(await api.get('/orders', { query: { totalMin: '0b1', limit: '0x10' } }), 400).errors ?? {}).sort(),
    ).toEqual(['limit', 'totalMin']);
    expect(Object.keys(expectProblem(await api.get('/inventory', { query: { offset: '1.0' } }), 400).errors ?? {})).toEqual(['offset']);
    const page = productListResponseSchema.parse(
      expectOk(await api.get('/products', { query: { priceMin: '16', limit: '5', offset: '007' } })),
    );
    expect(page.items.length).toBeLessThanOrEqual(5);
  });

  it('takes an email of at most 254 characters (RFC 5321) at sign-in and when making staff', async () => {
    const admin = await signIn('admin');
    /** A well-formed address of exactly `length` characters, in DNS labels of at most 63. */
    const emailOf = (length: number) => {
      const local = `limit-${uniqueId()}@`;
      let left = length - local.length - 'test'.length;
      let domain = '';
      while (left > 0) {
        const label = Math.min(61, left - (left - 61 === 1 ? 2 : 0));
        domain += `${'x'.repeat(label - 1)}.`;
        left -= label;
      }
      return `${local}${domain}test`;
    };
    const longest = emailOf(254);
    const tooLong = emailOf(255);
    expect([longest.length, tooLong.length]).toEqual([254, 255]);
    const message = 'An email address has at most 254 characters';

    expect(expectProblem(await anonymous().post('/session', { body: { email: tooLong, password: 'whatever-it-is' } }), 422).errors).toEqual(
      {
        email: message,
      },
    );
    const person = (email: string) => ({ email, name: `Limit ${uniqueId()}`, role: 'support', password: 'a-new-password-1' });
    expect(expectProblem(await admin.post('/staff', { body: person(tooLong) }), 422).errors).toEqual({ email: message });
    const made = staffSchema.parse(expectOk(await admin.post('/staff', { body: person(longest) }), 201));
    expect(made.email).toBe(longest);
    await signInWith(longest, 'a-new-password-1');
  });
});
