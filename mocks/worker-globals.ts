/**
 * Imported first by mock-worker.ts, before msw: msw's cookie store insists on a `localStorage`
 * in any browser-like scope, and a worker has none. The mock sets no cookies (it plays the
 * cookie jar itself, auth.ts), so msw gets a store in memory; the mock's own entries go through
 * the page (MirroredStorage in mock-worker.ts), never through this one.
 */
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
