import { defineConfig } from 'vitest/config';

/**
 * The several-instances test (tests/instances): servers on one PostgreSQL, started by
 * `tsx scripts/engine.ts test-instances` (or test:engine with STOCKROOM_PG_URL), which passes their
 * addresses (STOCKROOM_API_URLS, STOCKROOM_API_URL_BEHIND_PROXY, STOCKROOM_DB_PROXY). No mock: without
 * those the file fails at once. Every request carries its own timeout, so a frozen instance fails a
 * case quickly; the test timeout is only the backstop.
 */
export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    include: ['tests/instances/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 30_000,
    // A race that passes only on retry is a race lost: report it.
    retry: 0,
  },
});
