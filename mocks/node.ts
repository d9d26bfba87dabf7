/**
 * The mock API for node tests: one store per test process, re-seeded in place
 * so the handlers bound to it keep working across tests.
 */
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import { DEFAULT_PRODUCTS, DEFAULT_SEED } from './seed';
import { MockDb } from './store';

const db = new MockDb({ latencyMs: 0, failureRate: 0 });

export const server = setupServer(...createHandlers(db));

/** Back to a pristine seeded shop (default 300 products); call it in beforeEach. */
export function resetMockDb(options: { products?: number; seed?: number } = {}): MockDb {
  db.settings = { ...db.settings, latencyMs: 0, failureRate: 0 };
  db.now = () => Date.now();
  db.reseed({ products: options.products ?? DEFAULT_PRODUCTS, seed: options.seed ?? DEFAULT_SEED });
  return db;
}

/** The store behind `server`, to arrange data or assert what the API stored. */
export function mockDb(): MockDb {
  return db;
}
