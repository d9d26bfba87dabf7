/**
 * A build for a real API carries no mock: no MSW, no seeded staff, no demo
 * passwords, no mock-only routes, and no worker script.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../src/demo-shop/demo-staff';

const root = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'stockroom-real-api-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

it('contains no mock code or demo credentials', () => {
  execFileSync(
    process.execPath,
    [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: root,
      env: { ...process.env, VITE_API_URL: 'https://api.example.com' },
    },
  );
  const built = files(outDir);
  expect(built.some((f) => f.endsWith('index.html'))).toBe(true);
  expect(built.map((f) => f.slice(outDir.length))).not.toContain('/mockServiceWorker.js');
  const text = built.map((f) => readFileSync(f, 'utf8')).join('\n');
  expect(text).toContain('https://api.example.com');
  for (const needle of [
    '_mock/',
    'setupWorker',
    'mockServiceWorker',
    ...DEMO_STAFF.flatMap((s) => [s.email, s.password, s.passwordHash]),
  ]) {
    expect({ needle, found: text.includes(needle) }).toEqual({ needle, found: false });
  }
}, 120_000);
