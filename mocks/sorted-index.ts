/**
 * Sort orders of a collection, one per sort key, each built on first use and
 * then kept up to date by writes, so a list request walks an order that is
 * already sorted instead of sorting the shop. Shared by every list the mock
 * serves (products, inventory levels).
 */
export type Compare<E> = (a: E, b: E) => number;

/** Beyond this many entries in one write, one linear merge beats a splice per entry. */
const INCREMENTAL_LIMIT = 64;

export class SortedIndex<E, K extends string> {
  private orders: Partial<Record<K, E[]>> = {};

  constructor(
    /** Ascending orders; descending walks them backwards, so ties break the same way in both directions. */
    private readonly compares: Readonly<Record<K, Compare<E>>>,
    private readonly all: () => Iterable<E>,
  ) {}

  order(key: K): E[] {
    let order = this.orders[key];
    if (!order) {
      order = [...this.all()];
      // Collections often arrive in one of their orders already (orders by time placed): checking is linear, sorting is not.
      if (!isSorted(order, this.compares[key])) order.sort(this.compares[key]);
      this.orders[key] = order;
    }
    return order;
  }

  /** Builds one missing order; false when all are built (for warming up in idle time). */
  buildNext(): boolean {
    const key = (Object.keys(this.compares) as K[]).find((k) => !this.orders[k]);
    if (key === undefined) return false;
    this.order(key);
    return true;
  }

  clear(): void {
    this.orders = {};
  }

  /** Entries replaced or added by a write: `removed` leave every built order, `added` join it in place. */
  update(removed: readonly E[], added: readonly E[]): void {
    for (const key of Object.keys(this.orders) as K[]) {
      const order = this.orders[key];
      if (!order) continue;
      const compare = this.compares[key];
      if (removed.length + added.length <= INCREMENTAL_LIMIT) {
        for (const old of removed) {
          const i = lowerBound(order, old, compare);
          if (order[i] === old) order.splice(i, 1);
        }
        for (const entry of added) order.splice(lowerBound(order, entry, compare), 0, entry);
      } else {
        this.orders[key] = mergeSorted(order, new Set(removed), [...added].sort(compare), compare);
      }
    }
  }

  /**
   * One page of the entries that match, in the order of `sort` ("key" or
   * "-key"), and how many match in all. Every candidate is tested for the
   * total; the page is collected on the way, already in order.
   */
  page<T>(
    sort: string,
    offset: number,
    limit: number,
    matches: ((e: E) => boolean) | null,
    view: (e: E) => T,
  ): { items: T[]; total: number } {
    const descending = sort.startsWith('-');
    const order = this.order((descending ? sort.slice(1) : sort) as K);
    const n = order.length;
    const at = (i: number) => order[descending ? n - 1 - i : i] as E;
    const end = offset + limit;
    const items: T[] = [];
    if (!matches) {
      for (let i = offset; i < Math.min(end, n); i++) items.push(view(at(i)));
      return { items, total: n };
    }
    let total = 0;
    for (let i = 0; i < n; i++) {
      const entry = at(i);
      if (!matches(entry)) continue;
      if (total >= offset && total < end) items.push(view(entry));
      total++;
    }
    return { items, total };
  }
}

function isSorted<E>(items: readonly E[], compare: Compare<E>): boolean {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1] as E, items[i] as E) > 0) return false;
  return true;
}

function lowerBound<E>(order: E[], target: E, compare: Compare<E>): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(order[mid] as E, target) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `order` without `removed`, with `added` (sorted) merged in: linear, however large the batch. */
function mergeSorted<E>(order: E[], removed: ReadonlySet<E>, added: E[], compare: Compare<E>): E[] {
  const merged: E[] = [];
  let j = 0;
  for (const entry of order) {
    if (removed.has(entry)) continue;
    while (j < added.length && compare(added[j] as E, entry) < 0) merged.push(added[j++] as E);
    merged.push(entry);
  }
  while (j < added.length) merged.push(added[j++] as E);
  return merged;
}

export { compareText } from '../src/domain/compare';
