/**
 * Tracking numbers by carrier, checked by shape only (no check digit): the
 * point is to catch a number pasted into the wrong carrier or cut short; and
 * where each carrier's public tracking page for a number is.
 */
import type { Carrier } from '../contract/constants';

type Format = { pattern: RegExp; message: string };

const FORMATS: Record<Carrier, Format> = {
  UPS: {
    pattern: /^1Z[0-9A-Z]{16}$/,
    message: 'A UPS tracking number is 1Z followed by 16 letters and digits, like 1Z999AA10123456784',
  },
  USPS: {
    pattern: /^\d{20,22}$/,
    message: 'A USPS tracking number is 20 to 22 digits, like 9400111899223197428490',
  },
  FedEx: {
    pattern: /^(?:\d{12}|\d{15})$/,
    message: 'A FedEx tracking number is 12 or 15 digits, like 123456789012',
  },
  DHL: {
    pattern: /^\d{10}$/,
    message: 'A DHL tracking number is 10 digits, like 1234567890',
  },
};

/** What people paste, made canonical: spaces and dashes dropped, letters in capitals. Store this form. */
export function normalizeTrackingNumber(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

/** True when `value`, exactly as given, has the carrier's shape; normalise first to forgive spaces. */
export function isTrackingNumber(carrier: Carrier, value: string): boolean {
  return FORMATS[carrier].pattern.test(value);
}

/** The sentence a form shows beside the field, or null when the number fits the carrier. */
export function trackingNumberProblem(carrier: Carrier, value: string): string | null {
  return isTrackingNumber(carrier, value) ? null : FORMATS[carrier].message;
}

/** Each carrier's public tracking page, the number as its query (what the carriers' own "Track" links open). */
const TRACKING_PAGES: Record<Carrier, (number: string) => string> = {
  UPS: (n) => `https://www.ups.com/track?loc=en_US&tracknum=${n}`,
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  FedEx: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  DHL: (n) => `https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`,
};

/** The carrier's tracking page for a number (normalised first, then encoded, so nothing typed can leave the query). */
export function trackingUrl(carrier: Carrier, number: string): string {
  return TRACKING_PAGES[carrier](encodeURIComponent(normalizeTrackingNumber(number)));
}
