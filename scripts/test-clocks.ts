/**
 * `npm run test:clocks`: the unit tests of the mock (its seed, persistence, stores) and the contract
 * suite on the mock, on three more days than the default clock: the eve of the spring DST change,
 * 29 Feb 2028, and New Year's Eve a quarter hour before midnight. No test may depend on the day it runs.
 */
import { spawnSync } from 'node:child_process';

const CLOCKS = ['2027-03-13T21:30:00-05:00', '2028-02-29T21:30:00-05:00', '2026-12-31T23:45:00-05:00'];

for (const now of CLOCKS) {
  for (const args of [
    ['run', '--project', 'node', 'mocks'],
    ['run', '-c', 'vitest.contract.config.ts'],
  ]) {
    console.info(`\n::: STOCKROOM_TEST_NOW=${now} vitest ${args.join(' ')}`);
    const result = spawnSync('npx', ['vitest', ...args], { stdio: 'inherit', env: { ...process.env, STOCKROOM_TEST_NOW: now } });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
