/**
 * What is the mock's own about signing in: how it stores passwords, and a
 * session running out, which needs the mock's clock moved on by half an hour.
 * Sign-in, the permission table, staff and the audit log are the contract
 * suite's (tests/contract/auth.contract.test.ts), run against the mock and the server.
 */
import { problemSchema } from '../src/contract/schemas';
import { DEMO_STAFF } from '../src/demo-shop/demo-staff';
import { mockDb, resetMockDb, server, signInAs } from './node';

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

describe('sessions', () => {
  // An API rule, but over HTTP it would take a 30-minute wait: the server's side of it is not tested.
  it('expires: after the session ends, requests get 401 saying so', async () => {
    signInAs('admin');
    expect((await call('GET', '/api/products')).status).toBe(200);
    mockDb().expireSession();
    const res = await call('GET', '/api/products');
    expect(res.status).toBe(401);
    expect(problemSchema.parse(res.json).detail).toMatch(/expired/);
  });

  it('keeps only salted hashes of passwords, of the demo staff and of accounts made through the API', async () => {
    signInAs('admin');
    const created = await call('POST', '/api/staff', {
      body: { email: 'nia.new@stockroom.test', name: 'Nia New', role: 'support', password: 'a-new-password-1' },
    });
    expect(created.status).toBe(201);
    const text = JSON.stringify(mockDb().auth);
    for (const password of [...DEMO_STAFF.map((s) => s.password), 'a-new-password-1']) expect(text).not.toContain(password);
  });
});
