/**
 * Sessions, the permission table and staff management, over HTTP only.
 */
import { ACTIONS, can, refusal, ROLES, type Action, type Role } from '../../src/contract/permissions';
import { auditListSchema, sessionSchema, staffListSchema, staffSchema, type Product } from '../../src/contract/schemas';
import { orderSchema } from '../../src/contract/order-schemas';
import { salesReportSchema, storeClockSchema } from '../../src/contract/report-schemas';
import {
  anonymous,
  DEMO_ACCOUNTS,
  idOf,
  newKey,
  signIn,
  signInWith,
  uniqueId,
  type ApiClient,
  type ApiResponse,
  type Query,
} from './driver';
import { testClock } from '../clock';
import { productToInput } from '../../src/contract/product-input';
import {
  createProduct,
  expectOk,
  expectProblem,
  getProduct,
  levelAt,
  locationIds,
  newDiscountInput,
  newProductInput,
  orderClaimer,
  stockCovers,
  UPS_TRACKING,
} from './fixtures';

const claimOrder = orderClaimer();
let admin: ApiClient;
let stockProduct: Product;
let warehouse: string;

beforeAll(async () => {
  admin = await signIn('admin');
  stockProduct = await createProduct(admin);
  [warehouse = ''] = await locationIds(admin);
});

const newStaff = (role: Role) => ({
  email: `staff-${uniqueId()}@stockroom.test`,
  name: `Staff ${uniqueId()}`,
  role,
  password: 'a-new-password-1',
});

/** A new person, made by the admin. */
async function createStaff(role: Role = 'support') {
  const input = newStaff(role);
  return { input, staff: staffSchema.parse(expectOk(await admin.post('/staff', { body: input }), 201)) };
}

describe('sessions', () => {
  it('signs in with email and password: the session is a cookie, never in the body', async () => {
    const api = anonymous();
    const { email, password } = DEMO_ACCOUNTS.merchandiser;
    const res = await api.post('/session', { body: { email: email.toUpperCase(), password } });
    const session = sessionSchema.parse(expectOk(res));
    expect(session.user).toMatchObject({ email, role: 'merchandiser', active: true });
    expect(JSON.stringify(res.json)).not.toMatch(/token|hash|salt|password/i);
    expect(res.headers.getSetCookie().length).toBeGreaterThan(0);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/HttpOnly/i);
    // A session lasts 30 minutes (the two clocks started a moment apart: a minute either way is allowed).
    expect(Math.abs(Date.parse(session.expiresAt) - testClock() - 30 * 60_000)).toBeLessThan(60_000);
    expect(sessionSchema.parse(expectOk(await api.get('/session'))).user.id).toBe(session.user.id);
  });

  it('refuses a wrong password with 401 problem+json and sets no session', async () => {
    const api = anonymous();
    const res = await api.post('/session', { body: { email: DEMO_ACCOUNTS.support.email, password: 'wrong-password' } });
    expectProblem(res, 401);
    expect(api.hasCookies).toBe(false);
    expectProblem(await api.get('/products'), 401);
    // One failure does not lock the account: the right password still works.
    await signIn('support');
  });

  it('refuses even the right password while an email is slowed down, and lets it in once Retry-After has passed', async () => {
    const { input } = await createStaff();
    for (let i = 0; i < 3; i++)
      expectProblem(await anonymous().post('/session', { body: { email: input.email, password: 'wrong-password' } }), 401);
    const locked = await anonymous().post('/session', { body: { email: input.email, password: input.password } });
    const { retryAfter } = expectProblem(locked, 429);
    // The first wait after three failures is 5 s; the wait is real, the API's clock runs at real speed.
    expect(retryAfter).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, retryAfter! * 1000 + 250));
    await signInWith(input.email, input.password);
  });

  it('answers 422 naming the fields to a sign-in without them', async () => {
    const problem = expectProblem(await anonymous().post('/session', { body: { email: 'not-an-email' } }), 422);
    expect(Object.keys(problem.errors ?? {})).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('slows an email down after three wrong passwords: 429 with Retry-After', async () => {
    const email = `nobody-${uniqueId()}@stockroom.test`;
    for (let i = 0; i < 3; i++) expectProblem(await anonymous().post('/session', { body: { email, password: 'wrong-password' } }), 401);
    const locked = await anonymous().post('/session', { body: { email, password: 'wrong-password' } });
    const problem = expectProblem(locked, 429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(problem.retryAfter).toBe(Number(locked.headers.get('Retry-After')));
  });

  it('answers 401 without a session, on reads and writes', async () => {
    const api = anonymous();
    expectProblem(await api.get('/session'), 401);
    expectProblem(await api.get('/products'), 401);
    expectProblem(await api.get('/orders'), 401);
    expectProblem(await api.post('/products', { body: newProductInput() }), 401);
    expectProblem(
      await api.post('/products/bulk-status', { body: { ids: [stockProduct.id], status: 'archived' }, idempotencyKey: newKey() }),
      401,
    );
    expect((await admin.get(`/products/${stockProduct.id}`)).json).toMatchObject({ status: stockProduct.status });
  });

  it('keeps several people signed in at once; signing out ends only that session', async () => {
    const [merch, support] = [await signIn('merchandiser'), await signIn('support')];
    expect(sessionSchema.parse(expectOk(await merch.get('/session'))).user.role).toBe('merchandiser');
    expect(sessionSchema.parse(expectOk(await support.get('/session'))).user.role).toBe('support');
    expect((await merch.delete('/session')).status).toBe(204);
    expectProblem(await merch.get('/products'), 401);
    expectOk(await support.get('/products', { query: { limit: 1 } }));
  });

  it('signing out ends the session on the API: its cookie, sent again, no longer works', async () => {
    const api = anonymous();
    const res = await api.post('/session', { body: { email: DEMO_ACCOUNTS.manager.email, password: DEMO_ACCOUNTS.manager.password } });
    expectOk(res);
    const cookie = res.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const withOldCookie = () => anonymous().get('/products', { query: { limit: 1 }, headers: { Cookie: cookie } });
    expectOk(await withOldCookie());
    expect((await api.delete('/session')).status).toBe(204);
    expectProblem(await withOldCookie(), 401);
  });
});

describe('the permission table, enforced by the API', () => {
  const clock = async (api: ApiClient) => storeClockSchema.parse(expectOk(await api.get('/reports/clock'))).today;

  type Probe = (api: ApiClient) => Promise<ApiResponse>;

  /**
   * One real request per route an action guards; an allowed role's request must succeed, a refused one get 403.
   * Every action has at least one route (the Record's type says so).
   */
  const probes: Record<Action, Record<string, Probe>> = {
    'products.view': { 'GET /products': (api) => api.get('/products', { query: { limit: 1 } }) },
    'products.edit': {
      'POST /products': (api) => api.post('/products', { body: newProductInput() }),
      'PUT /products/:id': async (api) => {
        const p = await createProduct(admin);
        return api.put(`/products/${p.id}`, { body: { ...productToInput(p), title: `${p.title} (edited)` }, ifMatch: p.version });
      },
      'POST /products/bulk-status': async (api) => {
        const p = await createProduct(admin);
        return api.post('/products/bulk-status', { body: { ids: [p.id], status: 'archived' }, idempotencyKey: newKey() });
      },
    },
    'stock.view': { 'GET /inventory': (api) => api.get('/inventory', { query: { limit: 1 } }) },
    'stock.edit': {
      'POST /inventory/adjustments': async (api) => {
        const variantId = stockProduct.variants[0]!.id;
        const level = await levelAt(admin, variantId, warehouse);
        return api.post('/inventory/adjustments', {
          body: { variantId, locationId: warehouse, version: level.version, reason: 'received', quantity: 1 },
          idempotencyKey: newKey(),
        });
      },
    },
    'orders.view': { 'GET /orders': (api) => api.get('/orders', { query: { limit: 1 } }) },
    'discounts.view': { 'GET /discounts': (api) => api.get('/discounts', { query: { limit: 1 } }) },
    'discounts.edit': {
      'POST /discounts': (api) => api.post('/discounts', { body: newDiscountInput(), idempotencyKey: newKey() }),
    },
    'orders.fulfil': {
      'POST /orders/:id/fulfilments': async (api) => {
        const order = await claimOrder(admin, { status: 'open', fulfilmentStatus: 'unfulfilled' }, (o) => stockCovers(admin, o));
        const line = order.lines[0]!;
        return api.post(`/orders/${order.id}/fulfilments`, {
          body: {
            version: order.version,
            locationId: order.locationId,
            carrier: 'UPS',
            trackingNumber: UPS_TRACKING,
            lines: [{ lineId: line.id, quantity: 1 }],
          },
          idempotencyKey: newKey(),
        });
      },
    },
    'orders.refund': {
      'POST /orders/:id/refunds': async (api) => {
        const order = await claimOrder(admin, { status: 'closed', paymentStatus: 'paid', totalMin: 1000 });
        return api.post(`/orders/${order.id}/refunds`, {
          body: { version: order.version, lines: [], shipping: false, amount: 100, restock: false, locationId: null, reason: 'Goodwill' },
          idempotencyKey: newKey(),
        });
      },
    },
    'reports.view': {
      'GET /reports/sales': async (api) => {
        const today = await clock(admin);
        return api.get('/reports/sales', { query: { from: today, to: today, compare: 'none' } });
      },
    },
    'audit.view': {
      'GET /audit': (api) => api.get('/audit', { query: { limit: 1 } }),
      // Managers read the staff list too: the audit log filters by person.
      'GET /staff': (api) => api.get('/staff'),
    },
    'staff.manage': {
      'POST /staff': (api) => api.post('/staff', { body: newStaff('support') }),
      'PATCH /staff/:id': async (api) => {
        const { staff } = await createStaff('support');
        return api.patch(`/staff/${staff.id}`, { body: { role: 'merchandiser' }, ifMatch: staff.version });
      },
    },
  };

  const table = ROLES.flatMap((role) => ACTIONS.flatMap((action) => Object.keys(probes[action]).map((route) => ({ role, action, route }))));
  // One session per role for the whole table: signing in costs a password hash (a quarter second on the server), and
  // what each case checks is the role's permission, not signing in (that has its own cases above).
  const sessions = new Map<Role, Promise<ApiClient>>();
  const as = (role: Role): Promise<ApiClient> => {
    const session = sessions.get(role) ?? signIn(role);
    sessions.set(role, session);
    return session;
  };

  test.each(table.filter(({ role, action }) => can(role, action)))(
    '$role may $action ($route)',
    async ({ role, action, route }: { role: Role; action: Action; route: string }) => {
      const res = await probes[action][route]!(await as(role));
      // The body rides along so a failure says what the API answered instead.
      expect({ success: res.status >= 200 && res.status < 300, body: res.status < 300 ? null : res.json }).toEqual({
        success: true,
        body: null,
      });
    },
  );

  test.each(table.filter(({ role, action }) => !can(role, action)))(
    '$role may not $action ($route): 403 with a plain reason',
    async ({ role, action, route }: { role: Role; action: Action; route: string }) => {
      const res = await probes[action][route]!(await as(role));
      expect(expectProblem(res, 403).detail).toBe(refusal(role, action));
    },
  );

  it('a refused write changes nothing', async () => {
    const support = await signIn('support');
    const product = await createProduct(admin);
    const edit = { body: { ...productToInput(product), title: 'Not yours to rename' }, ifMatch: product.version };
    expectProblem(await support.put(`/products/${product.id}`, edit), 403);
    expect(await getProduct(admin, product.id)).toEqual(product);
    const before = await levelAt(admin, stockProduct.variants[1]!.id, warehouse);
    const res = await support.post('/inventory/adjustments', {
      body: { variantId: before.variantId, locationId: warehouse, version: before.version, reason: 'received', quantity: 5 },
      idempotencyKey: newKey(),
    });
    expectProblem(res, 403);
    expect(await levelAt(admin, before.variantId, warehouse)).toEqual(before);
    const order = await claimOrder(admin, { status: 'closed', paymentStatus: 'paid' });
    const merch = await signIn('merchandiser');
    expectProblem(
      await merch.post(`/orders/${order.id}/refunds`, {
        body: { version: order.version, lines: [], shipping: false, amount: 100, restock: false, locationId: null, reason: 'No' },
        idempotencyKey: newKey(),
      }),
      403,
    );
    expect(orderSchema.parse(expectOk(await admin.get(`/orders/${order.id}`)))).toEqual(order);
  });

  it('parses what the allowed reads answer', async () => {
    const manager = await signIn('manager');
    const today = await clock(manager);
    salesReportSchema.parse(expectOk(await manager.get('/reports/sales', { query: { from: today, to: today, compare: 'none' } })));
    auditListSchema.parse(expectOk(await manager.get('/audit')));
    expect(staffListSchema.parse(expectOk(await manager.get('/staff'))).items.map((s) => s.email)).toEqual(
      expect.arrayContaining(Object.values(DEMO_ACCOUNTS).map((a) => a.email)),
    );
  });
});

describe('staff management', () => {
  it('creates an account that can sign in, audited without the password', async () => {
    const input = newStaff('support');
    const staff = staffSchema.parse(expectOk(await admin.post('/staff', { body: { ...input, email: input.email.toUpperCase() } }), 201));
    expect(staff).toMatchObject({ email: input.email, role: 'support', active: true, version: 1 });
    const log = auditListSchema.parse(expectOk(await admin.get('/audit', { query: { entityType: 'staff', entityId: staff.id } })));
    expect(log.items).toEqual([
      expect.objectContaining({
        action: 'created',
        actor: expect.objectContaining({ id: idOf('admin') }),
        after: expect.objectContaining({ email: input.email, role: 'support', active: true }),
      }),
    ]);
    expect(JSON.stringify(log)).not.toContain(input.password);
    await signInWith(input.email, input.password);
  });

  it('changes a role with If-Match, refuses a stale version with 409 and the current person, and a missing one with 428', async () => {
    const staff = staffSchema.parse(expectOk(await admin.post('/staff', { body: newStaff('support') }), 201));
    const ok = staffSchema.parse(
      expectOk(await admin.patch(`/staff/${staff.id}`, { body: { role: 'merchandiser' }, ifMatch: staff.version })),
    );
    expect(ok).toMatchObject({ role: 'merchandiser', version: staff.version + 1 });
    const stale = expectProblem(await admin.patch(`/staff/${staff.id}`, { body: { role: 'manager' }, ifMatch: staff.version }), 409);
    expect(staffSchema.parse(stale.current)).toMatchObject({ role: 'merchandiser', version: ok.version });
    expectProblem(await admin.patch(`/staff/${staff.id}`, { body: { role: 'manager' } }), 428);
  });

  it('signs a deactivated person out at once', async () => {
    const input = newStaff('support');
    const staff = staffSchema.parse(expectOk(await admin.post('/staff', { body: input }), 201));
    const them = await signInWith(input.email, input.password);
    expectOk(await them.get('/products', { query: { limit: 1 } }));
    expectOk(await admin.patch(`/staff/${staff.id}`, { body: { active: false }, ifMatch: staff.version }));
    expectProblem(await them.get('/products', { query: { limit: 1 } }), 401);
    expect(expectProblem(await anonymous().post('/session', { body: { email: input.email, password: input.password } }), 401).status).toBe(
      401,
    );
  });

  it('lets nobody deactivate themselves', async () => {
    const me = staffListSchema.parse(expectOk(await admin.get('/staff'))).items.find((s) => s.id === idOf('admin'))!;
    expectProblem(await admin.patch(`/staff/${me.id}`, { body: { active: false }, ifMatch: me.version }), 422);
    expect(staffListSchema.parse(expectOk(await admin.get('/staff'))).items.find((s) => s.id === me.id)).toEqual(me);
  });

  it('keeps the last active admin an admin', async () => {
    // A second admin comes and goes, so the seeded admin is the only one left.
    const input = newStaff('admin');
    const second = staffSchema.parse(expectOk(await admin.post('/staff', { body: input }), 201));
    expectOk(await admin.patch(`/staff/${second.id}`, { body: { active: false }, ifMatch: second.version }));
    const staff = staffListSchema.parse(expectOk(await admin.get('/staff'))).items;
    const activeAdmins = staff.filter((s) => s.active && s.role === 'admin').map((s) => s.id);
    // Precondition, checked so a wrong answer cannot demote the admin the rest of the run needs.
    expect(activeAdmins).toEqual([idOf('admin')]);
    const me = staff.find((s) => s.id === idOf('admin'))!;
    const problem = expectProblem(await admin.patch(`/staff/${me.id}`, { body: { role: 'manager' }, ifMatch: me.version }), 422);
    expect(problem.title).toBe('The last admin must stay');
  });
});

describe('the audit log', () => {
  it('cannot be changed or deleted through the API', async () => {
    const [entry] = auditListSchema.parse(expectOk(await admin.get('/audit', { query: { limit: 1 } }))).items;
    expect(entry).toBeDefined();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expectProblem(await admin.request(method, `/audit/${entry!.id}`, { body: {} }), 405);
    }
    expectProblem(await admin.delete('/audit'), 405);
    const again = auditListSchema.parse(expectOk(await admin.get('/audit', { query: { entityId: entry!.entityId } })));
    expect(again.items).toContainEqual(entry);
  });

  it('records a change to a person under their name, only what changed; a stale change records nothing', async () => {
    const { staff } = await createStaff('support');
    expectOk(await admin.patch(`/staff/${staff.id}`, { body: { role: 'manager' }, ifMatch: staff.version }));
    expectProblem(await admin.patch(`/staff/${staff.id}`, { body: { role: 'admin' }, ifMatch: staff.version }), 409);
    const log = auditListSchema.parse(expectOk(await admin.get('/audit', { query: { entityId: staff.id, sort: 'at' } })));
    expect(log.items.map((e) => e.action)).toEqual(['created', 'updated']);
    expect(log.items[1]).toMatchObject({
      entityType: 'staff',
      entityId: staff.id,
      entityLabel: staff.name,
      actor: { id: idOf('admin'), name: DEMO_ACCOUNTS.admin.name, role: 'admin' },
      before: { role: 'support' },
      after: { role: 'manager' },
    });
    expect(Object.keys(log.items[1]!.after)).toEqual(['role']);
  });

  it('filters by person, kind, record and time (from included, to excluded), sorts by time and pages', async () => {
    const { staff } = await createStaff('support');
    // The two entries must not share a millisecond, or no instant could tell them apart.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expectOk(await admin.patch(`/staff/${staff.id}`, { body: { role: 'manager' }, ifMatch: staff.version }));
    const get = async (query: Query) =>
      auditListSchema.parse(expectOk(await admin.get('/audit', { query: { entityId: staff.id, ...query } })));
    const [created, updated] = (await get({ sort: 'at' })).items;
    expect([created?.action, updated?.action]).toEqual(['created', 'updated']);
    expect(Date.parse(created!.at)).toBeLessThan(Date.parse(updated!.at));
    const ids = async (query: Query) => (await get(query)).items.map((e) => e.id);

    expect(await ids({ sort: '-at' })).toEqual([updated!.id, created!.id]);
    expect(await ids({ entityType: 'staff' })).toHaveLength(2);
    expect(await ids({ entityType: 'product' })).toEqual([]);
    expect(await ids({ actorId: idOf('admin') })).toHaveLength(2);
    expect(await ids({ actorId: idOf('manager') })).toEqual([]);
    expect(await ids({ from: updated!.at })).toEqual([updated!.id]);
    expect(await ids({ to: updated!.at })).toEqual([created!.id]);
    expect(await ids({ from: created!.at, to: updated!.at })).toEqual([created!.id]);
    expect(await get({ sort: 'at', limit: 1, offset: 1 })).toEqual({ items: [updated], total: 2 });
  });

  it('answers 400 naming a bad filter', async () => {
    const problem = expectProblem(await admin.get('/audit', { query: { entityType: 'nope' } }), 400);
    expect(Object.keys(problem.errors ?? {})).toContain('entityType');
  });
});
