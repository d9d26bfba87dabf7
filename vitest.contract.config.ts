import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * One contract suite, two targets. Without STOCKROOM_API_URL each file starts
 * the mock in-process (msw/node) with its own freshly seeded store, so files
 * may run side by side. With it, every file talks HTTP to one real server and
 * one database, seeded once for the whole run: files run one at a time so no
 * file's writes land in the middle of another's reads.
 */
const realServer = Boolean(process.env.STOCKROOM_API_URL);

/**
 * Against a server the files share one database, so they run in the order the command line names them
 * (scripts/engine.ts: products first, abuse last), not vitest's own order (by past durations).
 */
class CommandLineOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const named = process.argv.slice(2);
    const rank = (file: TestSpecification) => {
      const i = named.indexOf(relative(process.cwd(), file.moduleId));
      return i < 0 ? named.length : i;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    include: ['tests/contract/**/*.contract.test.ts'],
    // Against the servers only (scripts/engine.ts): the mock answers one request at a time (setup.ts), so the
    // concurrency file could not fail there, and it has no Vendure GraphQL APIs to keep closed.
    exclude: realServer ? [] : ['tests/contract/concurrency.contract.test.ts', 'tests/contract/vendure-apis.contract.test.ts'],
    setupFiles: ['./tests/contract/setup.ts'],
    // One module graph per worker, not per file: each file imported the whole mock again (a third of the suite's time on
    // the mock). Each file still has a shop of its own: setup.ts seeds it again before the file, and a test reaches the
    // mock through HTTP only. Against a server nothing of the mock is imported.
    isolate: false,
    fileParallelism: !realServer,
    ...(realServer ? { sequence: { sequencer: CommandLineOrder } } : {}),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // A contract test that passes only on retry hides a difference; report it instead.
    retry: 0,
  },
});
