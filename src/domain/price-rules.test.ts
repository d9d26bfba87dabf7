import {
  applyEnding,
  applyPriceChange,
  ceilToEnding,
  divRoundHalfAway,
  formatBasisPoints,
  marginFloor,
  parsePercent,
  percentOf,
  priceTotals,
  type PriceChange,
} from './price-rules';

const change = (over: Partial<PriceChange>): PriceChange => ({
  op: 'keep',
  unit: 'amount',
  value: 0,
  ending: 'none',
  compareAt: 'keep',
  minMarginBp: null,
  ...over,
});

describe('divRoundHalfAway', () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [4, 2, 2],
    [7, 3, 2],
    [8, 3, 3],
    [-7, 3, -2],
    [0, 7, 0],
    [15, 10, 2],
    [14, 10, 1],
    [-15, 10, -2],
  ])('%i / %i → %i', (n, d, q) => expect(divRoundHalfAway(n, d)).toBe(q));

  it('stays exact near the top of the money range', () => {
    // 99,999,999 cents × 99.99 %: a float product would lose the last cent here.
    expect(percentOf(99_999_999, 9_999)).toBe(99_989_999); // 99,989,999.0001
    expect(percentOf(99_999_999, 10_000)).toBe(99_999_999);
  });
});

describe('percent changes round half away from zero to the cent', () => {
  it.each([
    // price, basis points of the new price, result
    [1999, 8000, 1599], // 1599.2
    [1999, 9000, 1799], // 1799.1
    [1001, 5000, 501], // 500.5 → 501, away from zero
    [1003, 5000, 502], // 501.5 → 502
    [10, 7500, 8], // 7.5 → 8 (the result is rounded, not the discount)
    [1, 5000, 1], // 0.5 → 1
    [333, 11000, 366], // 366.3
    [335, 11000, 369], // 368.5 → 369
    [2499, 8750, 2187], // 2186.625
  ])('%i cents at %i bp → %i', (price, bp, expected) => expect(percentOf(price, bp)).toBe(expected));

  it('lowers 20 % on odd cents, then applies no ending', () => {
    expect(
      applyPriceChange({ price: 4999, compareAtPrice: null, cost: null }, change({ op: 'lower', unit: 'percent', value: 2000 })).to.price,
    ).toBe(
      3999, // 3999.2
    );
    expect(
      applyPriceChange({ price: 1995, compareAtPrice: null, cost: null }, change({ op: 'lower', unit: 'percent', value: 2000 })).to.price,
    ).toBe(1596);
  });

  it('rounds to the cent before the ending rule', () => {
    expect(
      applyPriceChange(
        { price: 2499, compareAtPrice: null, cost: null },
        change({ op: 'lower', unit: 'percent', value: 5000, ending: 'whole' }),
      ).to.price,
    ).toBe(
      1300, // 1249.5 → 1250 → $13 (half a dollar rounds up); from an unrounded 1249.5 it would be $12
    );
  });

  it('raises by a percent and by an amount', () => {
    expect(
      applyPriceChange({ price: 1000, compareAtPrice: null, cost: null }, change({ op: 'raise', unit: 'percent', value: 1250 })).to.price,
    ).toBe(1125);
    expect(
      applyPriceChange({ price: 1000, compareAtPrice: null, cost: null }, change({ op: 'raise', unit: 'amount', value: 299 })).to.price,
    ).toBe(1299);
    expect(
      applyPriceChange({ price: 1000, compareAtPrice: null, cost: null }, change({ op: 'lower', unit: 'amount', value: 1 })).to.price,
    ).toBe(999);
    expect(applyPriceChange({ price: 1000, compareAtPrice: null, cost: null }, change({ op: 'set', value: 2500 })).to.price).toBe(2500);
  });
});

describe('endings', () => {
  it.each([
    // price, ending, nearest
    [1950, '99', 1999],
    [1949, '99', 1999], // 18.99 and 19.99 are both 50 away: a tie goes up
    [2000, '99', 1999],
    [1999, '99', 1999],
    [2048, '99', 1999],
    [2050, '99', 2099],
    [30, '99', 99],
    [99, '99', 99],
    [1996, '95', 1995],
    [2044, '95', 1995],
    [2045, '95', 2095], // a tie goes up
    [2046, '95', 2095],
    [1995, '95', 1995],
    [10, '95', 95],
    [1949, 'whole', 1900],
    [1950, 'whole', 2000],
    [1999, 'whole', 2000],
    [49, 'whole', 0],
    [1234, 'none', 1234],
  ] as const)('%i with %s → %i', (price, ending, expected) => expect(applyEnding(price, ending)).toBe(expected));

  it('leaves zero and negative prices for the flags', () => {
    expect(applyEnding(0, '99')).toBe(0);
    expect(applyEnding(-150, 'whole')).toBe(-150);
  });

  it.each([
    [1901, '99', 1999],
    [1999, '99', 1999],
    [2000, '99', 2099],
    [1996, '95', 2095],
    [1995, '95', 1995],
    [1901, 'whole', 2000],
    [1900, 'whole', 1900],
    [1901, 'none', 1901],
  ] as const)('ceilToEnding(%i, %s) = %i', (price, ending, expected) => expect(ceilToEnding(price, ending)).toBe(expected));
});

describe('margin floor', () => {
  it('is cost / (1 − margin), rounded up to the cent', () => {
    expect(marginFloor(1000, 2000)).toBe(1250);
    expect(marginFloor(1000, 3000)).toBe(1429); // 1428.57…
    expect(marginFloor(999, 0)).toBe(999);
    expect(marginFloor(0, 5000)).toBe(0);
  });

  it('lifts a price under the floor to the floor, then up to the ending', () => {
    const v = { price: 2000, compareAtPrice: null, cost: 1200 };
    const out = applyPriceChange(v, change({ op: 'lower', unit: 'percent', value: 5000, minMarginBp: 2000 }));
    expect(out.to.price).toBe(1500);
    expect(out.floored).toBe(true);
    expect(out.flags).toEqual([]);
    const ended = applyPriceChange(v, change({ op: 'lower', unit: 'percent', value: 5000, minMarginBp: 2000, ending: '99' }));
    expect(ended.to.price).toBe(1599);
  });

  it('leaves a price above the floor alone, and ignores variants without a cost', () => {
    const out = applyPriceChange(
      { price: 2000, compareAtPrice: null, cost: 500 },
      change({ op: 'lower', unit: 'amount', value: 100, minMarginBp: 2000 }),
    );
    expect(out).toMatchObject({ to: { price: 1900 }, floored: false });
    const noCost = applyPriceChange(
      { price: 2000, compareAtPrice: null, cost: null },
      change({ op: 'lower', unit: 'amount', value: 1900, minMarginBp: 2000 }),
    );
    expect(noCost).toMatchObject({ to: { price: 100 }, floored: false });
  });
});

describe('compare-at and flags', () => {
  it('starts a sale: the old price becomes compare-at', () => {
    const out = applyPriceChange(
      { price: 5000, compareAtPrice: null, cost: 2000 },
      change({ op: 'lower', unit: 'percent', value: 2000, compareAt: 'start-sale' }),
    );
    expect(out.to).toEqual({ price: 4000, compareAtPrice: 5000 });
    expect(out.flags).toEqual([]);
    expect(out.marginBefore).toBe(600);
    expect(out.marginAfter).toBe(500);
  });

  it('keeps the original compare-at of a variant already on sale', () => {
    const out = applyPriceChange(
      { price: 4000, compareAtPrice: 5000, cost: null },
      change({ op: 'lower', unit: 'amount', value: 500, compareAt: 'start-sale' }),
    );
    expect(out.to).toEqual({ price: 3500, compareAtPrice: 5000 });
  });

  it('ends a sale by clearing compare-at', () => {
    expect(applyPriceChange({ price: 4000, compareAtPrice: 5000, cost: null }, change({ compareAt: 'end-sale' })).to).toEqual({
      price: 4000,
      compareAtPrice: null,
    });
  });

  it('flags what the rules refuse', () => {
    expect(applyPriceChange({ price: 500, compareAtPrice: null, cost: null }, change({ op: 'lower', value: 500 })).flags).toEqual([
      'not-positive',
    ]);
    expect(applyPriceChange({ price: 500, compareAtPrice: null, cost: 450 }, change({ op: 'lower', value: 100 })).flags).toEqual([
      'below-cost',
    ]);
    expect(applyPriceChange({ price: 500, compareAtPrice: 600, cost: null }, change({ op: 'raise', value: 100 })).flags).toEqual([
      'compare-at-not-above',
    ]);
    expect(applyPriceChange({ price: 500, compareAtPrice: null, cost: null }, change({ op: 'set', value: 100_000_001 })).flags).toEqual([
      'too-high',
    ]);
    expect(applyPriceChange({ price: 500, compareAtPrice: null, cost: 700 }, change({ op: 'lower', value: 600 })).flags).toEqual([
      'not-positive',
      'below-cost',
    ]);
  });
});

describe('totals', () => {
  it('counts changed and flagged variants and averages the margins', () => {
    const totals = priceTotals();
    const c = change({ op: 'lower', unit: 'amount', value: 1000 });
    for (const v of [
      { price: 2000, compareAtPrice: null, cost: 1000 },
      { price: 1500, compareAtPrice: null, cost: 1000 },
      { price: 3000, compareAtPrice: null, cost: null },
    ])
      totals.add(v, applyPriceChange(v, c));
    expect(totals.result()).toEqual({ variants: 3, changed: 3, flagged: 1, floored: 0, marginBefore: 417, marginAfter: -500 });
  });
});

describe('percent input', () => {
  it.each([
    ['20', 2000],
    ['12.5', 1250],
    ['7.25 %', 725],
    ['0', 0],
  ])('reads %j as %i bp', (text, bp) => expect(parsePercent(text)).toBe(bp));
  it.each(['', 'abc', '-5', '1.234', '12345'])('refuses %j', (text) => expect(parsePercent(text)).toBeNull());
  it('formats basis points', () => {
    expect(formatBasisPoints(2000)).toBe('20 %');
    expect(formatBasisPoints(1250)).toBe('12.5 %');
    expect(formatBasisPoints(725)).toBe('7.25 %');
  });
});
