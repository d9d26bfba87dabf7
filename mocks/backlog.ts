/**
 * Items an index takes in a slice at a time (idle warm-up), read from `items` as they are taken: whatever is written
 * meanwhile the index replaces once it has taken them all, so its reads and writes take the rest at once first. An
 * index whose source may grow while it is read (the catalogue) passes a copy; the orders are read as they go, each
 * made when taken (a seeded order is made again when read, mocks/README.md).
 */
export class Backlog<T> {
  private items: Iterator<T> | null;

  constructor(items: Iterable<T>) {
    this.items = items[Symbol.iterator]();
  }

  /** Hands up to `count` more items to `each`; false once every item has been handed over. */
  take(count: number, each: (item: T) => void): boolean {
    const items = this.items;
    if (!items) return false;
    for (let i = 0; i < count; i++) {
      const next = items.next();
      if (next.done) {
        this.items = null;
        return false;
      }
      each(next.value);
    }
    return true;
  }
}
