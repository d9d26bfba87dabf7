/**
 * `npm run test:clocks`: the mock's clock-sensitive unit tests (its seed, its shop across days) and the
 * contract suite on the mock, on three more days than the default clock: the eve of the spring DST change,
 * 29 Feb 2028, and New Year's Eve a quarter hour before midnight. No test may depend on the day it runs.
 * Two runs at a time (much of a contract run is waiting: schedules, Retry-After); each run's report is
 * printed whole when it ends.
 */
import { spawn } from 'node:child_process';

const CLOCKS = ['2027-03-13T21:30:00-05:00', '2028-02-29T21:30:00-05:00', '2026-12-31T23:45:00-05:00'];
/**
 * The contract files that read no date: signing in and its throttle (Retry-After waits, in seconds, not days), request
 * limits and headers, product and saved-view writes. They run on the default clock (npm run test:contract) only; every
 * file whose answers depend on the store's day (reports, orders, returns, discounts, pricing schedules, customers,
 * stock cover, replenishment's dates, the seeded shop itself) runs on each day here.
 */
const DAY_FREE = ['abuse', 'auth', 'limits', 'requests', 'products', 'views', 'concurrency', 'vendure-apis'];
const RUNS = CLOCKS.flatMap((now) => [
  {
    now,
    args: ['run', '--project', 'node', 'src/demo-shop/seed.test.ts', 'src/demo-shop/order-seed.test.ts', 'mocks/persistence.test.ts'],
  },
  { now, args: ['run', '-c', 'vitest.contract.config.ts', ...DAY_FREE.map((name) => `--exclude=tests/contract/${name}.contract.test.ts`)] },
]);
const AT_ONCE = 2;

function runOne({ now, args }: (typeof RUNS)[number]): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn('npx', ['vitest', ...args], { env: { ...process.env, STOCKROOM_TEST_NOW: now, FORCE_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      console.info(`\n::: STOCKROOM_TEST_NOW=${now} vitest ${args.join(' ')}: ${code === 0 ? 'passed' : 'FAILED'}\n${output}`);
      done(code === 0);
    });
  });
}

const queue = [...RUNS];
const results: boolean[] = [];
await Promise.all(
  Array.from({ length: AT_ONCE }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) results.push(await runOne(next));
  }),
);
process.exit(results.every(Boolean) ? 0 : 1);
