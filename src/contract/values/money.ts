/**
 * Money is integer cents of USD. Dollars exist only in input fields and in
 * formatted text; both conversions live here and never use float arithmetic:
 * parsing works on the digits, formatting hands Intl an exact decimal string.
 */
export type Cents = number;

const DOLLAR_INPUT = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{0,2}))?$/;

/** Parses what a person types in a price field ("12", "12.5", "$1,299.99"). Null when it is not an amount. */
export function parseDollars(input: string): Cents | null {
  const trimmed = input.trim();
  if (!/\d/.test(trimmed)) return null; // "", "$", "." and "$." are not amounts
  const match = DOLLAR_INPUT.exec(trimmed);
  if (!match) return null;
  const whole = (match[1] ?? '0').replaceAll(',', '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const cents = Number(whole) * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** The text an input field shows for an amount: "1299.99", no symbol, no grouping. */
export function centsToInput(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "$1,299.99"; Intl formats the exact decimal string, so no float is involved. */
export function formatCents(cents: Cents): string {
  // Intl.NumberFormat.format accepts a decimal string (ES2023) and formats it exactly.
  return usd.format(centsToInput(cents) as unknown as number);
}

/** Gross margin in tenths of a percent (e.g. 425 = 42.5 %), or null without a price or cost. */
export function marginPermille(price: Cents, cost: Cents | null | undefined): number | null {
  if (cost == null || price <= 0) return null;
  const ratio = ((price - cost) * 1000) / price;
  // Half away from zero, so −68.25 % and 68.25 % round alike; `+ 0` turns −0 into 0.
  return Math.sign(ratio) * Math.round(Math.abs(ratio)) + 0;
}

export function formatPermille(permille: number): string {
  const sign = permille < 0 ? '−' : '';
  const abs = Math.abs(permille);
  return `${sign}${Math.trunc(abs / 10)}.${abs % 10}%`;
}
