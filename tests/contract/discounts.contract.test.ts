/**
 * Discounts on both backends: the seeded codes with their real usage, codes
 * unique without regard to case, versions and 409s, a preview priced by the
 * orders' rule, a scheduled code turning on by itself, and a usage limit that
 * holds under concurrent checkouts.
 */
import { orderListSchema } from '../../src/contract/order-schemas';
import {
  discountListSchema,
  discountPerformanceSchema,
  discountPreviewSchema,
  discountSchema,
  type Discount,
} from '../../src/contract/discount-schemas';
import { auditListSchema, productListResponseSchema } from '../../src/contract/schemas';
import { storeClockSchema } from '../../src/contract/report-schemas';
import { addDays, averageOrderValue } from '../../src/domain/report-rules';
import { testClock } from '../clock';
import { newKey, signIn, uniqueId, type ApiClient } from './driver';
import { expectOk, expectProblem, getProduct, newDiscountInput } from './fixtures';

let api: ApiClient;
let today: string;
beforeAll(async () => {
  api = await signIn('merchandiser');
  today = storeClockSchema.parse(expectOk(await (await signIn('manager')).get('/reports/clock'))).today;
});

const list = async (query: Record<string, string | number> = {}) =>
  discountListSchema.parse(expectOk(await api.get('/discounts', { query: { limit: 100, ...query } })));
const create = async (over: Parameters<typeof newDiscountInput>[0] = {}) =>
  discountSchema.parse(expectOk(await api.post('/discounts', { body: newDiscountInput(over), idempotencyKey: newKey() }), 201));
const inputOf = ({
  id: _i,
  status: _s,
  uses: _u,
  revenue: _r,
  discountGiven: _d,
  createdAt: _c,
  updatedAt: _m,
  version: _v,
  ...input
}: Discount) => input;

describe('the seeded codes', () => {
  it('show the usage the orders carry, each code’s orders being the order list filtered by it', async () => {
    const { items } = await list();
    for (const code of ['WELCOME10', 'HOLIDAY20', 'FRIENDS15']) {
      const d = items.find((x) => x.code === code)!;
      expect(d.status).toBe('active');
      const orders = orderListSchema.parse(expectOk(await api.get('/orders', { query: { discountCode: code.toLowerCase(), limit: 1 } })));
      expect(orders.total).toBeGreaterThan(0);
      expect(d).toMatchObject({ uses: orders.totals.orders, revenue: orders.totals.total });
      expect(d.discountGiven).toBeGreaterThan(0);
    }
    expect(items.find((x) => x.code === 'SPRING25')?.status).toBe('scheduled');
    expect(items.find((x) => x.kind === 'automatic')?.status).toBe('disabled');
    const scheduled = await list({ status: 'scheduled' });
    expect(scheduled.items.every((d) => d.status === 'scheduled')).toBe(true);
  });

  it('measure a code over a range: its orders by day, and the average order with and without it', async () => {
    const holiday = (await list({ q: 'holiday20' })).items[0]!;
    const [from, to] = [addDays(today, -45), today];
    const perf = discountPerformanceSchema.parse(expectOk(await api.get(`/discounts/${holiday.id}/performance`, { query: { from, to } })));
    const orders = orderListSchema.parse(expectOk(await api.get('/orders', { query: { discountCode: 'HOLIDAY20', from, to, limit: 1 } })));
    const all = orderListSchema.parse(expectOk(await api.get('/orders', { query: { from, to, limit: 1 } })));
    expect(perf.totals).toMatchObject({ uses: orders.totals.orders, revenue: orders.totals.total });
    expect(perf.days.reduce((n, d) => n + d.uses, 0)).toBe(perf.totals.uses);
    expect(perf.days.every((d) => d.date >= from && d.date <= to)).toBe(true);
    expect(perf.averageOrderWith).toBe(averageOrderValue(orders.totals.total, orders.totals.orders));
    expect(perf.averageOrderWithout).toBe(
      averageOrderValue(all.totals.total - orders.totals.total, all.totals.orders - orders.totals.orders),
    );
  });
});

describe('creating and editing', () => {
  it('makes a code once per Idempotency-Key, and refuses the same code in another case beside the code', async () => {
    const key = newKey();
    const code = `SAVE${uniqueId().toUpperCase()}`;
    const body = newDiscountInput({ code });
    const send = async () => discountSchema.parse(expectOk(await api.post('/discounts', { body, idempotencyKey: key }), 201));
    const first = await send();
    const again = await send();
    expect(again.id).toBe(first.id);
    expect((await list({ q: code })).total).toBe(1);
    expect(first).toMatchObject({ code, status: 'active', uses: 0, revenue: 0, version: 1 });
    const taken = expectProblem(
      await api.post('/discounts', { body: newDiscountInput({ code: code.toLowerCase() }), idempotencyKey: newKey() }),
      422,
    );
    expect(Object.keys(taken.errors ?? {})).toEqual(['code']);
  });

  it('says beside each field what is wrong', async () => {
    const problem = expectProblem(
      await api.post('/discounts', {
        body: newDiscountInput({
          type: 'percent',
          value: 12_000,
          scope: 'categories',
          targetIds: [],
          endsAt: new Date(testClock() - 2 * 86_400_000).toISOString(),
        }),
        idempotencyKey: newKey(),
      }),
      422,
    );
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual(['endsAt', 'targetIds', 'value']);
  });

  it('edits at a version (409 with the discount as it is, 428 without one), disables at once, and audits', async () => {
    const d = await create();
    const disabled = discountSchema.parse(
      expectOk(await api.put(`/discounts/${d.id}`, { body: { ...inputOf(d), enabled: false }, ifMatch: d.version })),
    );
    expect(disabled).toMatchObject({ status: 'disabled', version: 2 });
    const stale = expectProblem(await api.put(`/discounts/${d.id}`, { body: { ...inputOf(d), title: 'Stale' }, ifMatch: d.version }), 409);
    expect(stale.current).toMatchObject({ id: d.id, version: 2, enabled: false });
    expectProblem(await api.put(`/discounts/${d.id}`, { body: inputOf(d) }), 428);
    expectProblem(await api.get('/discounts/disc_nope'), 404);
    const manager = await signIn('manager');
    const audit = auditListSchema.parse(expectOk(await manager.get('/audit', { query: { entityType: 'discount', entityId: d.id } })));
    expect(audit.items.map((e) => e.action).sort()).toEqual(['discount changed', 'discount created']);
    expect(audit.items.find((e) => e.action === 'discount changed')).toMatchObject({
      before: { enabled: true },
      after: { enabled: false },
    });
  });
});

describe('preview', () => {
  it('prices a basket by the orders’ rule: the discount only on the lines it applies to, to the cent', async () => {
    const first = async (categoryId: string) =>
      getProduct(
        api,
        productListResponseSchema.parse(expectOk(await api.get('/products', { query: { status: 'active', categoryId, limit: 1 } })))
          .items[0]!.id,
      );
    const audio = await first('audio');
    const other = await first('power');
    const basket = [
      { variantId: audio.variants[0]!.id, quantity: 2 },
      { variantId: other.variants[0]!.id, quantity: 1 },
    ];
    const discount = newDiscountInput({ value: 1500, scope: 'categories', targetIds: ['audio'] });
    const p = discountPreviewSchema.parse(expectOk(await api.post('/discounts/preview', { body: { discount, basket, state: 'NJ' } })));
    const audioSubtotal = audio.variants[0]!.price * 2;
    expect(p.lines.map((l) => l.eligible)).toEqual([true, false]);
    expect(p.discount).toBe(Math.floor((audioSubtotal * 1500 + 5_000) / 10_000));
    expect(p.lines[0]!.discount).toBe(p.discount);
    expect(p.lines[1]!.discount).toBe(0);
    expect(p.lines.reduce((n, l) => n + l.tax, 0)).toBe(p.tax);
    expect(p.total).toBe(p.subtotal - p.discount + p.shipping + p.tax);

    // An amount off, split over both lines by their subtotals; the tax follows what is left of each line.
    const preview = async (over: Parameters<typeof newDiscountInput>[0], lines = basket) =>
      discountPreviewSchema.parse(
        expectOk(await api.post('/discounts/preview', { body: { discount: newDiscountInput(over), basket: lines, state: 'NJ' } })),
      );
    const amount = await preview({ type: 'amount', value: 500 });
    expect(amount.discount).toBe(500);
    expect(amount.lines.reduce((n, l) => n + l.discount, 0)).toBe(500);
    expect(amount.lines.every((l) => l.discount > 0)).toBe(true);
    expect(amount.total).toBe(amount.subtotal - 500 + amount.shipping + amount.tax);
    // Free shipping on a basket under $50 takes the $5.99 off and nothing else; over $50 it says shipping is free already.
    const cheap = productListResponseSchema.parse(
      expectOk(await api.get('/products', { query: { status: 'active', priceMax: 2_000, limit: 1 } })),
    ).items[0]!;
    const small = [{ variantId: (await getProduct(api, cheap.id)).variants.find((v) => v.price <= 2_000)!.id, quantity: 1 }];
    const plain = await preview({ type: 'percent', value: 1, scope: 'products', targetIds: ['prod_none'] }, small);
    expect(plain).toMatchObject({ shipping: 599, discount: 0, applied: false });
    expect(await preview({ type: 'free_shipping', value: 0 }, small)).toMatchObject({
      shipping: 0,
      discount: 0,
      tax: plain.tax,
      total: plain.total - 599,
      applied: true,
    });
    // 20 units of anything the shop sells (from $4.99) are over $50.
    expect(await preview({ type: 'free_shipping', value: 0 }, [{ variantId: audio.variants[0]!.id, quantity: 20 }])).toMatchObject({
      applied: false,
      reason: 'Shipping is free on this basket already',
    });

    const missing = expectProblem(
      await api.post('/discounts/preview', { body: { discount, basket: [{ variantId: 'var_nope', quantity: 1 }], state: 'NJ' } }),
      422,
    );
    expect(Object.keys(missing.errors ?? {})).toEqual(['basket.0.variantId']);
  });
});

describe('uses claimed at checkout', () => {
  const use = (client: ApiClient, id: string, email: string, key = newKey()) =>
    client.post(`/discounts/${id}/uses`, { body: { customerEmail: email }, idempotencyKey: key });

  it('never pass the usage limit, however many checkouts claim one at once', async () => {
    const support = await signIn('support');
    const d = await create({ usageLimit: 3 });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => use(support, d.id, `buyer${i}@example.com`)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    expect(answers.filter((r) => r.status === 422)).toHaveLength(7);
    expect(discountSchema.parse(expectOk(await api.get(`/discounts/${d.id}`))).uses).toBe(3);
  });

  it('count a retried claim once, and hold once per customer', async () => {
    const support = await signIn('support');
    const d = await create({ oncePerCustomer: true });
    const key = newKey();
    expectOk(await use(support, d.id, 'Pat@Example.com', key), 201);
    expectOk(await use(support, d.id, 'Pat@Example.com', key), 201);
    expect(discountSchema.parse(expectOk(await api.get(`/discounts/${d.id}`))).uses).toBe(1);
    expect(Object.keys(expectProblem(await use(support, d.id, 'pat@example.com'), 422).errors ?? {})).toEqual(['customerEmail']);
  });

  it('turn on by themselves when a scheduled code starts', async () => {
    const support = await signIn('support');
    const startsAt = new Date(testClock() + 2_500).toISOString();
    const d = await create({ startsAt });
    expect(d.status).toBe('scheduled');
    expect(Object.keys(expectProblem(await use(support, d.id, 'early@example.com'), 422).errors ?? {})).toEqual(['discount']);
    while (testClock() < Date.parse(startsAt) + 200) await new Promise((r) => setTimeout(r, 200));
    expect(discountSchema.parse(expectOk(await api.get(`/discounts/${d.id}`))).status).toBe('active');
    expectOk(await use(support, d.id, 'ontime@example.com'), 201);
  });
});
