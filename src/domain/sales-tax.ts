/**
 * Sales tax at the base state rate, in integer arithmetic. Local (county and
 * city) rates are not modelled: this is the demo shop's rule, and a real
 * server would take the tax from its tax service.
 *
 * Rates are in parts per million (72,500 = 7.25 %), not basis points,
 * because two states' rates have a third decimal (MN 6.875 %, NJ 6.625 %).
 */
import { isStateCode, type StateCode } from '../contract/values/us-address';

export const TAX_RATE_SCALE = 1_000_000;

/** State-level rates as published for 2025 (Tax Foundation); CA, UT and VA include their uniform statewide local add-on. */
export const STATE_TAX_RATES_PPM: Readonly<Record<StateCode, number>> = {
  AL: 40_000,
  AK: 0,
  AZ: 56_000,
  AR: 65_000,
  CA: 72_500,
  CO: 29_000,
  CT: 63_500,
  DE: 0,
  DC: 60_000,
  FL: 60_000,
  GA: 40_000,
  HI: 40_000,
  ID: 60_000,
  IL: 62_500,
  IN: 70_000,
  IA: 60_000,
  KS: 65_000,
  KY: 60_000,
  LA: 50_000,
  ME: 55_000,
  MD: 60_000,
  MA: 62_500,
  MI: 60_000,
  MN: 68_750,
  MS: 70_000,
  MO: 42_250,
  MT: 0,
  NE: 55_000,
  NV: 68_500,
  NH: 0,
  NJ: 66_250,
  NM: 48_750,
  NY: 40_000,
  NC: 47_500,
  ND: 50_000,
  OH: 57_500,
  OK: 45_000,
  OR: 0,
  PA: 60_000,
  RI: 70_000,
  SC: 60_000,
  SD: 42_000,
  TN: 70_000,
  TX: 62_500,
  UT: 61_000,
  VT: 60_000,
  VA: 53_000,
  WA: 65_000,
  WV: 60_000,
  WI: 50_000,
  WY: 40_000,
};

/** The state's rate in parts per million; throws for a code that is not a state (validate addresses first). */
export function taxRatePpm(state: string): number {
  if (!isStateCode(state)) throw new RangeError(`No sales tax rate for "${state}": not a US state code`);
  return STATE_TAX_RATES_PPM[state];
}

/** "7.25%", "6.875%", "0%". */
export function formatTaxRate(ppm: number): string {
  const whole = Math.trunc(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

/**
 * ⌊n ÷ d + ½⌋ for whole n ≥ 0 and d > 0, exactly: the float quotient is
 * corrected by one either way, so it holds up to Number.MAX_SAFE_INTEGER.
 */
export function divideRoundHalfUp(n: number, d: number): number {
  const twice = 2 * n + d;
  const divisor = 2 * d;
  let q = Math.floor(twice / divisor);
  if (q * divisor > twice) q -= 1;
  else if ((q + 1) * divisor <= twice) q += 1;
  return q;
}

/** Tax on `taxableCents` (merchandise after discounts; shipping is not taxed here), rounded half up to the cent. */
export function salesTax(taxableCents: number, state: string): number {
  if (!Number.isSafeInteger(taxableCents) || taxableCents < 0) throw new RangeError('Taxable amount must be whole, non-negative cents');
  return divideRoundHalfUp(taxableCents * taxRatePpm(state), TAX_RATE_SCALE);
}
