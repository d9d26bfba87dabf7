/**
 * Items an index takes in a slice at a time (idle warm-up), as they were when it began: whatever is written meanwhile
 * the index replaces once it has taken them all, so its reads and writes take the rest at once first.
 */
export class Backlog<T> {
  private items: T[] | null;
  private taken = 0;

  constructor(items: Iterable<T>) {
    this.items = [...items];
  }

  /** Hands up to `count` more items to `each`; false once every item has been handed over. */
  take(count: number, each: (item: T) => void): boolean {
    const items = this.items;
    if (!items) return false;
    const end = Math.min(items.length, this.taken + count);
    while (this.taken < end) each(items[this.taken++] as T);
    if (this.taken < items.length) return true;
    this.items = null;
    return false;
  }
}
