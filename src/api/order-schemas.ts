/**
 * The orders part of the contract. Money is integer cents; every order's
 * totals add up exactly: total = subtotal − discount + shipping + tax.
 */
import { z } from 'zod';
import { CARRIERS, FULFILMENT_STATUSES, ORDER_STATUSES, PAYMENT_STATUSES } from './constants';
import { centsSchema, isoDateTimeSchema } from './schemas';

export const orderStatusSchema = z.enum(ORDER_STATUSES).meta({ id: 'OrderStatus' });
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES).meta({ id: 'PaymentStatus' });
export const fulfilmentStatusSchema = z.enum(FULFILMENT_STATUSES).meta({ id: 'FulfilmentStatus' });
export const carrierSchema = z.enum(CARRIERS).meta({ id: 'Carrier' });

const personSchema = z.object({ id: z.string(), name: z.string() });

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
  })
  .meta({ id: 'Refund' });

export const orderNoteSchema = z
  .object({ id: z.string(), at: isoDateTimeSchema, author: personSchema, text: z.string() })
  .meta({ id: 'OrderNote' });

export const ORDER_EVENT_TYPES = ['placed', 'fulfilled', 'cancelled', 'refunded', 'note_added', 'closed'] as const;
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

const customerSchema = z.object({ name: z.string(), email: z.email(), phone: z.string() });

export const orderSchema = z
  .object({
    id: z.string(),
    /** #1001, #1002 … in the order they were placed. */
    number: z.number().int().min(1001),
    placedAt: isoDateTimeSchema,
    customer: customerSchema,
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
    notes: z.array(orderNoteSchema),
    timeline: z.array(orderEventSchema),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof orderSchema>;
