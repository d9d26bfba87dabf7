/**
 * `npm test`: every phase, each timed, a summary table at the end.
 *
 *   npm test                  everything CI runs, on three lanes
 *   npm test -- unit dom      only the phases named
 *   TEST_LANES=1 npm test     one phase at a time, its output streamed (to read a failure as it happens)
 *
 * Three lanes on two cores, because the slow phases wait more than they compute: a journey waits for a
 * browser to draw, the contract suite for a schedule to fire or a Retry-After to pass, the server phase
 * for a server to start (the whole run took 826 s on two lanes, 692 s on three, on this 2-core machine).
 * Each lane takes the next phase from one queue, the longest first; a phase's
 * output is printed whole when it ends, so two reports never interleave; a failed phase's output is
 * printed last, above the summary table. A lane stops at its first
 * failure (a later phase would only repeat the noise); the other lane finishes the phase it runs.
 */
import { spawn } from 'node:child_process';

type Phase = { name: string; script: string };

/** Longest first (as measured on a quiet 2-core machine), so the lanes end close together. */
const PHASES: Phase[] = [
  { name: 'server: contract (SQLite, PostgreSQL) + journeys', script: 'test:engine' },
  { name: 'journeys (mock)', script: 'test:e2e' },
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'format', script: 'format:check' },
  { name: 'dom (jsdom)', script: 'test:dom' },
  { name: 'mock unit + contract on 3 more days', script: 'test:clocks' },
  { name: 'contract (mock)', script: 'test:contract' },
  { name: 'unit (node)', script: 'test:unit' },
];

const only = process.argv.slice(2);
const matches = (o: string, { name, script }: Phase) => name.startsWith(o) || script === o;
const unknown = only.filter((o) => !PHASES.some((p) => matches(o, p)));
if (unknown.length) {
  // A mistyped name must not pass by running nothing.
  console.error(`No phase is called ${unknown.join(', ')}. Phases: ${PHASES.map((p) => p.script).join(', ')}`);
  process.exit(1);
}
const chosen = only.length ? PHASES.filter((p) => only.some((o) => matches(o, p))) : PHASES;
const lanes = Math.max(1, Math.min(Number(process.env.TEST_LANES ?? 3) || 1, chosen.length));
const streamed = lanes === 1;

type Row = { name: string; seconds: number; ok: boolean };

const failures: string[] = [];

function runPhase({ name, script }: Phase): Promise<Row> {
  if (streamed) console.info(`\n::: ${name} (npm run ${script})`);
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: streamed ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let ended = false;
    const end = (ok: boolean) => {
      if (ended) return;
      ended = true;
      const row = { name, seconds: (performance.now() - started) / 1000, ok };
      const verdict = `${row.seconds.toFixed(0)} s, ${row.ok ? 'passed' : 'FAILED'}`;
      const report = `\n::: ${name} (npm run ${script})\n${output}::: ${name}: ${verdict}`;
      if (streamed) console.info(`::: ${name}: ${verdict}`);
      // A failure's report waits for the end, just above the table: whoever reads only the tail of the log reads why.
      else if (ok) console.info(report);
      else failures.push(report);
      done(row);
    };
    // A phase that cannot even start (npm missing) fails, rather than leaving its lane waiting.
    child.on('error', (error) => {
      output += `\n${error.message}\n`;
      end(false);
    });
    child.on('close', (code) => end(code === 0));
  });
}

const started = performance.now();
const queue = [...chosen];
const rows: Row[] = [];
await Promise.all(
  Array.from({ length: lanes }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const row = await runPhase(next);
      rows.push(row);
      if (!row.ok) queue.length = 0;
    }
  }),
);

for (const report of failures) console.info(report);
const ran = new Set(rows.map((r) => r.name));
const notRun = chosen.filter((p) => !ran.has(p.name));
const width = Math.max(...chosen.map((p) => p.name.length));
console.info(`\n${'phase'.padEnd(width + 1)}  time    result`);
for (const { name, seconds, ok } of rows)
  console.info(`${name.padEnd(width + 1)}${`${seconds.toFixed(0)} s`.padStart(6)}    ${ok ? 'passed' : 'FAILED'}`);
for (const { name } of notRun) console.info(`${name.padEnd(width + 1)}${'—'.padStart(6)}    not run`);
console.info(
  `${'total'.padEnd(width + 1)}${`${((performance.now() - started) / 1000).toFixed(0)} s`.padStart(6)}    (${lanes} lane${lanes > 1 ? 's' : ''})`,
);
process.exit(rows.every((r) => r.ok) && notRun.length === 0 ? 0 : 1);
