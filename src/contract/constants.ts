/**
 * The contract's fixed vocabularies, free of zod, so the app shell can name
 * them (for instance to read a list's URL) without loading the schemas.
 * src/contract/schemas.ts builds its enums from these.
 */
/** The first order's number: orders are numbered from it in the order they are placed (#1001, #1002 …). */
export const FIRST_ORDER_NUMBER = 1001;

export const MAX_CENTS = 100_000_000; // $1,000,000: nothing this shop sells costs more

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const PRODUCT_SORT_KEYS = ['title', 'variantCount', 'price', 'stock', 'updatedAt'] as const;
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];
export const PRODUCT_SORTS = PRODUCT_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Every kind of record the audit log follows; orders and stock join when their APIs exist. */
export const AUDIT_ENTITY_TYPES = [
  'product',
  'price',
  'stock',
  'order',
  'staff',
  'view',
  'discount',
  'customer',
  'supplier',
  'purchase_order',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** The lists a saved view belongs to (GET /api/views?list=…): each keeps its whole state in its URL's query string. */
export const SAVED_VIEW_LISTS = ['products', 'inventory', 'orders', 'audit'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/** The warehouses are data (GET /api/locations); only their id's shape is fixed. */
export const STOCK_REASONS = [
  'received',
  'count_correction',
  'damaged',
  'lost',
  'transfer_in',
  'transfer_out',
  'sale',
  'cancel_restock',
  'refund_restock',
  // A unit a customer sent back, put on the shelf; one written off comes back as `returned` and leaves as `damaged`.
  'returned',
  // Reservations move `reserved`, not `onHand`: an order holds units until it ships or is cancelled.
  'reserved',
  'released',
] as const;
export type StockReason = (typeof STOCK_REASONS)[number];
/** What a person may record by hand; the rest come from transfers and orders. */
export const ADJUSTMENT_REASONS = ['received', 'count_correction', 'damaged', 'lost'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** in_stock: available above the threshold; low: 1…threshold; out: 0; oversold: below 0 (reserved beyond on hand). */
export const STOCK_STATES = ['in_stock', 'low', 'out', 'oversold'] as const;
export type StockState = (typeof STOCK_STATES)[number];

export const INVENTORY_SORT_KEYS = ['sku', 'title', 'location', 'onHand', 'reserved', 'available', 'threshold', 'daysOfCover'] as const;
export type InventorySortKey = (typeof INVENTORY_SORT_KEYS)[number];
export const INVENTORY_SORTS = INVENTORY_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
export type InventorySort = (typeof INVENTORY_SORTS)[number];

/** Days of cover are averaged over this many days of orders; under LOW_COVER_DAYS a level counts as running low. */
export const SALES_WINDOW_DAYS = 28;
export const LOW_COVER_DAYS = 14;

/**
 * Replenishment (src/domain/reorder-rules.ts): a suggested reorder point covers
 * the lead time and the safety days at the 28-day rate of sale; a suggested
 * reorder quantity, REORDER_COVER_DAYS of sales.
 */
export const DEFAULT_SAFETY_DAYS = 7;
export const REORDER_COVER_DAYS = 28;
export const MAX_SAFETY_DAYS = 180;
export const MAX_LEAD_TIME_DAYS = 365;
/** draft → sent → partially_received → received; closed: the rest cancelled after some arrived; cancelled: none did. */
export const PURCHASE_ORDER_STATUSES = ['draft', 'sent', 'partially_received', 'received', 'closed', 'cancelled'] as const;
export type PurchaseOrderStatusName = (typeof PURCHASE_ORDER_STATUSES)[number];
export const TRANSFER_STATUSES = ['in_transit', 'received'] as const;
export const REORDER_SORT_KEYS = ['reorderBy', 'sku', 'supplier', 'suggestedQuantity', 'daysOfCover'] as const;
export type ReorderSortKey = (typeof REORDER_SORT_KEYS)[number];
export const REORDER_SORTS = REORDER_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
/** reorder: a level crossed its reorder point; out / oversold: available reached 0 / went below it; po_overdue: a purchase order is past its expected day. */
export const ALERT_KINDS = ['reorder', 'out', 'oversold', 'po_overdue'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
/**
 * The most units a level (one variant at one location) may hold on hand, and
 * the most it may have reserved: every write that raises a level (receipts,
 * summed per level over the file; adjustments; a transfer's destination; a
 * refund's restock) is refused past it, so no count, receipt or transfer moves
 * more at once either. A million is far beyond any shelf of this shop, and it
 * keeps every sum the API reports (a product's stock over up to 100 variants
 * at every warehouse) well inside a 32-bit integer, which is how Vendure
 * stores a level (PostgreSQL `integer`).
 */
export const MAX_STOCK_UNITS = 1_000_000;

export const ORDER_STATUSES = ['open', 'cancelled', 'closed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** pending: an exchange for a dearer variant, with the difference still owed (`balanceDue`). */
export const PAYMENT_STATUSES = ['paid', 'pending', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const FULFILMENT_STATUSES = ['unfulfilled', 'partially_fulfilled', 'fulfilled'] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];
export const CARRIERS = ['UPS', 'USPS', 'FedEx', 'DHL'] as const;
export type Carrier = (typeof CARRIERS)[number];
/**
 * A return's life: requested (units expected back) → received (each unit restocked or written off) →
 * refunded or exchanged; closed: ended with no money moving (never arrived, or refused).
 */
export const RETURN_STATUSES = ['requested', 'received', 'refunded', 'exchanged', 'closed'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export const RETURN_REASONS = ['defective', 'wrong_item', 'not_as_described', 'changed_mind'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const RETURN_SORTS = ['requestedAt', '-requestedAt', 'updatedAt', '-updatedAt'] as const;

export const CUSTOMER_SORT_KEYS = ['name', 'orders', 'spent', 'lastOrderAt'] as const;
export const CUSTOMER_SORTS = CUSTOMER_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);

/** Reports and date filters count days in the shop's time zone, whatever the browser's. */
export const STORE_TIME_ZONE = 'America/New_York';

/** The shop's categories: a fixed list, so their ids are part of the contract (URLs, CSV files, reports). */
export const CATEGORIES = [
  { id: 'audio', name: 'Audio' },
  { id: 'wearables', name: 'Wearables' },
  { id: 'power', name: 'Power' },
  { id: 'cables-chargers', name: 'Cables & Chargers' },
  { id: 'cases-protection', name: 'Cases & Protection' },
  { id: 'smart-home', name: 'Smart Home' },
] as const;
export type CategoryId = (typeof CATEGORIES)[number]['id'];

/** A bulk price change's vocabulary (the arithmetic is src/domain/price-rules.ts). */
export const PRICE_OPS = ['keep', 'set', 'raise', 'lower'] as const;
export type PriceOp = (typeof PRICE_OPS)[number];
export const PRICE_UNITS = ['amount', 'percent'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];
export const PRICE_ENDINGS = ['none', '99', '95', 'whole'] as const;
export type PriceEnding = (typeof PRICE_ENDINGS)[number];
export const COMPARE_AT_MODES = ['keep', 'start-sale', 'end-sale'] as const;
export type CompareAtMode = (typeof COMPARE_AT_MODES)[number];
export const PRICE_FLAGS = ['not-positive', 'below-cost', 'compare-at-not-above', 'too-high'] as const;
export type PriceFlag = (typeof PRICE_FLAGS)[number];

/** Sales report buckets and comparisons. */
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const COMPARISONS = ['previous', 'last_year', 'none'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A discount is a code a customer types, or an automatic offer that applies by itself. */
export const DISCOUNT_KINDS = ['code', 'automatic'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];
/** percent: `value` in basis points (1500 = 15 %); amount: `value` in cents; free_shipping: `value` is 0. */
export const DISCOUNT_TYPES = ['percent', 'amount', 'free_shipping'] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];
/** What a discount takes money off: the whole order, or the lines of some categories, products or variants. */
export const DISCOUNT_SCOPES = ['order', 'categories', 'products', 'variants'] as const;
export type DiscountScope = (typeof DISCOUNT_SCOPES)[number];
/** Worked out from the store's clock each time it is read, so a scheduled discount turns on (and off) by itself. */
export const DISCOUNT_STATUSES = ['scheduled', 'active', 'expired', 'disabled'] as const;
export type DiscountStatus = (typeof DISCOUNT_STATUSES)[number];
export const DISCOUNT_SORT_KEYS = ['title', 'startsAt', 'uses', 'revenue', 'discountGiven'] as const;
export const DISCOUNT_SORTS = DISCOUNT_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
