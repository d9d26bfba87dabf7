/**
 * The screens' words for the contract's vocabularies, once: the lists, filters, badges and the audit log
 * all say "Partly refunded" for `partially_refunded`.
 */
import type { FulfilmentStatus, OrderStatus, PaymentStatus, ProductStatus, ReturnStatus } from '../contract/constants';

export const PRODUCT_STATUS_LABELS: Record<ProductStatus, string> = { active: 'Active', draft: 'Draft', archived: 'Archived' };
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = { open: 'Open', cancelled: 'Cancelled', closed: 'Closed' };
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  paid: 'Paid',
  pending: 'Payment due',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};
export const FULFILMENT_STATUS_LABELS: Record<FulfilmentStatus, string> = {
  unfulfilled: 'Unfulfilled',
  partially_fulfilled: 'Partly fulfilled',
  fulfilled: 'Fulfilled',
};
export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = {
  requested: 'Requested',
  received: 'Received',
  refunded: 'Refunded',
  exchanged: 'Exchanged',
  closed: 'Closed',
};
/** The colour a return's status dot repeats (never the only cue): still to act on, done, or ended with nothing. */
export const RETURN_STATUS_COLORS: Record<ReturnStatus, string> = {
  requested: 'yellow',
  received: 'orange',
  refunded: 'green',
  exchanged: 'teal',
  closed: 'gray',
};
