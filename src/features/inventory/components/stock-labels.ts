import type { AdjustmentReason, StockReason, StockState } from '@/contract/constants';

export const STATE_LABELS: Record<StockState, string> = {
  in_stock: 'In stock',
  low: 'Low',
  out: 'Out of stock',
  oversold: 'Oversold',
};

export const REASON_LABELS: Record<StockReason, string> = {
  received: 'Received',
  count_correction: 'Count correction',
  damaged: 'Damaged',
  lost: 'Lost',
  transfer_in: 'Transfer in',
  transfer_out: 'Transfer out',
  sale: 'Sale',
  cancel_restock: 'Restocked (cancel)',
  refund_restock: 'Restocked (refund)',
  returned: 'Returned by customer',
  reserved: 'Reserved by order',
  released: 'Reservation released',
};

/** What the quantity field asks for, by reason: a count correction takes what is on the shelf. */
export const QUANTITY_LABELS: Record<AdjustmentReason, string> = {
  received: 'Units received',
  count_correction: 'Counted quantity',
  damaged: 'Units damaged',
  lost: 'Units lost',
};

const units = new Intl.NumberFormat('en-US');
const signed = new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' });

export function formatUnits(n: number): string {
  return units.format(n);
}

/** "+12", "−3", "0": a change, not an amount. */
export function formatChange(n: number): string {
  return signed.format(n).replace('-', '−');
}

/** A dialog's close button is an icon: named, so a screen reader says what it does. */
export const CLOSE_BUTTON = { 'aria-label': 'Close dialog' } as const;
