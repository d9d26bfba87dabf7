/**
 * Sort orders built a step at a time by idle warm-up: whatever the entries, the steps taken, the writes and the
 * requests in between, every order is the one a plain sort gives.
 */
import * as fc from 'fast-check';
import { SortedIndex, type Compare } from './sorted-index';

type Entry = { id: number; a: number; b: string };
type Key = 'a' | 'b';
const COMPARES: Record<Key, Compare<Entry>> = {
  a: (x, y) => x.a - y.a || x.id - y.id,
  b: (x, y) => (x.b < y.b ? -1 : x.b > y.b ? 1 : 0) || x.id - y.id,
};
const all = (entries: Entry[], key: Key) => entries.slice().sort(COMPARES[key]);
const ids = (entries: readonly Entry[]) => entries.map((e) => e.id);

describe('a sort order built in steps', () => {
  it('is the plain sort, whatever steps, writes and reads come between', () => {
    fc.assert(
      fc.property(
        // Sizes around the run (4,096) and a pass of merges, so runs, odd tails and several passes all happen.
        fc.integer({ min: 0, max: 20_000 }),
        fc.array(fc.oneof(fc.constant('step' as const), fc.constant('read' as const), fc.constant('write' as const)), { maxLength: 40 }),
        fc.integer(),
        (size, actions, seed) => {
          let state = seed;
          const random = () => ((state = (Math.imul(state, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32;
          let entries: Entry[] = Array.from({ length: size }, (_, id) => ({
            id,
            a: Math.floor(random() * 500),
            b: String(Math.floor(random() * 1e6)),
          }));
          let nextId = size;
          const index = new SortedIndex<Entry, Key>(COMPARES, () => entries);
          // What each read got and what a plain sort gives then, checked once the actions are done.
          const reads: [number[], number[]][] = [];
          for (const action of actions) {
            if (action === 'step') index.buildNext();
            else if (action === 'read') {
              const key: Key = random() < 0.5 ? 'a' : 'b';
              reads.push([ids(index.page(key, 0, 50, null, (e) => e).items), ids(all(entries, key).slice(0, 50))]);
            } else if (entries.length > 0) {
              const old = entries[Math.floor(random() * entries.length)]!;
              const added = { id: nextId++, a: Math.floor(random() * 500), b: String(Math.floor(random() * 1e6)) };
              entries = entries.filter((e) => e !== old).concat(added);
              index.update([old], [added]);
            }
          }
          for (const [got, want] of reads) expect(got).toEqual(want);
          while (index.buildNext());
          for (const key of ['a', 'b'] as const) expect(ids(index.order(key))).toEqual(ids(all(entries, key)));
        },
      ),
      { numRuns: 60 },
    );
  });
});
