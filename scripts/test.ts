/**
 * `npm test`: every phase, one after another, each timed; a summary table at the end (and at the
 * first failure, which stops the run: a later phase would only repeat the noise).
 *
 *   npm test                  everything CI runs
 *   npm test -- unit dom      only the phases named
 */
import { spawnSync } from 'node:child_process';

const PHASES: [name: string, script: string][] = [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['format', 'format:check'],
  ['unit (node)', 'test:unit'],
  ['dom (jsdom)', 'test:dom'],
  ['contract (mock)', 'test:contract'],
  ['mock unit + contract on 3 more days', 'test:clocks'],
  ['server: contract (SQLite, PostgreSQL) + journeys', 'test:engine'],
  ['journeys (mock)', 'test:e2e'],
];

const only = process.argv.slice(2);
const chosen = only.length ? PHASES.filter(([name, script]) => only.some((o) => name.startsWith(o) || script === o)) : PHASES;
const rows: [string, string, string][] = [];
let failed = false;
const started = performance.now();
for (const [name, script] of chosen) {
  console.info(`\n::: ${name} (npm run ${script})`);
  const t = performance.now();
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  const seconds = ((performance.now() - t) / 1000).toFixed(0);
  const ok = result.status === 0;
  rows.push([name, `${seconds} s`, ok ? 'passed' : 'FAILED']);
  console.info(`::: ${name}: ${seconds} s, ${ok ? 'passed' : 'FAILED'}`);
  if (!ok) {
    failed = true;
    break;
  }
}
const width = Math.max(...rows.map((r) => r[0].length));
console.info(`\n${'phase'.padEnd(width + 1)}  time    result`);
for (const [name, time, result] of rows) console.info(`${name.padEnd(width + 1)}${time.padStart(6)}    ${result}`);
console.info(`${'total'.padEnd(width + 1)}${`${((performance.now() - started) / 1000).toFixed(0)} s`.padStart(6)}`);
process.exit(failed ? 1 : 0);
