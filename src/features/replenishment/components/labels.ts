import type { PurchaseOrderStatus } from '@/contract/replenishment-schemas';

/** The screens' words for a purchase order's status: the list, its filter, the badge and the history say the same. */
export const PO_STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  partially_received: 'Partly received',
  received: 'Received',
  closed: 'Closed short',
  cancelled: 'Cancelled',
};

/** The colour that repeats the status (never the only cue): still to act on, on its way, done, or ended. */
export const PO_STATUS_COLORS: Record<PurchaseOrderStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  partially_received: 'orange',
  received: 'green',
  closed: 'teal',
  cancelled: 'red',
};

const count = new Intl.NumberFormat('en-US');

export function formatUnits(n: number): string {
  return `${count.format(n)} ${n === 1 ? 'unit' : 'units'}`;
}

export function formatCount(n: number): string {
  return count.format(n);
}
