/**
 * US addresses, validated in one place: the state is its two-letter USPS
 * code (the 50 states and DC), the ZIP is 5 digits or ZIP+4 ("12345-6789").
 */
export const US_STATES = [
  { code: 'AL', name: 'Alabama' },
  { code: 'AK', name: 'Alaska' },
  { code: 'AZ', name: 'Arizona' },
  { code: 'AR', name: 'Arkansas' },
  { code: 'CA', name: 'California' },
  { code: 'CO', name: 'Colorado' },
  { code: 'CT', name: 'Connecticut' },
  { code: 'DE', name: 'Delaware' },
  { code: 'DC', name: 'District of Columbia' },
  { code: 'FL', name: 'Florida' },
  { code: 'GA', name: 'Georgia' },
  { code: 'HI', name: 'Hawaii' },
  { code: 'ID', name: 'Idaho' },
  { code: 'IL', name: 'Illinois' },
  { code: 'IN', name: 'Indiana' },
  { code: 'IA', name: 'Iowa' },
  { code: 'KS', name: 'Kansas' },
  { code: 'KY', name: 'Kentucky' },
  { code: 'LA', name: 'Louisiana' },
  { code: 'ME', name: 'Maine' },
  { code: 'MD', name: 'Maryland' },
  { code: 'MA', name: 'Massachusetts' },
  { code: 'MI', name: 'Michigan' },
  { code: 'MN', name: 'Minnesota' },
  { code: 'MS', name: 'Mississippi' },
  { code: 'MO', name: 'Missouri' },
  { code: 'MT', name: 'Montana' },
  { code: 'NE', name: 'Nebraska' },
  { code: 'NV', name: 'Nevada' },
  { code: 'NH', name: 'New Hampshire' },
  { code: 'NJ', name: 'New Jersey' },
  { code: 'NM', name: 'New Mexico' },
  { code: 'NY', name: 'New York' },
  { code: 'NC', name: 'North Carolina' },
  { code: 'ND', name: 'North Dakota' },
  { code: 'OH', name: 'Ohio' },
  { code: 'OK', name: 'Oklahoma' },
  { code: 'OR', name: 'Oregon' },
  { code: 'PA', name: 'Pennsylvania' },
  { code: 'RI', name: 'Rhode Island' },
  { code: 'SC', name: 'South Carolina' },
  { code: 'SD', name: 'South Dakota' },
  { code: 'TN', name: 'Tennessee' },
  { code: 'TX', name: 'Texas' },
  { code: 'UT', name: 'Utah' },
  { code: 'VT', name: 'Vermont' },
  { code: 'VA', name: 'Virginia' },
  { code: 'WA', name: 'Washington' },
  { code: 'WV', name: 'West Virginia' },
  { code: 'WI', name: 'Wisconsin' },
  { code: 'WY', name: 'Wyoming' },
] as const;

export type StateCode = (typeof US_STATES)[number]['code'];

const NAMES: ReadonlyMap<string, string> = new Map(US_STATES.map((s) => [s.code, s.name]));

/** Exactly a known code, in capitals: "ca" and "Calif." are not codes (normalise first). */
export function isStateCode(value: string): value is StateCode {
  return NAMES.has(value);
}

export function stateName(code: string): string | undefined {
  return NAMES.get(code);
}

const ZIP = /^\d{5}(?:-\d{4})?$/;

/** 5 digits or ZIP+4 with its hyphen, as the contract stores it. */
export function isZip(value: string): boolean {
  return ZIP.test(value);
}

/**
 * What people type, made canonical: trims, and writes nine bare digits as
 * ZIP+4 ("123456789" → "12345-6789"). Anything else is returned trimmed, for isZip to judge.
 */
export function normalizeZip(value: string): string {
  const trimmed = value.trim();
  return /^\d{9}$/.test(trimmed) ? `${trimmed.slice(0, 5)}-${trimmed.slice(5)}` : trimmed;
}

/** "ca " → "CA"; a state's full name ("California") → its code. Anything else is returned trimmed and upper-cased. */
export function normalizeState(value: string): string {
  const trimmed = value.trim();
  const upper = trimmed.toUpperCase();
  if (NAMES.has(upper)) return upper;
  const byName = US_STATES.find((s) => s.name.toUpperCase() === upper);
  return byName ? byName.code : upper;
}

export const STATE_MESSAGE = 'Choose a US state (two letters, like NY)';
export const ZIP_MESSAGE = 'Enter a 5-digit ZIP code, or ZIP+4 like 10001-1234';

/** The messages a form shows beside each field, keyed by field; empty when the address is fine. */
export function addressProblems(address: { state: string; zip: string }): { state?: string; zip?: string } {
  const problems: { state?: string; zip?: string } = {};
  if (!isStateCode(address.state)) problems.state = STATE_MESSAGE;
  if (!isZip(address.zip)) problems.zip = ZIP_MESSAGE;
  return problems;
}
