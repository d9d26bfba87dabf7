/**
 * Replenishment, over the wire: suppliers and who supplies each variant, a
 * level's reorder point and quantity, the reorder view, purchase orders and
 * their receipts, transfers in transit, and the alerts that tell someone.
 * The arithmetic (suggested points, order quantities, reorder-by dates, what
 * is on order) is src/domain/reorder-rules.ts; the writes'
 * rules are src/domain/purchase-decisions.ts.
 */
import { z } from 'zod';
import { ALERT_KINDS, MAX_LEAD_TIME_DAYS, MAX_SAFETY_DAYS, MAX_STOCK_UNITS, PURCHASE_ORDER_STATUSES, REORDER_SORTS } from './constants';
import { centsSchema, commaList, isoDateTimeSchema, listResponseSchema, queryNumber } from './schemas';
import { storeDateSchema } from './order-schemas';
import { inventoryLevelSchema, movementActorSchema } from './stock-schemas';

const units = z.number({ error: 'Enter a number of units' }).int('Enter a whole number of units');
const someUnits = units.min(1, 'Enter at least 1 unit').max(MAX_STOCK_UNITS, 'That is more than this shop stocks');
const note = z.string().trim().max(500, 'Keep the note under 500 characters');
const reason = z.string().trim().min(1, 'Say why').max(500, 'Keep the reason under 500 characters');

// ------------------------------------------------------------------ suppliers

export const supplierInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter the supplier’s name').max(120, 'Keep the name under 120 characters'),
    contactName: z.string().trim().max(120, 'Keep the name under 120 characters').default(''),
    email: z.union([z.literal(''), z.email('Enter an email address like orders@example.com')]).default(''),
    phone: z.string().trim().max(40, 'Keep the phone number under 40 characters').default(''),
    /** Days from sending a purchase order to its delivery. */
    leadTimeDays: z
      .number({ error: 'Enter a number of days' })
      .int('Enter whole days')
      .min(1, 'At least 1 day')
      .max(MAX_LEAD_TIME_DAYS, `At most ${MAX_LEAD_TIME_DAYS} days`),
    /** The smallest order the supplier takes, in cents; 0 for none. */
    minimumOrder: centsSchema,
  })
  .meta({ id: 'SupplierInput' });
export type SupplierInput = z.input<typeof supplierInputSchema>;

export const supplierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    contactName: z.string(),
    email: z.string(),
    phone: z.string(),
    leadTimeDays: z.number().int(),
    minimumOrder: z.number().int(),
    /** Every price of this shop is in US dollars; a supplier's too. */
    currency: z.literal('USD'),
    /** How many variants name this supplier. */
    variantCount: z.number().int(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Supplier' });
export type Supplier = z.infer<typeof supplierSchema>;
export const supplierListSchema = z.object({ items: z.array(supplierSchema) }).meta({ id: 'SupplierList' });

/** Who supplies a variant and under which of their SKUs; the unit cost is the variant's own cost. */
export const variantSupplyInputSchema = z
  .object({
    supplierId: z.string().min(1).nullable(),
    supplierSku: z.string().trim().max(100, 'Keep the supplier SKU under 100 characters').default(''),
  })
  .meta({ id: 'VariantSupplyInput' });
export type VariantSupplyInput = z.input<typeof variantSupplyInputSchema>;
export const variantSupplySchema = z
  .object({
    variantId: z.string(),
    supplierId: z.string().nullable(),
    supplierSku: z.string(),
    /** 1 until someone sets it; a change names the version it read (If-Match), so two people cannot overwrite each other unseen. */
    version: z.number().int().min(1),
  })
  .meta({ id: 'VariantSupply' });
export type VariantSupply = z.infer<typeof variantSupplySchema>;

// ------------------------------------------------------------------ reorder points

/**
 * A level's reorder settings as set by hand: null leaves the point or the
 * quantity to the suggestion from sales (src/domain/reorder-rules.ts).
 */
export const reorderPolicyInputSchema = z
  .object({
    reorderPoint: units.min(0, 'Enter 0 or more units').max(MAX_STOCK_UNITS, 'That is more than this shop stocks').nullable(),
    reorderQuantity: someUnits.nullable(),
    safetyDays: z
      .number({ error: 'Enter a number of days' })
      .int('Enter whole days')
      .min(0, 'Enter 0 or more days')
      .max(MAX_SAFETY_DAYS, `At most ${MAX_SAFETY_DAYS} days`),
  })
  .meta({ id: 'ReorderPolicyInput' });
export type ReorderPolicyInput = z.infer<typeof reorderPolicyInputSchema>;

/** One level at or under its reorder point: a row of the reorder view. */
export const reorderRowSchema = inventoryLevelSchema
  // The level as the inventory list shows it (its version for changing its reorder settings, If-Match)…
  .pick({
    variantId: true,
    productId: true,
    locationId: true,
    sku: true,
    title: true,
    variantTitle: true,
    categoryId: true,
    onHand: true,
    available: true,
    onOrder: true,
    inTransit: true,
    sold28: true,
    daysOfCover: true,
    version: true,
  })
  // …and what the reorder view adds to it.
  .extend({
    /** available + on order + in transit: what the point is compared with. */
    position: units,
    supplierId: z.string().nullable(),
    supplierName: z.string().nullable(),
    supplierSku: z.string(),
    leadTimeDays: z.number().int(),
    /** The variant's cost, in cents; null when it has none. */
    unitCost: z.number().int().nullable(),
    /** The point and quantity in force; `…Set` says whether they were set by hand (otherwise suggested). */
    reorderPoint: units,
    reorderQuantity: units,
    reorderPointSet: z.number().int().nullable(),
    reorderQuantitySet: z.number().int().nullable(),
    safetyDays: z.number().int(),
    /** Whole multiples of the reorder quantity that lift the position above the point. */
    suggestedQuantity: units,
    /** The store day to order by: when the cover runs out, less the lead time; before today when late. */
    reorderBy: storeDateSchema,
  })
  .meta({ id: 'ReorderRow' });
export type ReorderRow = z.infer<typeof reorderRowSchema>;
export const reorderListSchema = listResponseSchema(reorderRowSchema).meta({ id: 'ReorderList' });

export const reorderQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(50),
  sort: z.enum(REORDER_SORTS).default('reorderBy'),
  /** SKU, supplier SKU or title. */
  q: z.string().trim().min(1).max(200).optional(),
  locationId: z.string().min(1).optional(),
  categoryId: z.string().min(1).optional(),
  /** A supplier's id, or `none` for variants nobody supplies yet. */
  supplierId: z.string().min(1).optional(),
  /** Only rows whose reorder-by date is on or before this store day (today: what is late or due now). */
  by: storeDateSchema.optional(),
});
export type ReorderQuery = z.infer<typeof reorderQuerySchema>;

// ------------------------------------------------------------------ purchase orders

export const purchaseOrderStatusSchema = z.enum(PURCHASE_ORDER_STATUSES).meta({ id: 'PurchaseOrderStatus' });
export type PurchaseOrderStatus = z.infer<typeof purchaseOrderStatusSchema>;

export const purchaseOrderLineSchema = z.object({
  id: z.string(),
  variantId: z.string(),
  productId: z.string(),
  sku: z.string(),
  title: z.string(),
  variantTitle: z.string(),
  supplierSku: z.string(),
  /** Units ordered. */
  quantity: units,
  /** Units received so far; more than ordered only with an over-delivery's reason. */
  received: units,
  /** Cents per unit, fixed when the line was written. */
  unitCost: z.number().int(),
  /** quantity × unitCost. */
  total: z.number().int(),
});
export type PurchaseOrderLine = z.infer<typeof purchaseOrderLineSchema>;

export const purchaseReceiptSchema = z.object({
  id: z.string(),
  at: isoDateTimeSchema,
  actor: movementActorSchema,
  note: z.string(),
  /** Given when a line came in over what was ordered. */
  overReason: z.string().nullable(),
  lines: z.array(z.object({ lineId: z.string(), variantId: z.string(), sku: z.string(), quantity: units })),
});
export type PurchaseReceipt = z.infer<typeof purchaseReceiptSchema>;

export const purchaseOrderEventSchema = z.object({
  at: isoDateTimeSchema,
  actor: movementActorSchema,
  /** created, edited, sent, received, closed, cancelled. */
  type: z.string(),
  text: z.string(),
});

export const purchaseOrderSchema = z
  .object({
    id: z.string(),
    /** Shown as PO-1001. */
    number: z.number().int(),
    status: purchaseOrderStatusSchema,
    supplierId: z.string(),
    supplierName: z.string(),
    locationId: z.string(),
    note: z.string(),
    lines: z.array(purchaseOrderLineSchema),
    /** Σ line totals, in cents. */
    total: z.number().int(),
    /** Under the supplier's minimum order (a warning: the order can still be sent). */
    belowMinimum: z.boolean(),
    createdAt: isoDateTimeSchema,
    sentAt: isoDateTimeSchema.nullable(),
    /** The store day it should arrive: the day sent plus the supplier's lead time. */
    expectedOn: storeDateSchema.nullable(),
    closedAt: isoDateTimeSchema.nullable(),
    /** Why the rest was cancelled (closing short, or cancelling the order). */
    closeReason: z.string().nullable(),
    receipts: z.array(purchaseReceiptSchema),
    events: z.array(purchaseOrderEventSchema),
    version: z.number().int().min(1),
  })
  .meta({ id: 'PurchaseOrder' });
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const purchaseOrderSummarySchema = purchaseOrderSchema
  .pick({
    id: true,
    number: true,
    status: true,
    supplierId: true,
    supplierName: true,
    locationId: true,
    total: true,
    createdAt: true,
    sentAt: true,
    expectedOn: true,
    version: true,
  })
  .extend({ units: units, received: units, overdue: z.boolean() })
  .meta({ id: 'PurchaseOrderSummary' });
export type PurchaseOrderSummary = z.infer<typeof purchaseOrderSummarySchema>;
export const purchaseOrderListSchema = listResponseSchema(purchaseOrderSummarySchema).meta({ id: 'PurchaseOrderList' });

export const purchaseOrderListQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(200)).default(25),
  status: commaList(purchaseOrderStatusSchema).optional(),
  supplierId: z.string().min(1).optional(),
  locationId: z.string().min(1).optional(),
  /** Sent or partly received, and past the expected day. */
  overdue: z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] }).optional(),
  /** Purchase orders naming this variant. */
  variantId: z.string().min(1).optional(),
});
export type PurchaseOrderListQuery = z.infer<typeof purchaseOrderListQuerySchema>;

export const purchaseLineInputSchema = z.object({
  variantId: z.string().min(1, 'Choose a variant'),
  quantity: someUnits,
  /** Cents per unit; left out, the variant's cost. */
  unitCost: centsSchema.optional(),
});
const purchaseLines = z
  .array(purchaseLineInputSchema)
  .min(1, 'Add at least one line')
  .max(500, 'Up to 500 lines per purchase order')
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      if (seen.has(line.variantId))
        ctx.addIssue({ code: 'custom', path: [i, 'variantId'], message: 'This variant is on the order already', input: line.variantId });
      seen.add(line.variantId);
    });
  });

export const purchaseOrderInputSchema = z
  .object({
    supplierId: z.string().min(1, 'Choose a supplier'),
    locationId: z.string().min(1, 'Choose where it is delivered'),
    lines: purchaseLines,
    note: note.default(''),
  })
  .meta({ id: 'PurchaseOrderInput' });
export type PurchaseOrderInput = z.input<typeof purchaseOrderInputSchema>;

/** A draft's lines and note, replaced whole (PUT with If-Match). */
export const purchaseOrderUpdateSchema = z.object({ lines: purchaseLines, note: note.default('') }).meta({ id: 'PurchaseOrderUpdate' });
export type PurchaseOrderUpdate = z.input<typeof purchaseOrderUpdateSchema>;

/** Drafts from the reorder view: one per supplier and location the items fall under. */
export const reorderDraftInputSchema = z
  .object({
    items: z
      .array(z.object({ variantId: z.string().min(1), locationId: z.string().min(1), quantity: someUnits }))
      .min(1, 'Choose at least one row')
      .max(500, 'Up to 500 rows at once'),
  })
  .meta({ id: 'ReorderDraftInput' });
export type ReorderDraftInput = z.input<typeof reorderDraftInputSchema>;
export const reorderDraftResultSchema = z.object({ purchaseOrders: z.array(purchaseOrderSchema) }).meta({ id: 'ReorderDraftResult' });

export const purchaseReceiptInputSchema = z
  .object({
    lines: z
      .array(
        z.object({
          lineId: z.string().min(1),
          quantity: units.min(0, 'Enter 0 or more units').max(MAX_STOCK_UNITS, 'That is more than this shop stocks'),
        }),
      )
      .min(1, 'Enter what arrived'),
    note: note.default(''),
    /** Required when a line would go over what was ordered. */
    overReason: z.string().trim().max(500, 'Keep the reason under 500 characters').default(''),
  })
  .superRefine((v, ctx) => {
    if (!v.lines.some((l) => l.quantity > 0))
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Enter at least 1 unit received', input: v.lines });
  })
  .meta({ id: 'PurchaseReceiptInput' });
export type PurchaseReceiptInput = z.input<typeof purchaseReceiptInputSchema>;

export const purchaseCloseInputSchema = z.object({ reason }).meta({ id: 'PurchaseCloseInput' });
export type PurchaseCloseInput = z.infer<typeof purchaseCloseInputSchema>;

// ------------------------------------------------------------------ alerts

export const alertKindSchema = z.enum(ALERT_KINDS).meta({ id: 'AlertKind' });
export const alertSchema = z
  .object({
    id: z.string(),
    kind: alertKindSchema,
    raisedAt: isoDateTimeSchema,
    /** One line: "VLT-EB1-BLK at Edison, NJ is out of stock". */
    title: z.string(),
    detail: z.string(),
    variantId: z.string().nullable(),
    locationId: z.string().nullable(),
    purchaseOrderId: z.string().nullable(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof alertSchema>;
export const alertListSchema = listResponseSchema(alertSchema).meta({ id: 'AlertList' });
export type AlertList = z.infer<typeof alertListSchema>;
export const alertQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(200)).default(20),
});
export type AlertQuery = z.infer<typeof alertQuerySchema>;
