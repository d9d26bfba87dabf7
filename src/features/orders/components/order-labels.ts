import type { Carrier, FulfilmentStatus, OrderStatus, PaymentStatus } from '@/contract/constants';
import type { ORDER_EVENT_TYPES } from '@/contract/order-schemas';

/** Colour only repeats what the text says (dot badges): never the only cue. */
export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = { open: 'blue', cancelled: 'gray', closed: 'green' };
export const PAYMENT_STATUS_COLORS: Record<PaymentStatus, string> = {
  paid: 'green',
  pending: 'red',
  partially_refunded: 'orange',
  refunded: 'gray',
};
export const FULFILMENT_STATUS_COLORS: Record<FulfilmentStatus, string> = {
  unfulfilled: 'yellow',
  partially_fulfilled: 'orange',
  fulfilled: 'green',
};

export const CARRIER_LABELS: Record<Carrier, string> = { UPS: 'UPS', USPS: 'USPS', FedEx: 'FedEx', DHL: 'DHL' };

const units = new Intl.NumberFormat('en-US');
export function formatUnits(n: number): string {
  return units.format(n);
}

/** A dialog's close button is an icon: named, so a screen reader says what it does. */
export const CLOSE_BUTTON = { 'aria-label': 'Close dialog' } as const;

/** What kind of step a timeline event is, said beside its time; the message says the rest. */
export const ORDER_EVENT_LABELS: Record<(typeof ORDER_EVENT_TYPES)[number], string> = {
  placed: 'Placed',
  fulfilled: 'Shipped',
  cancelled: 'Cancelled',
  refunded: 'Refund',
  note_added: 'Note',
  closed: 'Closed',
  return_requested: 'Return requested',
  return_received: 'Return received',
  return_closed: 'Return closed',
  exchanged: 'Exchange',
};
