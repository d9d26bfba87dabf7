/** The words and colours discounts are shown with, and the form's conversions between what people type and the contract's numbers. */
import type { DiscountKind, DiscountScope, DiscountStatus, DiscountType } from '@/contract/constants';
import type { Discount, DiscountInput } from '@/contract/discount-schemas';
import { formatCents } from '@/contract/values/money';
import { formatBasisPoints, parsePercent } from '@/domain/price-rules';
import { storeTimeToIso, storeWallClockMs } from '@/domain/store-time';

export const KIND_LABELS: Record<DiscountKind, string> = { code: 'Code', automatic: 'Automatic' };
export const TYPE_LABELS: Record<DiscountType, string> = { percent: 'Percent off', amount: 'Amount off', free_shipping: 'Free shipping' };
export const STATUS_LABELS: Record<DiscountStatus, string> = {
  scheduled: 'Scheduled',
  active: 'Active',
  expired: 'Expired',
  disabled: 'Disabled',
};
export const STATUS_COLORS: Record<DiscountStatus, string> = { scheduled: 'blue', active: 'green', expired: 'gray', disabled: 'red' };
export const SCOPE_LABELS: Record<DiscountScope, string> = {
  order: 'The whole order',
  categories: 'Categories',
  products: 'Products',
  variants: 'Variants',
};

/** "15 %", "$5.00 off", "Free shipping". */
export function formatDiscountValue(d: Pick<DiscountInput, 'type' | 'value'>): string {
  switch (d.type) {
    case 'percent':
      return formatBasisPoints(d.value);
    case 'amount':
      return `${formatCents(d.value)} off`;
    case 'free_shipping':
      return 'Free shipping';
  }
}

/** "15", "12.5": basis points as a person types a percent. */
export function basisPointsToInput(bp: number): string {
  return formatBasisPoints(bp).replace(' %', '');
}

/** "15" or "12.5" (a % sign allowed) → basis points; NaN when it is not a percent (the schema says why). */
export function percentInputToBasisPoints(text: string): number {
  return parsePercent(text) ?? Number.NaN;
}

/** What the form edits of a discount: its fields, without identity, status or usage. */
export function discountToInput(d: Discount): DiscountInput {
  return {
    kind: d.kind,
    code: d.code,
    title: d.title,
    type: d.type,
    value: d.value,
    scope: d.scope,
    targetIds: d.targetIds,
    minimumSubtotal: d.minimumSubtotal,
    minimumQuantity: d.minimumQuantity,
    usageLimit: d.usageLimit,
    oncePerCustomer: d.oncePerCustomer,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    combines: d.combines,
    enabled: d.enabled,
  };
}

/** A new code, on from this minute of the store's clock, until disabled. */
export function emptyDiscountInput(nowMs: number): DiscountInput {
  return {
    kind: 'code',
    code: null,
    title: '',
    type: 'percent',
    value: Number.NaN,
    scope: 'order',
    targetIds: [],
    minimumSubtotal: null,
    minimumQuantity: null,
    usageLimit: null,
    oncePerCustomer: false,
    startsAt: new Date(Math.floor(nowMs / 60_000) * 60_000).toISOString(),
    endsAt: null,
    combines: false,
    enabled: true,
  };
}

/** An instant as the store's day and time ("2026-12-05", "09:30") for the date and time fields. */
export function isoToStoreParts(iso: string): { date: string; time: string } {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { date: '', time: '' };
  const wall = new Date(storeWallClockMs(ms)).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/** The fields back to an instant; '' while either is missing (the form says which field to fix). */
export function storePartsToIso(date: string, time: string): string {
  return storeTimeToIso(date, time || '00:00') ?? '';
}
