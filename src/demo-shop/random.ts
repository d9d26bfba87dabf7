/**
 * A tiny seeded PRNG: the seed must give the same shop in every browser and in
 * node, so Math.random is never used for anything that ends up in the data.
 */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in their original order (order matters for option values). */
  sample<T>(items: readonly T[], count: number): T[];
  /** Where the stream is: `mulberry32(state())` draws what this one draws next. */
  state(): number;
};

/** The stream's draws alone (what `mulberry32(seed).next` draws), and where it stands: cheap to start, for a seeded order made again. */
export function mulberry32Draws(seed: number): Pick<Random, 'next' | 'state'> {
  let state = seed >>> 0;
  return {
    next: () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    state: () => state,
  };
}

export function mulberry32(seed: number): Random {
  const { next, state } = mulberry32Draws(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    state,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const n = Math.min(count, items.length);
      // The catalogue's lists are short: the chosen ones as bits of a number (no Set per call, 150,000 calls a big seed).
      if (items.length <= 30) {
        let chosen = 0;
        for (let size = 0; size < n;) {
          const bit = 1 << Math.floor(next() * items.length);
          if ((chosen & bit) === 0) {
            chosen |= bit;
            size++;
          }
        }
        const out: T[] = [];
        for (let i = 0; i < items.length; i++) if (chosen & (1 << i)) out.push(items[i]!);
        return out;
      }
      const chosen = new Set<number>();
      while (chosen.size < n) chosen.add(Math.floor(next() * items.length));
      return items.filter((_, i) => chosen.has(i));
    },
  };
}
