/**
 * Sign-in, sessions, roles and the audit log, called over HTTP like any client
 * would (the UI's hidden buttons are not what protects the shop).
 */
import { ACTIONS, can, ROLES, type Action, type Role } from '../src/api/permissions';
import { auditListSchema, problemSchema, productSchema, sessionSchema, staffListSchema, staffSchema } from '../src/api/schemas';
import { DEMO_STAFF } from './auth';
import { mockDb, resetMockDb, server, signInAs } from './node';
import { productToInput } from '../src/api/product-input';
import { testClock } from '../tests/clock';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => void resetMockDb({ products: 20 }));

async function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as unknown) : null };
}

const demo = (role: Role) => DEMO_STAFF.find((s) => s.role === role)!;

const firstProduct = () => [...mockDb().allRecords()][0]!.product;

/** One request per guarded action that exists in the API today; each must pass or get 403, as the table says. */
const PROBES: { action: Action; run: () => Promise<{ status: number }> }[] = [
  { action: 'products.view', run: () => call('GET', '/api/products?limit=1') },
  {
    action: 'products.edit',
    run: () => {
      const p = firstProduct();
      return call('PUT', `/api/products/${p.id}`, {
        body: { ...productToInput(p), title: `${p.title} (edited)` },
        headers: { 'If-Match': `"${p.version}"` },
      });
    },
  },
  {
    action: 'products.edit',
    run: () =>
      call('POST', '/api/products/bulk-status', {
        body: { ids: [firstProduct().id], status: 'archived' },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
  },
  { action: 'audit.view', run: () => call('GET', '/api/audit') },
  { action: 'audit.view', run: () => call('GET', '/api/staff') },
  {
    action: 'staff.manage',
    run: () =>
      call('POST', '/api/staff', {
        body: { email: `new-${crypto.randomUUID()}@stockroom.test`, name: 'New Person', role: 'support', password: 'long-enough-pw' },
      }),
  },
  {
    action: 'staff.manage',
    run: () => call('PATCH', '/api/staff/staff_support', { body: { role: 'merchandiser' }, headers: { 'If-Match': '"1"' } }),
  },
];

describe('the permission table, enforced by the API', () => {
  test.each(ROLES)('as %s: allowed requests work, the others get 403 with a plain reason', async (role) => {
    for (const probe of PROBES) {
      resetMockDb({ products: 20 });
      signInAs(role);
      const res = await probe.run();
      const expected = can(role, probe.action) ? 'allowed' : 'forbidden';
      const got = res.status === 403 ? 'forbidden' : res.status >= 200 && res.status < 300 ? 'allowed' : `answered ${res.status}`;
      expect({ role, action: probe.action, got }).toEqual({ role, action: probe.action, got: expected });
    }
  });

  it('explains a refusal in words', async () => {
    signInAs('support');
    const p = firstProduct();
    const res = await call('PUT', `/api/products/${p.id}`, { body: productToInput(p), headers: { 'If-Match': `"${p.version}"` } });
    expect(res.status).toBe(403);
    expect(problemSchema.parse(res.json).detail).toBe(
      'Your role (Support) may not edit products, prices or stock. Ask a manager or an admin.',
    );
    expect(mockDb().getProduct(p.id)?.version).toBe(p.version);
  });

  it('probes every action the API has today', () => {
    const probed = new Set(PROBES.map((p) => p.action));
    // Stock, orders and reports have no routes yet; their rows of the table are tested in permissions.test.ts.
    expect(ACTIONS.filter((a) => probed.has(a))).toEqual(['products.view', 'products.edit', 'audit.view', 'staff.manage']);
  });
});

describe('sessions', () => {
  it('answers 401 without a session, on reads and writes', async () => {
    expect((await call('GET', '/api/products')).status).toBe(401);
    expect((await call('GET', '/api/session')).status).toBe(401);
    const res = await call('POST', '/api/products/bulk-status', {
      body: { ids: [firstProduct().id], status: 'archived' },
      headers: { 'Idempotency-Key': 'k' },
    });
    expect(res.status).toBe(401);
  });

  it('signs in with email and password, and signing out ends the session on the API', async () => {
    const { email, password } = demo('merchandiser');
    const res = await call('POST', '/api/session', { body: { email: email.toUpperCase(), password } });
    expect(res.status).toBe(200);
    const session = sessionSchema.parse(res.json);
    expect(session.user).toMatchObject({ email, role: 'merchandiser' });
    expect(JSON.stringify(res.json)).not.toMatch(/token|hash|salt|password/i);
    expect(Date.parse(session.expiresAt) - testClock()).toBeGreaterThan(29 * 60_000);
    expect(sessionSchema.parse((await call('GET', '/api/session')).json).user.id).toBe(session.user.id);

    expect((await call('DELETE', '/api/session')).status).toBe(204);
    expect((await call('GET', '/api/products')).status).toBe(401);
    expect(mockDb().auth.sessions).toEqual([]);
  });

  it('expires: after the session ends, requests get 401 saying so', async () => {
    signInAs('admin');
    expect((await call('GET', '/api/products')).status).toBe(200);
    mockDb().expireSession();
    const res = await call('GET', '/api/products');
    expect(res.status).toBe(401);
    expect(problemSchema.parse(res.json).detail).toMatch(/expired/);
  });

  it('refuses a wrong password, and slows down an email after three failures', async () => {
    const { email, password } = demo('support');
    for (let i = 0; i < 3; i++)
      expect((await call('POST', '/api/session', { body: { email, password: 'wrong-password' } })).status).toBe(401);
    const locked = await call('POST', '/api/session', { body: { email, password } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(problemSchema.parse(locked.json).retryAfter).toBe(5);
    // Once the wait is over, the right password works and the count starts again.
    const later = testClock() + 6_000;
    mockDb().sessionNow = () => later;
    expect((await call('POST', '/api/session', { body: { email, password } })).status).toBe(200);
  });

  it('keeps only salted hashes of passwords', () => {
    const text = JSON.stringify(mockDb().auth);
    for (const s of DEMO_STAFF) expect(text).not.toContain(s.password);
  });
});

describe('staff management', () => {
  beforeEach(() => void signInAs('admin'));

  it('creates an account that can sign in, and never records the password', async () => {
    const res = await call('POST', '/api/staff', {
      body: { email: 'Nia.New@stockroom.test', name: 'Nia New', role: 'support', password: 'a-new-password-1' },
    });
    expect(res.status).toBe(201);
    expect(staffSchema.parse(res.json)).toMatchObject({ email: 'nia.new@stockroom.test', role: 'support', active: true, version: 1 });
    const audit = auditListSchema.parse((await call('GET', '/api/audit?entityType=staff')).json);
    expect(audit.items[0]).toMatchObject({
      action: 'created',
      actor: { id: 'staff_admin' },
      after: { email: 'nia.new@stockroom.test', role: 'support', active: true },
    });
    expect(JSON.stringify(mockDb().auth)).not.toContain('a-new-password-1');
    expect((await call('POST', '/api/session', { body: { email: 'nia.new@stockroom.test', password: 'a-new-password-1' } })).status).toBe(
      200,
    );
  });

  it('changes a role with If-Match, and refuses a stale version', async () => {
    const ok = await call('PATCH', '/api/staff/staff_support', { body: { role: 'merchandiser' }, headers: { 'If-Match': '"1"' } });
    expect(staffSchema.parse(ok.json)).toMatchObject({ role: 'merchandiser', version: 2 });
    const stale = await call('PATCH', '/api/staff/staff_support', { body: { role: 'manager' }, headers: { 'If-Match': '"1"' } });
    expect(stale.status).toBe(409);
  });

  it('lets nobody deactivate themselves or the last admin', async () => {
    const self = await call('PATCH', '/api/staff/staff_admin', { body: { active: false }, headers: { 'If-Match': '"1"' } });
    expect(self.status).toBe(422);
    // Another admin tries to demote the only other admin after the first one was deactivated.
    await call('POST', '/api/staff', {
      body: { email: 'second@stockroom.test', name: 'Second Admin', role: 'admin', password: 'second-admin-pw' },
    });
    const second = staffListSchema.parse((await call('GET', '/api/staff')).json).items.find((s) => s.email === 'second@stockroom.test')!;
    expect((await call('PATCH', `/api/staff/${second.id}`, { body: { active: false }, headers: { 'If-Match': '"1"' } })).status).toBe(200);
    const demote = await call('PATCH', '/api/staff/staff_admin', { body: { role: 'manager' }, headers: { 'If-Match': '"1"' } });
    expect(demote.status).toBe(422);
    expect(problemSchema.parse(demote.json).title).toBe('The last admin must stay');
  });

  it('a deactivated person is signed out at once', async () => {
    await call('PATCH', '/api/staff/staff_support', { body: { active: false }, headers: { 'If-Match': '"1"' } });
    signInAs('support');
    expect((await call('GET', '/api/products')).status).toBe(401);
  });
});

describe('the audit log', () => {
  it('records every product write with who, when and only the changed fields before and after', async () => {
    signInAs('merchandiser');
    mockDb().now = () => Date.parse('2026-11-20T15:00:00Z');
    const p = firstProduct();
    const input = productToInput(p);
    const variant = input.variants[0]!;
    const res = await call('PUT', `/api/products/${p.id}`, {
      body: { ...input, title: 'Renamed', variants: [{ ...variant, price: variant.price + 100 }, ...input.variants.slice(1)] },
      headers: { 'If-Match': `"${p.version}"` },
    });
    expect(res.status).toBe(200);
    await call('POST', '/api/products/bulk-status', {
      body: { ids: [p.id], status: 'archived' },
      headers: { 'Idempotency-Key': 'bulk-1' },
    });
    const created = productSchema.parse(
      (
        await call('POST', '/api/products', {
          body: { ...input, handle: 'brand-new', variants: [{ ...variant, id: undefined, sku: 'NEW-1', barcode: null }] },
        })
      ).json,
    );

    signInAs('manager');
    const log = auditListSchema.parse((await call('GET', `/api/audit?sort=at`)).json);
    const actor = { id: 'staff_merch', name: 'Mia Merchandiser', role: 'merchandiser' };
    expect(log.items.map((e) => [e.entityType, e.action, e.entityId])).toEqual([
      ['product', 'updated', p.id],
      ['price', 'updated', p.id],
      ['product', 'status changed', p.id],
      ['product', 'created', created.id],
      ['price', 'created', created.id],
    ]);
    expect(log.items[0]).toMatchObject({ actor, at: '2026-11-20T15:00:00.000Z', before: { title: p.title }, after: { title: 'Renamed' } });
    expect(Object.keys(log.items[0]!.after)).toEqual(['title']);
    expect(log.items[1]).toMatchObject({
      before: { [`variants.${variant.sku}.price`]: variant.price },
      after: { [`variants.${variant.sku}.price`]: variant.price + 100 },
    });
    expect(log.items[2]).toMatchObject({ before: { status: p.status }, after: { status: 'archived' } });
    expect(log.items[3]?.before).toMatchObject({ title: null });
  });

  it('records staff changes, and a replayed or refused write records nothing', async () => {
    signInAs('admin');
    await call('PATCH', '/api/staff/staff_support', { body: { role: 'manager' }, headers: { 'If-Match': '"1"' } });
    await call('PATCH', '/api/staff/staff_support', { body: { role: 'admin' }, headers: { 'If-Match': '"1"' } }); // stale: 409
    const log = auditListSchema.parse((await call('GET', '/api/audit')).json);
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({
      entityType: 'staff',
      entityId: 'staff_support',
      entityLabel: 'Sam Support',
      before: { role: 'support' },
      after: { role: 'manager' },
    });
  });

  it('filters by person, kind, record and time, and pages', async () => {
    signInAs('admin');
    const product = firstProduct();
    mockDb().now = () => Date.parse('2026-11-10T12:00:00Z');
    await call('PATCH', '/api/staff/staff_support', { body: { role: 'manager' }, headers: { 'If-Match': '"1"' } });
    mockDb().now = () => Date.parse('2026-11-12T12:00:00Z');
    await call('POST', '/api/products/bulk-status', {
      body: { ids: [product.id], status: product.status === 'archived' ? 'draft' : 'archived' },
      headers: { 'Idempotency-Key': 'b' },
    });
    const get = async (q: string) => auditListSchema.parse((await call('GET', `/api/audit?${q}`)).json);
    expect((await get('entityType=staff')).total).toBe(1);
    expect((await get(`entityId=${product.id}`)).items.map((e) => e.entityType)).toEqual(['product']);
    expect((await get('actorId=staff_manager')).total).toBe(0);
    expect((await get('from=2026-11-11T00:00:00Z')).total).toBe(1);
    expect((await get('to=2026-11-11T00:00:00Z')).items[0]?.entityType).toBe('staff');
    expect((await get('limit=1&offset=1')).items).toHaveLength(1);
    expect((await call('GET', '/api/audit?entityType=nope')).status).toBe(400);
  });

  it('cannot be edited or deleted through the API', async () => {
    signInAs('admin');
    await call('PATCH', '/api/staff/staff_support', { body: { role: 'manager' }, headers: { 'If-Match': '"1"' } });
    const [entry] = auditListSchema.parse((await call('GET', '/api/audit')).json).items;
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await call(method, `/api/audit/${entry!.id}`, { body: {} })).status).toBe(405);
    }
    expect((await call('DELETE', '/api/audit')).status).toBe(405);
    expect(auditListSchema.parse((await call('GET', '/api/audit')).json).items).toEqual([entry]);
  });
});
