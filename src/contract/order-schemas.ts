/**
 * The orders part of the contract. Money is integer cents; every order's
 * totals add up exactly: total = subtotal − discount + shipping + tax.
 */
import { z } from 'zod';
import {
  CARRIERS,
  FIRST_ORDER_NUMBER,
  FULFILMENT_STATUSES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  RETURN_REASONS,
  RETURN_SORTS,
  RETURN_STATUSES,
} from './constants';
import { centsSchema, commaList, isoDateTimeSchema, listResponseSchema, queryNumber } from './schemas';

export const orderStatusSchema = z.enum(ORDER_STATUSES).meta({ id: 'OrderStatus' });
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES).meta({ id: 'PaymentStatus' });
export const fulfilmentStatusSchema = z.enum(FULFILMENT_STATUSES).meta({ id: 'FulfilmentStatus' });
export const carrierSchema = z.enum(CARRIERS).meta({ id: 'Carrier' });
export const returnStatusSchema = z.enum(RETURN_STATUSES).meta({ id: 'ReturnStatus' });
export const returnReasonSchema = z.enum(RETURN_REASONS).meta({ id: 'ReturnReason' });

export const personSchema = z.object({ id: z.string(), name: z.string() });

export const addressSchema = z
  .object({
    name: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    /** Two-letter USPS code. */
    state: z.string().regex(/^[A-Z]{2}$/),
    /** 5 digits or ZIP+4 ("12345-6789"). */
    zip: z.string().regex(/^\d{5}(-\d{4})?$/),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof addressSchema>;

export const orderLineSchema = z
  .object({
    id: z.string(),
    variantId: z.string(),
    productId: z.string(),
    sku: z.string(),
    title: z.string(),
    variantTitle: z.string(),
    quantity: z.number().int().min(1),
    unitPrice: centsSchema,
    /** This line's share of the order discount (cents), so line refunds are exact. */
    discount: centsSchema,
    /** This line's share of the sales tax (cents). */
    tax: centsSchema,
    /** The variant's cost when the order was placed (null when it had none), so a later cost change does not rewrite profit. */
    unitCost: centsSchema.nullable(),
    fulfilledQuantity: z.number().int().min(0),
    /** Units no longer to ship (the order or part of it was cancelled). */
    cancelledQuantity: z.number().int().min(0),
    refundedQuantity: z.number().int().min(0),
  })
  .meta({ id: 'OrderLine' });
export type OrderLine = z.infer<typeof orderLineSchema>;

const lineQuantitySchema = z.object({ lineId: z.string(), quantity: z.number().int().min(1) });

export const fulfilmentSchema = z
  .object({
    id: z.string(),
    at: isoDateTimeSchema,
    locationId: z.string(),
    carrier: carrierSchema,
    trackingNumber: z.string(),
    lines: z.array(lineQuantitySchema),
    by: personSchema,
  })
  .meta({ id: 'Fulfilment' });

export const refundSchema = z
  .object({
    id: z.string(),
    at: isoDateTimeSchema,
    /** Everything returned to the customer by this refund, shipping included. */
    amount: centsSchema,
    shipping: centsSchema,
    lines: z.array(lineQuantitySchema),
    restock: z.boolean(),
    locationId: z.string().nullable(),
    reason: z.string(),
    by: personSchema,
    /** The return this refund settles; null for a refund made on its own. */
    returnId: z.string().nullable(),
    /**
     * The part of `amount` not paid back to the customer (0 for a plain refund): the credit that paid for an
     * exchange's replacement, or, on a replacement cancelled with a balance due, what was owed and is waived.
     */
    toExchange: centsSchema,
  })
  .meta({ id: 'Refund' });

/** Units of one line on a return; once received, each is either back on the shelf or written off. */
export const returnLineSchema = z
  .object({
    lineId: z.string(),
    quantity: z.number().int().min(1),
    restocked: z.number().int().min(0),
    writtenOff: z.number().int().min(0),
  })
  .meta({ id: 'ReturnLine' });

const orderRefSchema = z.object({ id: z.string(), number: z.number().int() });

export const returnSchema = z
  .object({
    id: z.string(),
    status: returnStatusSchema,
    reason: returnReasonSchema,
    note: z.string(),
    lines: z.array(returnLineSchema).min(1),
    requestedAt: isoDateTimeSchema,
    requestedBy: personSchema,
    /** Where the units came back (null until received). */
    locationId: z.string().nullable(),
    receivedAt: isoDateTimeSchema.nullable(),
    receivedBy: personSchema.nullable(),
    /** When and by whom it was refunded, exchanged or closed. */
    settledAt: isoDateTimeSchema.nullable(),
    settledBy: personSchema.nullable(),
    refundId: z.string().nullable(),
    /** Why it was closed with no money moving; null unless closed. */
    closeReason: z.string().nullable(),
    /** The order that ships the replacement, for an exchange. */
    exchangeOrder: orderRefSchema.nullable(),
  })
  .meta({ id: 'Return' });
export type Return = z.infer<typeof returnSchema>;

export const orderNoteSchema = z
  .object({ id: z.string(), at: isoDateTimeSchema, author: personSchema, text: z.string() })
  .meta({ id: 'OrderNote' });

export const ORDER_EVENT_TYPES = [
  'placed',
  'fulfilled',
  'cancelled',
  'refunded',
  'note_added',
  'closed',
  'return_requested',
  'return_received',
  'return_closed',
  'exchanged',
] as const;
export const orderEventSchema = z
  .object({
    id: z.string(),
    at: isoDateTimeSchema,
    type: z.enum(ORDER_EVENT_TYPES),
    /** null for what the storefront did (the customer placing the order). */
    actor: personSchema.nullable(),
    /** One sentence a person reads in the timeline. */
    message: z.string(),
  })
  .meta({ id: 'OrderEvent' });

/** Who placed the order, as they were then; `id` is their customer record (GET /api/customers/:id). */
const orderCustomerSchema = z.object({ id: z.string(), name: z.string(), email: z.email(), phone: z.string() });

export const orderSchema = z
  .object({
    id: z.string(),
    /** #1001, #1002 … in the order they were placed. */
    number: z.number().int().min(FIRST_ORDER_NUMBER),
    placedAt: isoDateTimeSchema,
    customer: orderCustomerSchema,
    shippingAddress: addressSchema,
    /** The warehouse that holds the order's reservations and ships it by default. */
    locationId: z.string(),
    lines: z.array(orderLineSchema).min(1),
    discountCode: z.string().nullable(),
    subtotal: centsSchema,
    discount: centsSchema,
    shipping: centsSchema,
    tax: centsSchema,
    total: centsSchema,
    refunded: centsSchema,
    /** total − refunded. */
    net: centsSchema,
    status: orderStatusSchema,
    paymentStatus: paymentStatusSchema,
    fulfilmentStatus: fulfilmentStatusSchema,
    fulfilments: z.array(fulfilmentSchema),
    refunds: z.array(refundSchema),
    returns: z.array(returnSchema),
    /** For an order that ships an exchange's replacement: the order and return it came from, and the credit that paid for it. */
    exchangeFor: z.object({ orderId: z.string(), number: z.number().int(), returnId: z.string(), credit: centsSchema }).nullable(),
    /** What the customer still owes (an exchange for a dearer variant); 0 when paid. */
    balanceDue: centsSchema,
    notes: z.array(orderNoteSchema),
    timeline: z.array(orderEventSchema),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof orderSchema>;

// ---------------------------------------------------------------- the list

export const ORDER_SORT_KEYS = ['placedAt', 'total', 'customer'] as const;
export const ORDER_SORTS = ORDER_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);

/** A row of the order list: what the table shows, no more. */
export const orderSummarySchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    placedAt: isoDateTimeSchema,
    customerName: z.string(),
    customerEmail: z.string(),
    state: z.string(),
    /** Units ordered, over every line. */
    units: z.number().int(),
    total: centsSchema,
    refunded: centsSchema,
    net: centsSchema,
    status: orderStatusSchema,
    paymentStatus: paymentStatusSchema,
    fulfilmentStatus: fulfilmentStatusSchema,
    locationId: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'OrderSummary' });
export type OrderSummary = z.infer<typeof orderSummarySchema>;
/** Over every order that matches, not just the page: a report's Revenue, Orders and Units for the same days, to the cent. */
export const orderListTotalsSchema = z
  .object({
    orders: z.number().int().min(0),
    units: z.number().int().min(0),
    /** Units × price (the summary's gross sales), discounts, shipping charged and tax charged: subtotal − discount + shipping + tax = total. */
    subtotal: z.number().int().min(0),
    discount: z.number().int().min(0),
    shipping: z.number().int().min(0),
    tax: z.number().int().min(0),
    total: z.number().int().min(0),
    refunded: z.number().int().min(0),
    net: z.number().int(),
  })
  .meta({ id: 'OrderListTotals' });
export type OrderListTotals = z.infer<typeof orderListTotalsSchema>;
export const orderListSchema = listResponseSchema(orderSummarySchema).extend({ totals: orderListTotalsSchema }).meta({ id: 'OrderList' });
export type OrderList = z.infer<typeof orderListSchema>;

/** A calendar day in the store's time zone (America/New_York). */
export const storeDateSchema = z.iso.date({ error: 'Use a date like 2026-11-27' });

export const orderListQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  sort: z.enum(ORDER_SORTS).default('-placedAt'),
  /** An order number (#1042 or 1042), or part of the customer's name or email. */
  q: z.string().trim().min(1).max(200).optional(),
  status: commaList(orderStatusSchema).optional(),
  paymentStatus: commaList(paymentStatusSchema).optional(),
  fulfilmentStatus: commaList(fulfilmentStatusSchema).optional(),
  /** First and last day placed, inclusive, in the store's time zone. */
  from: storeDateSchema.optional(),
  to: storeDateSchema.optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter state code')
    .optional(),
  totalMin: queryNumber(centsSchema).optional(),
  totalMax: queryNumber(centsSchema).optional(),
  /** Orders with a line of exactly this SKU (case-insensitive). */
  sku: z.string().trim().min(1).max(40).optional(),
  /** Orders placed with this discount code (case-insensitive). */
  discountCode: z.string().trim().min(1).max(40).optional(),
  /** One customer's orders. */
  customerId: z.string().min(1).max(40).optional(),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

// ---------------------------------------------------------------- actions

/** Units per line to ship or refund; 0 leaves a line out. Each wrong one is told what is wrong: no number, a fraction, a minus sign. */
const lineQuantitiesSchema = z
  .array(
    z.object({
      lineId: z.string().min(1),
      quantity: z.number({ error: 'Enter a number of units' }).int('Enter a whole number of units').min(0, 'Enter 0 or more units'),
    }),
  )
  .max(100);

export const fulfilInputSchema = z
  .object({
    /** The order's version as the person saw it. */
    version: z.number().int().min(1),
    locationId: z.string().min(1, 'Choose the warehouse it ships from'),
    carrier: carrierSchema,
    trackingNumber: z.string().trim().min(1, 'Enter the tracking number').max(40),
    lines: lineQuantitiesSchema.refine((ls) => ls.some((l) => l.quantity > 0), 'Ship at least one unit'),
  })
  .meta({ id: 'FulfilInput' });
export type FulfilInput = z.input<typeof fulfilInputSchema>;

export const cancelInputSchema = z
  .object({
    version: z.number().int().min(1),
    reason: z.string().trim().min(1, 'Say why the order is cancelled').max(500),
    /** Refund the cancelled units (and the shipping, when nothing has shipped) in the same step. */
    refund: z.boolean(),
    /** Units per line to cancel; left out: everything not shipped yet. */
    lines: lineQuantitiesSchema.refine((ls) => ls.some((l) => l.quantity > 0), 'Cancel at least one unit').optional(),
  })
  .meta({ id: 'CancelInput' });
export type CancelInput = z.input<typeof cancelInputSchema>;

export const refundInputSchema = z
  .object({
    version: z.number().int().min(1),
    /** Units to refund per line (shipped or cancelled units not refunded yet); each is refunded at what the customer paid for it. */
    lines: lineQuantitiesSchema,
    /** Refund the order's shipping fee too (once). */
    shipping: z.boolean(),
    /** An extra amount on top (a goodwill credit, a price adjustment), in cents. */
    amount: centsSchema,
    /** Put the refunded units back on the shelf at `locationId`. */
    restock: z.boolean(),
    locationId: z.string().min(1).nullable(),
    reason: z.string().trim().min(1, 'Say why you refund').max(500),
  })
  .refine((v) => !v.restock || v.locationId !== null, { path: ['locationId'], message: 'Choose where the units go back' })
  .meta({ id: 'RefundInput' });
export type RefundInput = z.input<typeof refundInputSchema>;

export const noteInputSchema = z
  .object({ text: z.string().trim().min(1, 'Write a note').max(2000, 'Keep the note under 2,000 characters') })
  .meta({ id: 'NoteInput' });
export type NoteInput = z.input<typeof noteInputSchema>;

// ---------------------------------------------------------------- returns and exchanges

const returnLinesSchema = z
  .array(
    z.object({
      lineId: z.string().min(1),
      quantity: z.number({ error: 'Enter a number of units' }).int('Enter a whole number of units').min(0, 'Enter 0 or more units'),
    }),
  )
  .max(100)
  .refine((ls) => ls.some((l) => l.quantity > 0), 'Return at least one unit');

export const returnInputSchema = z
  .object({
    version: z.number().int().min(1),
    reason: returnReasonSchema,
    note: z.string().trim().max(2000, 'Keep the note under 2,000 characters'),
    /** Shipped units per line that the customer sends back. */
    lines: returnLinesSchema,
  })
  .meta({ id: 'ReturnInput' });
export type ReturnInput = z.input<typeof returnInputSchema>;

const unitCountSchema = z.number({ error: 'Enter a number of units' }).int('Enter a whole number of units').min(0, 'Enter 0 or more units');

export const returnReceiptInputSchema = z
  .object({
    version: z.number().int().min(1),
    locationId: z.string().min(1, 'Choose the warehouse it came back to'),
    /** For every line of the return: how many units go back on the shelf and how many are written off; together, the line's units. */
    lines: z
      .array(z.object({ lineId: z.string().min(1), restock: unitCountSchema, writeOff: unitCountSchema }))
      .min(1)
      .max(100),
  })
  .meta({ id: 'ReturnReceiptInput' });
export type ReturnReceiptInput = z.input<typeof returnReceiptInputSchema>;

export const returnRefundInputSchema = z
  .object({
    version: z.number().int().min(1),
    /** What to refund, in cents: at most what the returned units were paid (their discount and tax shares included) and what is left on the order. */
    amount: centsSchema,
  })
  .meta({ id: 'ReturnRefundInput' });
export type ReturnRefundInput = z.input<typeof returnRefundInputSchema>;

export const exchangeInputSchema = z
  .object({
    version: z.number().int().min(1),
    /** For every line of the return: the variant (of the same product) to ship instead, as many units as came back. */
    lines: z
      .array(z.object({ lineId: z.string().min(1), variantId: z.string().min(1, 'Choose the variant to send') }))
      .min(1)
      .max(100),
  })
  .meta({ id: 'ExchangeInput' });
export type ExchangeInput = z.input<typeof exchangeInputSchema>;

export const returnCloseInputSchema = z
  .object({
    version: z.number().int().min(1),
    reason: z.string().trim().min(1, 'Say why the return is closed').max(500),
  })
  .meta({ id: 'ReturnCloseInput' });
export type ReturnCloseInput = z.input<typeof returnCloseInputSchema>;

/** A row of the returns list. */
export const returnSummarySchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    orderNumber: z.number().int(),
    customerName: z.string(),
    status: returnStatusSchema,
    reason: returnReasonSchema,
    units: z.number().int(),
    requestedAt: isoDateTimeSchema,
    /** The last step's time: requested, received or settled. */
    updatedAt: isoDateTimeSchema,
    /** The refund that settled it, in cents; 0 when none. */
    refunded: centsSchema,
  })
  .meta({ id: 'ReturnSummary' });
export type ReturnSummary = z.infer<typeof returnSummarySchema>;
export const returnListSchema = listResponseSchema(returnSummarySchema).meta({ id: 'ReturnList' });
export type ReturnList = z.infer<typeof returnListSchema>;

export const returnListQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  sort: z.enum(RETURN_SORTS).default('-updatedAt'),
  status: commaList(returnStatusSchema).optional(),
  reason: commaList(returnReasonSchema).optional(),
  /** An order number, or part of the customer's name or email. */
  q: z.string().trim().min(1).max(200).optional(),
});
export type ReturnListQuery = z.infer<typeof returnListQuerySchema>;
