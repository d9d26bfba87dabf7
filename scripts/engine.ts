/**
 * The real commerce API (Vendure with Stockroom's plugin, in server/), for people and for CI:
 *
 *   npm run start:engine   installs and builds the server if needed, seeds server/data/stockroom.sqlite
 *                          once, starts it on :3000, and starts the app on :5173 pointed at it.
 *   npm run test:engine    the contract suite against a freshly seeded SQLite copy of the server
 *                          (compiled, started once for the suite); `-- <files>` runs those instead.
 *
 * DATABASE_URL=postgres://… points the server at PostgreSQL instead (see server/README.md).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER = join(ROOT, 'server');
const ENTRY = join(SERVER, 'dist/server/src/index.js');
const SEED = join(SERVER, 'dist/server/src/seed.js');

/**
 * The contract files the server answers today; the others' areas are not served yet
 * (see server/README.md). A file listed here runs in CI against the server.
 */
export const SERVED_CONTRACT_FILES = [
  'tests/contract/auth.contract.test.ts',
  'tests/contract/products.contract.test.ts',
  'tests/contract/inventory.contract.test.ts',
  'tests/contract/concurrency.contract.test.ts',
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

/** `files`: contract files to run instead of SERVED_CONTRACT_FILES (`npm run test:engine -- tests/contract/x.contract.test.ts`). */
async function test(files: string[]): Promise<void> {
  prepareServer();
  const dir = mkdtempSync(join(tmpdir(), 'stockroom-engine-'));
  const env = { SQLITE_FILE: join(dir, 'contract.sqlite') };
  const port = 3100 + Math.floor(Math.random() * 800);
  let server: ChildProcess | null = null;
  try {
    seed(env);
    server = await startServer(env, port);
    run('npx', ['vitest', 'run', '-c', 'vitest.contract.config.ts', ...(files.length ? files : SERVED_CONTRACT_FILES)], {
      STOCKROOM_API_URL: `http://127.0.0.1:${port}`,
    });
  } finally {
    if (server) await stop(server);
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
