/**
 * The mock API for node tests: one store per test process, re-seeded in place
 * so the handlers bound to it keep working across tests.
 */
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import type { Role } from '../src/contract/permissions';
import { DEMO_STAFF } from '../src/demo-shop/demo-staff';
import { anchorAt, DEFAULT_PRODUCTS, DEFAULT_SEED } from '../src/demo-shop/seed';
import { MockDb } from './store';
import { TEST_START_MS, testClock } from '../tests/clock';

const db = new MockDb({ latencyMs: 0, failureRate: 0 }, { clock: testClock, anchorMs: anchorAt(TEST_START_MS) });

export const server = setupServer(...createHandlers(db));

/** Back to a pristine seeded shop (default 300 products) made at the tests' clock; call it in beforeEach. */
export function resetMockDb(options: { products?: number; seed?: number } = {}): MockDb {
  db.settings = { ...db.settings, latencyMs: 0, failureRate: 0 };
  db.now = testClock;
  db.sessionNow = testClock;
  db.reseed({ products: options.products ?? DEFAULT_PRODUCTS, seed: options.seed ?? DEFAULT_SEED, anchorMs: anchorAt(TEST_START_MS) });
  db.signOut();
  return db;
}

/** The store behind `server`, to arrange data or assert what the API stored. */
export function mockDb(): MockDb {
  return db;
}

/** Starts a session for the seeded person of a role, as signing in would, without the (slow) password hash. */
export function signInAs(role: Role): { id: string; name: string; email: string } {
  const person = DEMO_STAFF.find((s) => s.role === role);
  if (!person) throw new Error(`No seeded staff member has the role ${role}`);
  db.startSession(person.id);
  return { id: person.id, name: person.name, email: person.email };
}
