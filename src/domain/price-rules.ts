/**
 * The arithmetic of a bulk price change, written once for the mock and a real
 * server. Money is integer cents and percentages are integer basis points
 * (hundredths of a percent: 20 % = 2000); every division is an integer one
 * done with `%`, so no amount ever passes through a binary fraction.
 *
 * Order of the rules: the change (set, or raise/lower by an amount or a
 * percent, the percent rounded half away from zero to the cent), then the
 * price-ending rule (.99, .95, whole dollars), then the margin floor.
 */
import { MAX_CENTS, type CompareAtMode, type PriceEnding, type PriceFlag, type PriceOp, type PriceUnit } from '../contract/constants';
import { marginPermille, type Cents } from '../contract/values/money';

export const PRICE_FLAG_LABELS: Readonly<Record<PriceFlag, string>> = {
  'not-positive': 'Zero or negative',
  'below-cost': 'Under cost',
  'compare-at-not-above': 'Compare-at not above price',
  'too-high': 'Over $1,000,000',
};

/** One bulk change. `value` is cents for amounts and basis points for percents. */
export type PriceChange = {
  op: PriceOp;
  unit: PriceUnit;
  value: number;
  ending: PriceEnding;
  compareAt: CompareAtMode;
  /** Never below cost plus this gross margin (basis points of the price); null: no floor. */
  minMarginBp: number | null;
};

export type PricePoint = { price: Cents; compareAtPrice: Cents | null };

export type PricedVariant = PricePoint & { cost: Cents | null };

export type PriceOutcome = {
  to: PricePoint;
  /** The margin floor lifted the price. */
  floored: boolean;
  flags: PriceFlag[];
  /** Gross margin in tenths of a percent, before and after; null without a cost. */
  marginBefore: number | null;
  marginAfter: number | null;
};

const BP = 10_000;

/** n / d rounded half away from zero; d > 0. Integer operations only. */
export function divRoundHalfAway(n: number, d: number): number {
  const a = Math.abs(n) * 2 + d;
  const q = (a - (a % (2 * d))) / (2 * d);
  return n < 0 ? -q : q;
}

/** ⌈n / d⌉ for n ≥ 0, d > 0. */
export function divCeil(n: number, d: number): number {
  const r = n % d;
  return (n - r) / d + (r === 0 ? 0 : 1);
}

/** `price` changed by a percent (basis points), rounded half away from zero to the cent. */
export function percentOf(price: Cents, bp: number): Cents {
  return divRoundHalfAway(price * bp, BP);
}

/** The candidates ending in `ending` cents either side of `price`. */
function endingBelow(price: Cents, ending: number): Cents {
  const r = price % 100;
  return price - r + ending - (r >= ending ? 0 : 100);
}

/** The nearest price with the ending (ties go up, away from zero); prices at or under zero are left for the flags. */
export function applyEnding(price: Cents, ending: PriceEnding): Cents {
  if (ending === 'none' || price <= 0) return price;
  if (ending === 'whole') return divRoundHalfAway(price, 100) * 100;
  const end = ending === '99' ? 99 : 95;
  const below = endingBelow(price, end);
  if (below === price) return price;
  const above = below + 100;
  if (below <= 0) return above;
  return price - below < above - price ? below : above;
}

/** The smallest price with the ending at or above `price`. */
export function ceilToEnding(price: Cents, ending: PriceEnding): Cents {
  if (ending === 'none') return price;
  if (ending === 'whole') return divCeil(price, 100) * 100;
  const below = endingBelow(price, ending === '99' ? 99 : 95);
  return below >= price ? below : below + 100;
}

/** The lowest price that keeps `marginBp` of gross margin over `cost`: ⌈cost / (1 − m)⌉. */
export function marginFloor(cost: Cents, marginBp: number): Cents {
  return divCeil(cost * BP, BP - marginBp);
}

function changedPrice(price: Cents, change: PriceChange): Cents {
  const { op, unit, value } = change;
  if (op === 'keep') return price;
  if (op === 'set') return value;
  const delta = op === 'raise' ? value : -value;
  return unit === 'amount' ? price + delta : percentOf(price, BP + delta);
}

/** What one change does to one variant, with the flags for what the rules refuse. */
export function applyPriceChange(variant: PricedVariant, change: PriceChange): PriceOutcome {
  let price = applyEnding(changedPrice(variant.price, change), change.op === 'keep' ? 'none' : change.ending);
  let floored = false;
  if (change.minMarginBp !== null && variant.cost !== null) {
    const floor = ceilToEnding(marginFloor(variant.cost, change.minMarginBp), change.ending);
    if (price < floor) {
      price = floor;
      floored = true;
    }
  }
  let compareAtPrice = variant.compareAtPrice;
  if (change.compareAt === 'end-sale') compareAtPrice = null;
  else if (change.compareAt === 'start-sale') {
    // Already on sale: the original "was" price stays, so a second markdown does not make the first sale price the reference.
    compareAtPrice = variant.compareAtPrice !== null && variant.compareAtPrice > variant.price ? variant.compareAtPrice : variant.price;
  }
  const flags: PriceFlag[] = [];
  if (price <= 0) flags.push('not-positive');
  if (variant.cost !== null && price < variant.cost) flags.push('below-cost');
  if (compareAtPrice !== null && compareAtPrice <= price) flags.push('compare-at-not-above');
  if (price > MAX_CENTS || (compareAtPrice ?? 0) > MAX_CENTS) flags.push('too-high');
  return {
    to: { price, compareAtPrice },
    floored,
    flags,
    marginBefore: marginPermille(variant.price, variant.cost),
    marginAfter: price > 0 ? marginPermille(price, variant.cost) : null,
  };
}

export function samePrice(a: PricePoint, b: PricePoint): boolean {
  return a.price === b.price && a.compareAtPrice === b.compareAtPrice;
}

/** Running totals of a preview: counts, and the mean margin before and after over the variants that have a cost. */
export type PriceTotals = {
  variants: number;
  changed: number;
  flagged: number;
  floored: number;
  marginBefore: number | null;
  marginAfter: number | null;
};

export function priceTotals() {
  let variants = 0;
  let changed = 0;
  let flagged = 0;
  let floored = 0;
  let before = 0;
  let after = 0;
  let withMargin = 0;
  return {
    add(from: PricePoint, outcome: PriceOutcome): void {
      variants++;
      if (!samePrice(from, outcome.to)) changed++;
      if (outcome.flags.length) flagged++;
      if (outcome.floored) floored++;
      if (outcome.marginBefore !== null && outcome.marginAfter !== null) {
        before += outcome.marginBefore;
        after += outcome.marginAfter;
        withMargin++;
      }
    },
    result(): PriceTotals {
      return {
        variants,
        changed,
        flagged,
        floored,
        marginBefore: withMargin ? divRoundHalfAway(before, withMargin) : null,
        marginAfter: withMargin ? divRoundHalfAway(after, withMargin) : null,
      };
    },
  };
}

/** What a person types as a percent ("20", "12.5", "7.25 %") in basis points; null when it is not one. */
export function parsePercent(input: string): number | null {
  const match = /^\s*(\d{1,4})(?:\.(\d{0,2}))?\s*%?\s*$/.exec(input);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "20 %", "12.5 %" from basis points. */
export function formatBasisPoints(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''} %`;
}
