/**
 * `vite preview` of the built dist/ on a free port, started directly with node
 * (not through npx) so that its PID is the server's and killing it stops it.
 * Used by the e2e global setup and by the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Asks the OS for a port nobody listens on; --strictPort then fails loudly if it was taken meanwhile. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? done(port) : fail(new Error('No free port'))));
    });
  });
}

/** `outDir` another build than dist/; `env` e.g. STOCKROOM_API_PROXY for a build against a real API. */
export async function startPreview({ outDir = 'dist', env = {} }: { outDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{
  url: string;
  child: ChildProcess;
}> {
  if (!existsSync(resolve(root, outDir, 'index.html'))) {
    throw new Error(`${outDir}/ is missing: run \`vite build\` first (npm run test:e2e does).`);
  }
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      resolve(root, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--outDir',
      outDir,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  // A duration, on the monotonic clock.
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, child };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${url} within 30 s:\n${output}`);
}

export function stopPreview(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}
