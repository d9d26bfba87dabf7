/**
 * Customers: one record per person who ordered, adding up their orders (the
 * order list filtered by customerId gives the same sums); search by email,
 * name or phone digits, filters and sorts as filtering the whole list would;
 * the customer page (addresses, a timeline newest first, internal notes); and
 * the order's link to its customer. Customers are found through the API, never
 * by a seeded id.
 */
import { customerListSchema, customerSchema, type CustomerSummary } from '../../src/contract/customer-schemas';
import { orderListSchema } from '../../src/contract/order-schemas';
import { compareText } from '../../src/domain/compare';
import { addDays } from '../../src/domain/report-rules';
import { storeDate } from '../../src/domain/store-time';
import { idOf, newKey, signIn, type ApiClient, type Query } from './driver';
import { auditOf, expectOk, expectProblem, getOrder, listOrders } from './fixtures';

let support: ApiClient;
/** Every customer, as the list answers without filters. */
let everyone: CustomerSummary[];

async function listCustomers(query: Query): Promise<CustomerSummary[]> {
  const rows: CustomerSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = customerListSchema.parse(expectOk(await support.get('/customers', { query: { ...query, limit: 500, offset } })));
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) return rows;
  }
}
const getCustomer = async (id: string) => customerSchema.parse(expectOk(await support.get(`/customers/${id}`)));
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
const digits = (phone: string) => phone.replace(/\D/g, '');

beforeAll(async () => {
  support = await signIn('support');
  everyone = await listCustomers({});
  if (everyone.length < 100) throw new Error(`The seeded shop should have hundreds of customers, not ${everyone.length}`);
});

/** A customer who ordered more than once and had something refunded, so spend differs from what was charged. */
const repeatBuyer = () => {
  const c = everyone.find((x) => x.orders >= 3 && x.refunded > 0);
  if (!c) throw new Error('No repeat buyer with a refund in the seeded shop');
  return c;
};

describe('GET /customers', () => {
  it('finds a customer by their email in any case, by name, and by the digits of their phone, as searching the whole list would', async () => {
    const sample = everyone[40]!;
    const byEmail = await listCustomers({ q: sample.email.toUpperCase() });
    expect(byEmail.map((c) => c.id)).toContain(sample.id);
    const email = sample.email.toLowerCase();
    expect(ids(byEmail)).toEqual(
      ids(everyone.filter((c) => c.email.toLowerCase().includes(email) || c.name.toLowerCase().includes(email))),
    );

    const surname = sample.name.split(' ').at(-1)!.toLowerCase();
    const byName = await listCustomers({ q: surname });
    expect(byName.map((c) => c.id)).toContain(sample.id);
    expect(ids(byName)).toEqual(ids(everyone.filter((c) => `${c.name}\n${c.email}`.toLowerCase().includes(surname))));
    expect(byName.length).toBeLessThan(everyone.length);

    // The phone as written, or its digits alone, or only the last seven of them.
    const phone = digits(sample.phone);
    const byPhone = await listCustomers({ q: phone });
    expect(byPhone.map((c) => c.id)).toContain(sample.id);
    expect(ids(byPhone)).toEqual(ids(everyone.filter((c) => digits(c.phone).includes(phone))));
    expect(ids(await listCustomers({ q: sample.phone }))).toEqual(ids(byPhone));
    const local = phone.slice(-7);
    expect(ids(await listCustomers({ q: `${local.slice(0, 3)}-${local.slice(3)}` }))).toEqual(
      ids(everyone.filter((c) => digits(c.phone).includes(local))),
    );
  });

  it('filters by state, number of orders, lifetime spend and last order day, as filtering the whole list would', async () => {
    const sample = everyone[60]!;
    const inState = await listCustomers({ state: sample.state });
    expect(ids(inState)).toEqual(ids(everyone.filter((c) => c.state === sample.state)));
    expect(inState.length).toBeLessThan(everyone.length);

    const repeat = await listCustomers({ ordersMin: 3 });
    expect(ids(repeat)).toEqual(ids(everyone.filter((c) => c.orders >= 3)));
    expect(repeat.length).toBeGreaterThan(0);

    const median = [...everyone.map((c) => c.spent)].sort((a, b) => a - b)[Math.floor(everyone.length / 2)]!;
    const big = await listCustomers({ spentMin: median });
    expect(ids(big)).toEqual(ids(everyone.filter((c) => c.spent >= median)));

    // Days in the store's zone: a customer whose last order came late in the evening there counts on that day.
    const lastFrom = addDays(storeDate(Date.parse(sample.lastOrderAt!)), -30);
    const recent = await listCustomers({ lastFrom });
    expect(ids(recent)).toEqual(ids(everyone.filter((c) => storeDate(Date.parse(c.lastOrderAt!)) >= lastFrom)));
    expect(recent.length).toBeLessThan(everyone.length);

    const together = await listCustomers({ state: sample.state, ordersMin: 2, lastFrom });
    expect(ids(together)).toEqual(
      ids(everyone.filter((c) => c.state === sample.state && c.orders >= 2 && storeDate(Date.parse(c.lastOrderAt!)) >= lastFrom)),
    );

    const problem = expectProblem(await support.get('/customers', { query: { state: 'California', lastFrom: '01/11/2026' } }), 400);
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual(['lastFrom', 'state']);
  });

  it('sorts by name, number of orders, spend and last order, last order newest first by default', async () => {
    const page = async (sort?: string) =>
      customerListSchema.parse(expectOk(await support.get('/customers', { query: { sort, limit: 200 } }))).items;
    const inOrder = <T>(rows: T[], compare: (a: T, b: T) => number) => rows.every((row, i) => i === 0 || compare(rows[i - 1]!, row) <= 0);

    const byDefault = await page();
    expect(inOrder(byDefault, (a, b) => compareText(b.lastOrderAt!, a.lastOrderAt!))).toBe(true);
    expect(byDefault[0]!.lastOrderAt).toBe(
      everyone
        .map((c) => c.lastOrderAt!)
        .sort()
        .at(-1),
    );
    const byName = await page('name');
    expect(inOrder(byName, (a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()))).toBe(true);
    const mostOrders = await page('-orders');
    expect(inOrder(mostOrders, (a, b) => b.orders - a.orders)).toBe(true);
    expect(mostOrders[0]!.orders).toBe(Math.max(...everyone.map((c) => c.orders)));
    const leastSpent = await page('spent');
    expect(inOrder(leastSpent, (a, b) => a.spent - b.spent)).toBe(true);
    expect(leastSpent[0]!.spent).toBe(Math.min(...everyone.map((c) => c.spent)));
    const topSpent = await page('-spent');
    expect(topSpent[0]!.spent).toBe(Math.max(...everyone.map((c) => c.spent)));
  });

  it('adds up a repeat buyer from their orders: count, spend (their orders’ net), refunds, average, first and last order', async () => {
    const buyer = repeatBuyer();
    const list = orderListSchema.parse(expectOk(await support.get('/orders', { query: { customerId: buyer.id, limit: 100 } })));
    expect(list.items.length).toBe(list.total);
    // Refunded is what went back to them: an exchange's credit (toExchange) paid for its replacement instead; a
    // replacement (exchangeFor) is no purchase, so neither an order nor the first or last one.
    const orders = await Promise.all(list.items.map((o) => getOrder(support, o.id)));
    const paidBack = orders.reduce((n, o) => n + o.refunds.reduce((m, r) => m + r.amount - r.toExchange, 0), 0);
    const purchases = orders.filter((o) => o.exchangeFor === null);
    const placed = purchases.map((o) => o.placedAt).sort();
    expect(buyer).toMatchObject({
      orders: purchases.length,
      spent: list.totals.net,
      refunded: paidBack,
      averageOrder: Math.round(list.totals.net / purchases.length),
      firstOrderAt: placed[0],
      lastOrderAt: placed.at(-1),
    });
    expect(buyer.spent).toBe(list.items.reduce((n, o) => n + o.net, 0));
    expect(buyer.spent).toBeLessThan(list.totals.total);
    for (const o of list.items) expect(o.customerEmail).toBe(buyer.email);
  });
});

describe('GET /customers/:id', () => {
  it('shows contact, every address once, and a timeline of their orders newest first; 404 for an unknown id', async () => {
    const buyer = repeatBuyer();
    const customer = await getCustomer(buyer.id);
    expect(customer).toMatchObject(buyer);
    const orders = await Promise.all((await listOrders(support, { customerId: buyer.id })).map((o) => getOrder(support, o.id)));
    expect(orders.every((o) => o.customer.id === buyer.id)).toBe(true);
    const key = (a: (typeof customer.addresses)[number]) =>
      [a.name, a.line1, a.line2 ?? '', a.city, a.state, a.zip].join('|').toLowerCase();
    expect(customer.addresses.map(key).sort()).toEqual([...new Set(orders.map((o) => key(o.shippingAddress)))].sort());
    const latest = [...orders].sort((a, b) => compareText(b.placedAt, a.placedAt))[0]!;
    expect(key(customer.addresses[0]!)).toBe(key(latest.shippingAddress));

    const events = orders.flatMap((o) => o.timeline.map((e) => ({ ...e, order: { id: o.id, number: o.number } })));
    expect(customer.timeline.length).toBe(Math.min(events.length, 100));
    expect(customer.timeline.every((e, i) => i === 0 || compareText(customer.timeline[i - 1]!.at, e.at) >= 0)).toBe(true);
    expect(customer.timeline[0]!.at).toBe(
      events
        .map((e) => e.at)
        .sort()
        .at(-1),
    );
    for (const e of customer.timeline) expect(events).toContainEqual(e);

    expectProblem(await support.get('/customers/cus_nope'), 404);
  });

  it('takes internal notes from support (once per key), not from a merchandiser (403), into the timeline and the audit log', async () => {
    const buyer = everyone[80]!;
    const before = await getCustomer(buyer.id);
    const key = newKey();
    const send = (api: ApiClient, text: string, idempotencyKey?: string) =>
      api.post(`/customers/${buyer.id}/notes`, { body: { text }, idempotencyKey });
    const [a, b] = await Promise.all([send(support, 'Prefers email over phone', key), send(support, 'Prefers email over phone', key)]);
    const noted = customerSchema.parse(expectOk(a));
    expect(b.json).toEqual(a.json);
    expect(noted.notes).toEqual([
      ...before.notes,
      expect.objectContaining({ text: 'Prefers email over phone', author: { id: idOf('support'), name: expect.any(String) } }),
    ]);
    expect(noted.version).toBe(before.version + 1);
    expect(noted.timeline[0]).toMatchObject({ type: 'note_added', actor: { id: idOf('support') }, order: null });
    expect(noted.timeline[0]!.message).toContain('Prefers email over phone');
    // Notes change nothing their orders add up to.
    expect(noted).toMatchObject(buyer);

    expectProblem(await send(await signIn('merchandiser'), 'Not mine to add'), 403);
    expect(Object.keys(expectProblem(await send(support, '   '), 422).errors ?? {})).toEqual(['text']);
    expect(await getCustomer(buyer.id)).toEqual(noted);

    const audit = await auditOf(await signIn('manager'), 'customer', buyer.id);
    expect(audit[0]).toMatchObject({ action: 'note added', actor: { id: idOf('support') }, after: { note: 'Prefers email over phone' } });
  });

  it('is where an order’s customer.id leads, and their orders list that order', async () => {
    const row = orderListSchema.parse(expectOk(await support.get('/orders', { query: { sort: '-placedAt', limit: 1, offset: 25 } })))
      .items[0]!;
    const order = await getOrder(support, row.id);
    const customer = await getCustomer(order.customer.id);
    expect(customer).toMatchObject({ id: order.customer.id, name: order.customer.name, email: order.customer.email });
    const theirs = await listOrders(support, { customerId: order.customer.id });
    expect(theirs.map((o) => o.id)).toContain(order.id);
    expect(theirs.length).toBe(customer.orders);
    expectProblem(await support.get('/orders', { query: { customerId: '' } }), 400);
  });
});
