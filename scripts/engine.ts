/**
 * The real commerce API (Vendure with Stockroom's plugin, in server/), for people and for CI:
 *
 *   npm run start:engine   installs and builds the server if needed, seeds server/data/stockroom.sqlite
 *                          once, starts it on :3000, and starts the app on :5173 pointed at it.
 *   npm run test:engine    the contract suite, then the browser journeys on a build for a real API,
 *                          each against a fresh copy of a freshly seeded SQLite server (compiled,
 *                          started once per phase); `-- <files>` runs those files instead.
 *
 * DATABASE_URL=postgres://… points the server at PostgreSQL instead (see server/README.md).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startPreview, stopPreview } from '../tests/e2e/preview-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER = join(ROOT, 'server');
const ENTRY = join(SERVER, 'dist/server/src/index.js');
const SEED = join(SERVER, 'dist/server/src/seed.js');
/** The app built for a real API on its own origin (VITE_API_URL=/), for the journeys. */
const ENGINE_BUILD = 'dist-engine';

/**
 * The contract files the server answers today; the others' areas are not served yet
 * (see server/README.md). A file listed here runs in CI against the server.
 */
export const SERVED_CONTRACT_FILES = [
  'tests/contract/products.contract.test.ts',
  'tests/contract/pricing.contract.test.ts',
  'tests/contract/inventory.contract.test.ts',
  'tests/contract/concurrency.contract.test.ts',
  'tests/contract/orders.contract.test.ts',
  'tests/contract/reports.contract.test.ts',
  'tests/contract/auth.contract.test.ts',
];

/** The browser journeys that run against a build for the server (their screens' routes are served). */
export const SERVED_JOURNEYS = [
  'tests/e2e/create-product.test.ts',
  'tests/e2e/edit-conflict.test.ts',
  'tests/e2e/products-list-url.test.ts',
  'tests/e2e/export-csv.test.ts',
  'tests/e2e/keyboard.test.ts',
  'tests/e2e/pricing.test.ts',
];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/** Server dependencies (its own lock file) and a fresh compile: tsc is quick, a stale dist/ is not. */
function prepareServer(): void {
  if (!existsSync(join(SERVER, 'node_modules'))) run('npm', ['--prefix', SERVER, 'ci', '--no-audit', '--no-fund']);
  run('npm', ['--prefix', SERVER, 'run', 'build']);
}

function seed(env: NodeJS.ProcessEnv): void {
  run(process.execPath, [SEED], env);
}

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VENDURE_DISABLE_TELEMETRY: 'true', PORT: String(port), ...env },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    try {
      // Any answer (401 without a session) means the routes are up.
      await fetch(`http://127.0.0.1:${port}/api/session`);
      return child;
    } catch {
      if (Date.now() > deadline) throw new Error('the server did not answer within 120 s');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

async function start(): Promise<void> {
  prepareServer();
  const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
  if (!postgres && !existsSync(join(SERVER, 'data/stockroom.sqlite'))) seed({});
  const server = await startServer({}, 3000);
  const app = spawn('npx', ['vite'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_API_URL: '/', STOCKROOM_API_PROXY: 'http://127.0.0.1:3000' },
  });
  const quit = () => {
    app.kill('SIGTERM');
    void stop(server).then(() => process.exit(0));
  };
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  app.once('exit', quit);
}

/**
 * The contract suite, then the browser journeys, each against its own fresh copy of one
 * seeded SQLite file, so neither sees the other's writes. `files`: run these instead.
 */
async function test(files: string[]): Promise<void> {
  prepareServer();
  const dir = mkdtempSync(join(tmpdir(), 'stockroom-engine-'));
  const seeded = join(dir, 'seeded.sqlite');
  const servers: ChildProcess[] = [];
  /** A server on a fresh copy of the seeded database; its address. */
  const serve = async (name: string): Promise<string> => {
    const file = join(dir, `${name}.sqlite`);
    copyFileSync(seeded, file);
    const port = await freePort();
    servers.push(await startServer({ SQLITE_FILE: file }, port));
    return `http://127.0.0.1:${port}`;
  };
  try {
    seed({ SQLITE_FILE: seeded });
    const contract = files.filter((f) => f.startsWith('tests/contract/'));
    const journeys = files.filter((f) => f.startsWith('tests/e2e/'));
    const runContract = files.length ? contract : SERVED_CONTRACT_FILES;
    const runJourneys = files.length ? journeys : SERVED_JOURNEYS;
    if (runContract.length) {
      const url = await serve('contract');
      run('npx', ['vitest', 'run', '-c', 'vitest.contract.config.ts', ...runContract], { STOCKROOM_API_URL: url });
    }
    if (runJourneys.length) {
      const api = await serve('journeys');
      // A production build for a real API on the app's own origin; vite preview proxies /api to the server.
      run('npx', ['vite', 'build', '--outDir', ENGINE_BUILD, '--emptyOutDir', '--logLevel', 'warn'], { VITE_API_URL: '/' });
      const preview = await startPreview({ outDir: ENGINE_BUILD, env: { STOCKROOM_API_PROXY: api } });
      try {
        run('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...runJourneys], { STOCKROOM_E2E_BASE_URL: preview.url });
      } finally {
        await stopPreview(preview.child);
      }
    }
  } finally {
    await Promise.all(servers.map(stop));
    rmSync(dir, { recursive: true, force: true });
  }
}

const command = process.argv[2];
(command === 'start'
  ? start()
  : command === 'test'
    ? test(process.argv.slice(3))
    : Promise.reject(new Error('usage: engine.ts start|test'))
).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
