/**
 * Imported first by mock-worker.ts, before msw and before any schema is made.
 *
 * zod compiles parsers with `new Function` unless told not to; the worker runs under the app's
 * Content-Security-Policy (no eval), like the page (src/app/zod-jitless.ts, which the mock may not import).
 *
 * And msw's cookie store insists on a `localStorage`
 * in any browser-like scope, and a worker has none. The mock sets no cookies (it plays the
 * cookie jar itself, auth.ts), so msw gets a store in memory; the mock's own entries go through
 * the page (MirroredStorage in mock-worker.ts), never through this one.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

class MemoryStorage {
  private entries = new Map<string, string>();
  get length(): number {
    return this.entries.size;
  }
  key(index: number): string | null {
    return [...this.entries.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.entries.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.entries.set(key, String(value));
  }
  removeItem(key: string): void {
    this.entries.delete(key);
  }
  clear(): void {
    this.entries.clear();
  }
}

const scope = globalThis as { localStorage?: Storage };
scope.localStorage ??= new MemoryStorage() as unknown as Storage;
