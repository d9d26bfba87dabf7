import { defineConfig } from 'vitest/config';

/**
 * Journeys in a real browser against the production build (dist/). One file at a
 * time: the machine has two cores, and Chromium plus the mock seeding a shop
 * already use both; parallel files would only make every timing flaky.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['./tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    // Generous: a cold Chromium and the mock's first seed can take seconds on a busy CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 15_000,
    // A journey that passes only on retry hides a real race; report it instead.
    retry: 0,
  },
});
