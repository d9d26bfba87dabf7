/**
 * Customers (issue 20): the people who place orders, one record each, with
 * what their orders add up to. A customer's contact and addresses come from
 * their orders (the storefront owns them); support adds internal notes. Money
 * is integer cents; `spent` is what their orders were charged less what was
 * refunded, so it matches the orders' `net` summed.
 */
import { z } from 'zod';
import { CUSTOMER_SORTS } from './constants';
import { addressSchema, orderEventSchema, orderNoteSchema, storeDateSchema } from './order-schemas';
import { centsSchema, isoDateTimeSchema, listResponseSchema, queryNumber } from './schemas';

const customerFields = {
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  /** The state of the address they last ordered to. */
  state: z.string(),
  /** Their purchases: orders placed, an exchange's replacement not counted. */
  orders: z.number().int().min(0),
  /** Σ of their orders' totals less Σ refunded (their orders' `net` summed): lifetime spend. */
  spent: z.number().int(),
  /** Money paid back to them; an exchange's credit, which paid for its replacement, is not. */
  refunded: z.number().int().min(0),
  /** spent ÷ orders, to the nearest cent (half up); 0 without orders. */
  averageOrder: z.number().int(),
  firstOrderAt: isoDateTimeSchema.nullable(),
  lastOrderAt: isoDateTimeSchema.nullable(),
};

/** A row of the customer list. */
export const customerSummarySchema = z.object(customerFields).meta({ id: 'CustomerSummary' });
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

/** One event of a customer's history: something that happened to one of their orders, or a note on them. */
export const customerEventSchema = orderEventSchema
  .extend({
    /** The order it happened to; null for a note on the customer. */
    order: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  })
  .meta({ id: 'CustomerEvent' });
export type CustomerEvent = z.infer<typeof customerEventSchema>;

export const customerSchema = z
  .object({
    ...customerFields,
    /** Every address they ordered to, the latest first, each once. */
    addresses: z.array(addressSchema),
    notes: z.array(orderNoteSchema),
    /** Newest first: their orders' events and the notes on them, at most CUSTOMER_TIMELINE_MAX. */
    timeline: z.array(customerEventSchema),
    /** Goes up with every note (the orders have their own versions). */
    version: z.number().int().min(1),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customerSchema>;
export const CUSTOMER_TIMELINE_MAX = 100;

export const customerListSchema = listResponseSchema(customerSummarySchema).meta({ id: 'CustomerList' });
export type CustomerList = z.infer<typeof customerListSchema>;

export const customerListQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  sort: z.enum(CUSTOMER_SORTS).default('-lastOrderAt'),
  /** Part of the name or email, or of the phone number's digits (at least 3). */
  q: z.string().trim().min(1).max(200).optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter state code')
    .optional(),
  ordersMin: queryNumber(z.number().int().min(0)).optional(),
  ordersMax: queryNumber(z.number().int().min(0)).optional(),
  spentMin: queryNumber(centsSchema).optional(),
  spentMax: queryNumber(centsSchema).optional(),
  /** First and last day of their last order, inclusive, in the store's time zone. */
  lastFrom: storeDateSchema.optional(),
  lastTo: storeDateSchema.optional(),
});
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;
