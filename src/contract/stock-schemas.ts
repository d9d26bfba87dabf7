/**
 * The inventory part of the contract: levels per variant and location, the
 * ledger of movements, adjustments, transfers and receipts. Quantities are
 * whole units; levels are always the sum of their ledger.
 */
import { z } from 'zod';
import { ADJUSTMENT_REASONS, INVENTORY_SORTS, MAX_STOCK_UNITS, STOCK_REASONS, STOCK_STATES, TRANSFER_STATUSES } from './constants';
import { commaList, isoDateTimeSchema, listResponseSchema, queryNumber } from './schemas';

export const locationSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'Location' });
export type Location = z.infer<typeof locationSchema>;
export const locationListSchema = z.object({ items: z.array(locationSchema) }).meta({ id: 'LocationList' });

export const stockStateSchema = z.enum(STOCK_STATES).meta({ id: 'StockState' });
export const stockReasonSchema = z.enum(STOCK_REASONS).meta({ id: 'StockReason' });
export const adjustmentReasonSchema = z.enum(ADJUSTMENT_REASONS).meta({ id: 'AdjustmentReason' });

/**
 * A number of units, and what each wrong one is told: no number at all, a
 * fraction ("whole number"), then each quantity's own bounds below. The
 * inventory dialogs check with these same schemas, so they say what the API says.
 */
const units = z.number({ error: 'Enter a number of units' }).int('Enter a whole number of units');
export const thresholdSchema = units.min(0, 'Enter 0 or more units').max(MAX_STOCK_UNITS, 'That is more than this shop stocks');

/** Units received, damaged or lost; for a count correction, the number counted. The reason gives the direction, never a sign. */
export const adjustmentQuantitySchema = units
  .min(0, 'Enter the units without a minus sign: the reason says whether stock goes up or down')
  .max(MAX_STOCK_UNITS, 'That is more than this shop stocks');

/** Zero is a count (an empty shelf), but no delivery, damage or loss: the quantity's message, or null. */
export function adjustmentQuantityProblem({ reason, quantity }: { reason: string; quantity: number }): string | null {
  return reason === 'count_correction' || quantity > 0 ? null : 'Enter at least 1 unit';
}

export const transferQuantitySchema = units.min(1, 'Move at least 1 unit').max(MAX_STOCK_UNITS, 'That is more than this shop stocks');

/** One variant at one location: a row of the inventory list. */
export const inventoryLevelSchema = z
  .object({
    variantId: z.string(),
    productId: z.string(),
    locationId: z.string(),
    sku: z.string(),
    /** The product's title, and the variant's option values ("Black / Large"), empty for a single-variant product. */
    title: z.string(),
    variantTitle: z.string(),
    categoryId: z.string(),
    onHand: units,
    reserved: units,
    /** onHand − reserved; below zero when orders hold more than is on the shelf. */
    available: units,
    threshold: units,
    state: stockStateSchema,
    /** Units on purchase orders sent to this location and not yet received. */
    onOrder: units,
    /** Units sent here from another location and not yet received. */
    inTransit: units,
    /** The reorder settings set by hand; null: the suggestion from sales (GET /api/reorder shows the one in force). */
    reorderPoint: units.nullable(),
    reorderQuantity: units.nullable(),
    safetyDays: units,
    /** Units sold here over the last 28 days. */
    sold28: units,
    /** (available + on order + in transit) ÷ average daily units sold over 28 days; null when nothing sold. */
    daysOfCover: z.number().nullable(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'InventoryLevel' });
export type InventoryLevel = z.infer<typeof inventoryLevelSchema>;
export const inventoryListSchema = listResponseSchema(inventoryLevelSchema).meta({ id: 'InventoryList' });

const flag = z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] });

export const inventoryListQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  sort: z.enum(INVENTORY_SORTS).default('sku'),
  /** SKU or title. */
  q: z.string().trim().min(1).max(200).optional(),
  locationId: z.string().min(1).optional(),
  categoryId: z.string().min(1).optional(),
  state: commaList(stockStateSchema).optional(),
  /** Running low: available at or under the threshold, or under 14 days of cover; archived products never are. */
  low: flag.optional(),
  variantId: z.string().min(1).optional(),
});
export type InventoryListQuery = z.infer<typeof inventoryListQuerySchema>;

export const movementActorSchema = z.object({ id: z.string(), name: z.string() });

/** One append-only ledger row. */
export const stockMovementSchema = z
  .object({
    id: z.string(),
    at: isoDateTimeSchema,
    variantId: z.string(),
    sku: z.string(),
    locationId: z.string(),
    reason: stockReasonSchema,
    /** Signed change of on-hand units. */
    quantity: units,
    /** Signed change of reserved units (reservations, releases and sales move it). */
    reservedChange: units,
    /** On hand at this location right after this movement. */
    onHandAfter: units,
    note: z.string(),
    actor: movementActorSchema,
    orderId: z.string().nullable(),
    orderNumber: z.number().int().nullable(),
    /** Both halves of a transfer share it. */
    transferId: z.string().nullable(),
    /** A delivery against a purchase order names it. */
    purchaseOrderId: z.string().nullable(),
    purchaseOrderNumber: z.number().int().nullable(),
  })
  .meta({ id: 'StockMovement' });
export type StockMovement = z.infer<typeof stockMovementSchema>;
export const stockMovementListSchema = listResponseSchema(stockMovementSchema).meta({ id: 'StockMovementList' });

export const ledgerQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(500)).default(25),
  sort: z.enum(['at', '-at']).default('-at'),
  variantId: z.string().min(1),
  locationId: z.string().min(1).optional(),
});
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;

const noteSchema = z.string().trim().max(500, 'Keep the note under 500 characters');

export const adjustmentInputSchema = z
  .object({
    variantId: z.string().min(1),
    locationId: z.string().min(1, 'Choose a location'),
    /** The level's version the person saw: a stale one is refused rather than applied to other numbers. */
    version: z.number().int().min(1),
    reason: adjustmentReasonSchema,
    /** Units received, damaged or lost; for a count correction, the number counted. */
    quantity: adjustmentQuantitySchema,
    note: noteSchema.default(''),
  })
  .superRefine((v, ctx) => {
    const problem = adjustmentQuantityProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', path: ['quantity'], message: problem, input: v.quantity });
  })
  .meta({ id: 'AdjustmentInput' });
export type AdjustmentInput = z.input<typeof adjustmentInputSchema>;

export const transferInputSchema = z
  .object({
    variantId: z.string().min(1),
    fromLocationId: z.string().min(1, 'Choose where the units leave from'),
    toLocationId: z.string().min(1, 'Choose where the units go'),
    fromVersion: z.number().int().min(1),
    toVersion: z.number().int().min(1),
    quantity: transferQuantitySchema,
    note: noteSchema.default(''),
    /** true: the units leave now and arrive when received (POST /api/inventory/transfers/:id/receive), in transit between. */
    inTransit: z.boolean().default(false),
  })
  .refine((v) => v.fromLocationId !== v.toLocationId, { path: ['toLocationId'], message: 'Choose a different location' })
  .meta({ id: 'TransferInput' });
export type TransferInput = z.input<typeof transferInputSchema>;

/** A transfer sent in transit: out of one location now, into the other when received. */
export const transferStatusSchema = z.enum(TRANSFER_STATUSES).meta({ id: 'TransferStatus' });
export const transitTransferSchema = z
  .object({
    id: z.string(),
    variantId: z.string(),
    sku: z.string(),
    title: z.string(),
    fromLocationId: z.string(),
    toLocationId: z.string(),
    quantity: units,
    status: transferStatusSchema,
    note: z.string(),
    sentAt: isoDateTimeSchema,
    receivedAt: isoDateTimeSchema.nullable(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'TransitTransfer' });
export type TransitTransfer = z.infer<typeof transitTransferSchema>;
export const transitTransferListSchema = listResponseSchema(transitTransferSchema).meta({ id: 'TransitTransferList' });
export const transitTransferQuerySchema = z.object({
  offset: queryNumber(z.number().int().min(0)).default(0),
  limit: queryNumber(z.number().int().min(1).max(200)).default(25),
  status: transferStatusSchema.optional(),
  /** Transfers leaving or arriving here. */
  locationId: z.string().min(1).optional(),
  variantId: z.string().min(1).optional(),
});
export type TransitTransferQuery = z.infer<typeof transitTransferQuerySchema>;

export const stockChangeResultSchema = z
  .object({
    levels: z.array(inventoryLevelSchema),
    movements: z.array(stockMovementSchema),
    /** A transfer sent in transit. */
    transfer: transitTransferSchema.optional(),
  })
  .meta({ id: 'StockChangeResult' });
export type StockChangeResult = z.infer<typeof stockChangeResultSchema>;

export const thresholdInputSchema = z.object({ threshold: thresholdSchema }).meta({ id: 'ThresholdInput' });

/**
 * A delivery as read from a CSV: fields stay text, so the API can say which
 * row has a bad number instead of the whole request failing to parse.
 */
export const receiptRowInputSchema = z.object({ sku: z.string().max(200), location: z.string().max(200), quantity: z.string().max(50) });
export const receiptInputSchema = z
  .object({
    rows: z.array(receiptRowInputSchema).min(1, 'The file has no rows').max(5000, 'Up to 5,000 rows per file'),
    note: noteSchema.default(''),
    /** true: check every row and change nothing. */
    dryRun: z.boolean().default(false),
    /** The purchase order the delivery is against (its number, 1001 or "PO-1001"): rows are held to its lines and recorded on it. */
    purchaseOrder: z.string().trim().max(20).optional(),
  })
  .meta({ id: 'ReceiptInput' });
export type ReceiptInput = z.input<typeof receiptInputSchema>;

export const receiptRowResultSchema = z.object({
  /** The row's line in the file, counting the header as line 1. */
  line: z.number().int(),
  sku: z.string(),
  location: z.string(),
  quantity: z.string(),
  ok: z.boolean(),
  /** Per column (sku, location, quantity), what is wrong. */
  errors: z.record(z.string(), z.string()),
  variantId: z.string().nullable(),
  locationId: z.string().nullable(),
  title: z.string().nullable(),
});
export type ReceiptRowResult = z.infer<typeof receiptRowResultSchema>;

export const receiptResultSchema = z
  .object({
    applied: z.boolean(),
    rows: z.array(receiptRowResultSchema),
    okRows: z.number().int(),
    errorRows: z.number().int(),
    units: z.number().int(),
  })
  .meta({ id: 'ReceiptResult' });
export type ReceiptResult = z.infer<typeof receiptResultSchema>;
