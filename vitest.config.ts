import { mergeConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * Two projects, so only what renders pays for a DOM:
 * - node: pure modules (src, mocks: rules, decisions, the mock's store, seed, persistence) and the
 *   API-level checks in tests/node, over msw/node where they need HTTP.
 * - dom: the app rendered in jsdom over the mock's real handlers (tests/dom).
 * No test carries a short fixed wait: each waits for what the person waits for, and the ceilings below
 * are only there so a hang fails instead of holding the run.
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      globals: true,
      css: false,
      // What a passing test logged (React's act() notes from library timers, the mock's start-up lines) is noise;
      // a failing test's output is printed in full.
      silent: 'passed-only',
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            // One module graph per worker, not per file (28 → 14 s): these files share no state a test does not reset
            // itself (the mock's store is reseeded before each test), as shuffled runs confirm. Not for the dom project:
            // there the app's module-level state (router, toasts) leaks from file to file.
            isolate: false,
            setupFiles: ['./tests/node/setup.ts'],
            include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'tests/node/**/*.test.ts'],
            testTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            setupFiles: ['./tests/dom/setup.ts'],
            include: ['tests/dom/**/*.test.tsx'],
            testTimeout: 180_000,
          },
        },
      ],
    },
  }),
);
