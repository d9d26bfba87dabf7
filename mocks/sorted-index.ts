/**
 * Sort orders of a collection, one per sort key, each built on first use and
 * then kept up to date by writes, so a list request walks an order that is
 * already sorted instead of sorting the shop. Shared by every list the mock
 * serves (products, inventory levels).
 */
export type Compare<E> = (a: E, b: E) => number;

/** Beyond this many entries in one write, one linear merge beats a splice per entry. */
const INCREMENTAL_LIMIT = 64;

/** Entries sorted or merged per warm-up step: some tens of milliseconds. */
const STEP_BUDGET = 50_000;
/** Runs sorted whole before the merges. */
const RUN = 4_096;

/**
 * A sort order built a step at a time (idle warm-up): runs of RUN entries sorted, then merged pairwise, pass after
 * pass, into the other buffer; any step stops after STEP_BUDGET entries and the next goes on from there.
 */
class SortInSteps<E> {
  private src: E[];
  private dst: E[];
  /** Entries before this are in sorted runs (phase one). */
  private sorted = 0;
  /** Run width of the merge pass under way, and where it stands: the pair starting at `lo`, its two heads, the output. */
  private width = RUN;
  private lo = 0;
  private i = 0;
  private j = 0;
  private k = 0;
  private pairStarted = false;

  constructor(
    items: E[],
    private readonly compare: Compare<E>,
  ) {
    this.src = items;
    this.dst = new Array<E>(items.length);
  }

  /** The sorted entries once done, else null after one step. */
  step(): E[] | null {
    const n = this.src.length;
    let budget = STEP_BUDGET;
    while (this.sorted < n && budget > 0) {
      const end = Math.min(n, this.sorted + RUN);
      const run = this.src.slice(this.sorted, end).sort(this.compare);
      for (let x = 0; x < run.length; x++) this.src[this.sorted + x] = run[x] as E;
      budget -= end - this.sorted;
      this.sorted = end;
    }
    while (budget > 0 && this.width < n) {
      const { src, dst, compare, width } = this;
      const mid = Math.min(n, this.lo + width);
      const hi = Math.min(n, this.lo + 2 * width);
      if (!this.pairStarted) {
        this.i = this.lo;
        this.j = mid;
        this.k = this.lo;
        this.pairStarted = true;
      }
      while (this.k < hi && budget > 0) {
        const takeLeft = this.j >= hi || (this.i < mid && compare(src[this.i] as E, src[this.j] as E) <= 0);
        dst[this.k++] = (takeLeft ? src[this.i++] : src[this.j++]) as E;
        budget--;
      }
      if (this.k < hi) break;
      this.pairStarted = false;
      this.lo = hi;
      if (this.lo >= n) {
        // One pass done: the merged runs are twice as wide, in the other buffer.
        [this.src, this.dst] = [this.dst, this.src];
        this.width *= 2;
        this.lo = 0;
      }
    }
    return this.sorted >= n && this.width >= n ? this.src : null;
  }
}

export class SortedIndex<E, K extends string> {
  private orders: Partial<Record<K, E[]>> = {};
  /** The order idle warm-up is building, a step at a time; dropped by any write (the entries it holds may be gone). */
  private building: { key: K; sort: SortInSteps<E> } | null = null;

  constructor(
    /** Ascending orders; descending walks them backwards, so ties break the same way in both directions. */
    private readonly compares: Readonly<Record<K, Compare<E>>>,
    private readonly all: () => Iterable<E>,
  ) {}

  order(key: K): E[] {
    let order = this.orders[key];
    if (!order && this.building?.key === key) {
      // Asked for while warm-up builds it: the rest of its steps now.
      const { sort } = this.building;
      let done = sort.step();
      while (!done) done = sort.step();
      order = done;
      this.orders[key] = order;
      this.building = null;
    }
    if (!order) {
      const { items, sorted } = this.current(key);
      order = sorted ? items : items.sort(this.compares[key]);
      this.orders[key] = order;
    }
    return order;
  }

  /**
   * The entries now, and whether they are in `key`'s order already: collections often arrive in one of their orders
   * (orders by time placed), and checking is linear where sorting is not.
   */
  private current(key: K): { items: E[]; sorted: boolean } {
    const items = [...this.all()];
    return { items, sorted: isSorted(items, this.compares[key]) };
  }

  /** One step towards the next missing order; false when all are built (for warming up in idle time). */
  buildNext(): boolean {
    if (!this.building) {
      const key = (Object.keys(this.compares) as K[]).find((k) => !this.orders[k]);
      if (key === undefined) return false;
      const { items, sorted } = this.current(key);
      if (sorted) {
        this.orders[key] = items;
        return true;
      }
      this.building = { key, sort: new SortInSteps(items, this.compares[key]) };
    }
    const order = this.building.sort.step();
    if (order) {
      this.orders[this.building.key] = order;
      this.building = null;
    }
    return true;
  }

  clear(): void {
    this.orders = {};
    this.building = null;
  }

  /** Entries replaced or added by a write: `removed` leave every built order, `added` join it in place. */
  update(removed: readonly E[], added: readonly E[]): void {
    this.building = null;
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

/**
 * `page` over a few entries known to hold every match (a customer's orders among all orders): sorted here, in the same
 * order `page` walks, rather than found by testing every entry.
 */
export function pageAmong<E, T>(
  among: readonly E[],
  compare: Compare<E>,
  descending: boolean,
  offset: number,
  limit: number,
  matches: ((e: E) => boolean) | null,
  view: (e: E) => T,
): { items: T[]; total: number } {
  const hits = (matches ? among.filter(matches) : [...among]).sort(compare);
  if (descending) hits.reverse();
  return { items: hits.slice(offset, offset + limit).map(view), total: hits.length };
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
