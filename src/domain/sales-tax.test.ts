import { US_STATES } from '../contract/values/us-address';
import { divideRoundHalfUp, formatTaxRate, salesTax, STATE_TAX_RATES_PPM, taxRatePpm } from './sales-tax';

describe('state sales tax rates', () => {
  it('cover every state and DC', () => {
    for (const { code } of US_STATES) expect(Number.isInteger(STATE_TAX_RATES_PPM[code])).toBe(true);
    expect(Object.keys(STATE_TAX_RATES_PPM)).toHaveLength(51);
  });

  it.each([
    ['CA', '7.25%'],
    ['NY', '4%'],
    ['TX', '6.25%'],
    ['NJ', '6.625%'],
    ['MN', '6.875%'],
    ['DE', '0%'],
    ['MT', '0%'],
    ['NH', '0%'],
    ['OR', '0%'],
    ['AK', '0%'],
  ])('%s is %s', (state, text) => {
    expect(formatTaxRate(taxRatePpm(state))).toBe(text);
  });

  it('refuses what is not a state', () => {
    expect(() => taxRatePpm('PR')).toThrow('not a US state code');
    expect(() => salesTax(100, 'ca')).toThrow(RangeError);
  });
});

describe('salesTax', () => {
  it.each([
    [10_000, 'CA', 725],
    [1_999, 'CA', 145], // 144.9275
    [2_000, 'CA', 145], // 145.0
    [1_000, 'NJ', 66], // 66.25
    [200, 'NJ', 13], // 13.25
    [1_000, 'MN', 69], // 68.75
    [2_000, 'TX', 125], // 125.0
    [1_000, 'CO', 29],
    [5_000, 'DE', 0],
    [0, 'CA', 0],
  ])('on %i cents in %s is %i', (cents, state, tax) => {
    expect(salesTax(cents, state)).toBe(tax);
  });

  it('rounds an exact half cent up', () => {
    // 6.25 % of 8 cents = 0.5 cent; of 24 cents = 1.5 cents.
    expect(salesTax(8, 'TX')).toBe(1);
    expect(salesTax(24, 'TX')).toBe(2);
    expect(salesTax(7, 'TX')).toBe(0); // 0.4375
  });

  it('refuses fractional or negative amounts', () => {
    expect(() => salesTax(10.5, 'CA')).toThrow(RangeError);
    expect(() => salesTax(-1, 'CA')).toThrow(RangeError);
  });

  it('agrees with exact BigInt arithmetic on many amounts', () => {
    for (let cents = 0; cents < 200_000; cents += 37) {
      for (const state of ['CA', 'NJ', 'MN', 'MO', 'NM']) {
        const exact = (BigInt(cents) * BigInt(taxRatePpm(state)) * 2n + 1_000_000n) / 2_000_000n;
        expect(salesTax(cents, state)).toBe(Number(exact));
      }
    }
  });
});

describe('divideRoundHalfUp', () => {
  it('is exact near the limits of float precision', () => {
    const n = 2 ** 50 + 3;
    expect(divideRoundHalfUp(n, 1)).toBe(n);
    expect(divideRoundHalfUp(5, 10)).toBe(1);
    expect(divideRoundHalfUp(4, 10)).toBe(0);
    expect(divideRoundHalfUp(15, 10)).toBe(2);
    expect(divideRoundHalfUp(2 ** 51 - 1, 2 ** 20)).toBe(Number(((2n ** 51n - 1n) * 2n + 2n ** 20n) / 2n ** 21n));
  });
});
