/**
 * Every route of the API, once: method, path, the permission it needs, its
 * query, body and answer schemas, whether it needs an Idempotency-Key or an
 * If-Match, and what the audit log calls it. The mock registers its handlers
 * from this table, the server guards its controllers with it (@Route), the
 * OpenAPI paths are generated from it, and a contract test asks both backends
 * for every route in it.
 */
import type { z } from 'zod';
import type { AuditEntityType } from './constants';
import type { Action } from './permissions';
import {
  pageQuerySchema,
  priceBatchInputSchema,
  priceBatchItemListSchema,
  priceBatchListQuerySchema,
  priceBatchListSchema,
  priceBatchSchema,
  priceHistoryListSchema,
  priceHistoryQuerySchema,
  pricePreviewInputSchema,
  pricePreviewSchema,
  productImportInputSchema,
  productImportResultSchema,
} from './pricing-schemas';
import { customerListQuerySchema, customerListSchema, customerSchema } from './customer-schemas';
import {
  cancelInputSchema,
  exchangeInputSchema,
  fulfilInputSchema,
  noteInputSchema,
  orderListQuerySchema,
  orderListSchema,
  orderSchema,
  refundInputSchema,
  returnCloseInputSchema,
  returnInputSchema,
  returnListQuerySchema,
  returnListSchema,
  returnReceiptInputSchema,
  returnRefundInputSchema,
} from './order-schemas';
import {
  breakdownQuerySchema,
  breakdownSchema,
  profitQuerySchema,
  profitReportSchema,
  refundRecordListSchema,
  refundRecordQuerySchema,
  saleLineListSchema,
  saleLineQuerySchema,
  salesReportQuerySchema,
  salesReportSchema,
  salesSummaryQuerySchema,
  salesSummarySchema,
  sellThroughQuerySchema,
  sellThroughReportSchema,
  storeClockSchema,
} from './report-schemas';
import {
  auditListQuerySchema,
  auditListSchema,
  bulkStatusInputSchema,
  bulkStatusResultSchema,
  categoryListSchema,
  productInputSchema,
  productListQuerySchema,
  productListResponseSchema,
  productSchema,
  sessionSchema,
  signInInputSchema,
  staffCreateInputSchema,
  staffListSchema,
  staffSchema,
  staffUpdateInputSchema,
  tagListSchema,
} from './schemas';
import {
  adjustmentInputSchema,
  inventoryLevelSchema,
  inventoryListQuerySchema,
  inventoryListSchema,
  ledgerQuerySchema,
  locationListSchema,
  receiptInputSchema,
  receiptResultSchema,
  stockChangeResultSchema,
  stockMovementListSchema,
  thresholdInputSchema,
  transferInputSchema,
} from './stock-schemas';
import {
  discountInputSchema,
  discountListQuerySchema,
  discountListSchema,
  discountPerformanceQuerySchema,
  discountPerformanceSchema,
  discountPreviewInputSchema,
  discountPreviewSchema,
  discountSchema,
  discountUpdateInputSchema,
  discountUseInputSchema,
} from './discount-schemas';
import {
  savedViewCreateInputSchema,
  savedViewListQuerySchema,
  savedViewListSchema,
  savedViewSchema,
  savedViewUpdateInputSchema,
} from './view-schemas';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteSpec = {
  method: Method;
  /** Under the API's origin, with `:name` parameters (the syntax both MSW and Express read). */
  path: string;
  /** What the caller's role must allow; `null` for the session routes, which answer anyone. */
  permission: Action | null;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success answer's body; absent for 204. */
  answer?: z.ZodType;
  /** The success status: 200 unless said. */
  status?: 200 | 201 | 204;
  /**
   * `required`: without an Idempotency-Key the answer is 400 naming `what`; `optional`: a key, when sent, is
   * honoured (a retried create makes one product). Absent: the route does not read one.
   */
  idempotency?: { key: 'required' | 'optional'; what?: string };
  /** The route reads the version edited from If-Match: 400 when unreadable, 428 when missing. */
  ifMatch?: true;
  /** The answer carries the resource's version as ETag. */
  etag?: true;
  /** The 422's `detail` when the body's fields are wrong, where a route says more than the general words. */
  invalidDetail?: string;
  /** What the audit log records for a change: the entity type and the action it names. */
  audit?: { entity: AuditEntityType; action: string };
  /** One line for the OpenAPI document and the route list. */
  summary: string;
};

/** Writes that change prices name themselves alike when they lack a key. */
const PRICE_WRITES = 'Price changes and imports';

export const ROUTES = {
  'session.signIn': {
    method: 'POST',
    path: '/api/session',
    permission: null,
    body: signInInputSchema,
    invalidDetail: 'Enter an email and a password.',
    answer: sessionSchema,
    summary: 'Sign in: sets the session cookie',
  },
  'session.get': { method: 'GET', path: '/api/session', permission: null, answer: sessionSchema, summary: 'Who is signed in' },
  'session.signOut': { method: 'DELETE', path: '/api/session', permission: null, status: 204, summary: 'Sign out' },

  'staff.list': {
    method: 'GET',
    path: '/api/staff',
    permission: 'audit.view',
    answer: staffListSchema,
    summary: 'Staff (managers read the names to filter the audit log)',
  },
  'staff.create': {
    method: 'POST',
    path: '/api/staff',
    permission: 'staff.manage',
    body: staffCreateInputSchema,
    answer: staffSchema,
    status: 201,
    etag: true,
    audit: { entity: 'staff', action: 'created' },
    summary: 'Add a person',
  },
  'staff.update': {
    method: 'PATCH',
    path: '/api/staff/:id',
    permission: 'staff.manage',
    body: staffUpdateInputSchema,
    answer: staffSchema,
    ifMatch: true,
    etag: true,
    audit: { entity: 'staff', action: 'updated' },
    summary: 'Change a person’s name, role or whether they may sign in',
  },

  'audit.list': {
    method: 'GET',
    path: '/api/audit',
    permission: 'audit.view',
    query: auditListQuerySchema,
    answer: auditListSchema,
    summary: 'The audit log',
  },

  'products.list': {
    method: 'GET',
    path: '/api/products',
    permission: 'products.view',
    query: productListQuerySchema,
    answer: productListResponseSchema,
    summary: 'Products, filtered, sorted and paged',
  },
  'products.get': {
    method: 'GET',
    path: '/api/products/:id',
    permission: 'products.view',
    answer: productSchema,
    etag: true,
    summary: 'One product',
  },
  'products.create': {
    method: 'POST',
    path: '/api/products',
    permission: 'products.edit',
    body: productInputSchema,
    answer: productSchema,
    status: 201,
    idempotency: { key: 'optional' },
    etag: true,
    audit: { entity: 'product', action: 'created' },
    summary: 'Create a product',
  },
  'products.update': {
    method: 'PUT',
    path: '/api/products/:id',
    permission: 'products.edit',
    body: productInputSchema,
    answer: productSchema,
    ifMatch: true,
    etag: true,
    audit: { entity: 'product', action: 'updated' },
    summary: 'Replace a product’s editable fields',
  },
  'products.bulkStatus': {
    method: 'POST',
    path: '/api/products/bulk-status',
    permission: 'products.edit',
    body: bulkStatusInputSchema,
    answer: bulkStatusResultSchema,
    idempotency: { key: 'required', what: 'Bulk changes' },
    audit: { entity: 'product', action: 'status changed' },
    summary: 'Set the status of many products',
  },
  'products.import': {
    method: 'POST',
    path: '/api/products/import',
    permission: 'products.edit',
    body: productImportInputSchema,
    answer: productImportResultSchema,
    // Required to apply; a dry run changes nothing and needs none.
    idempotency: { key: 'optional', what: PRICE_WRITES },
    audit: { entity: 'product', action: 'imported' },
    summary: 'Check (dry run) or apply a product CSV',
  },
  'categories.list': {
    method: 'GET',
    path: '/api/categories',
    permission: 'products.view',
    answer: categoryListSchema,
    summary: 'Categories',
  },
  'tags.list': { method: 'GET', path: '/api/tags', permission: 'products.view', answer: tagListSchema, summary: 'Tags in use' },
  'locations.list': {
    method: 'GET',
    path: '/api/locations',
    permission: 'stock.view',
    answer: locationListSchema,
    summary: 'Stock locations',
  },

  'inventory.list': {
    method: 'GET',
    path: '/api/inventory',
    permission: 'stock.view',
    query: inventoryListQuerySchema,
    answer: inventoryListSchema,
    summary: 'Stock levels per variant and location',
  },
  'inventory.ledger': {
    method: 'GET',
    path: '/api/inventory/ledger',
    permission: 'stock.view',
    query: ledgerQuerySchema,
    answer: stockMovementListSchema,
    summary: 'Stock movements, with the balance after each',
  },
  'inventory.adjust': {
    method: 'POST',
    path: '/api/inventory/adjustments',
    permission: 'stock.edit',
    body: adjustmentInputSchema,
    answer: stockChangeResultSchema,
    idempotency: { key: 'required', what: 'Stock adjustments' },
    audit: { entity: 'stock', action: 'stock adjusted' },
    summary: 'Adjust stock at one location',
  },
  'inventory.transfer': {
    method: 'POST',
    path: '/api/inventory/transfers',
    permission: 'stock.edit',
    body: transferInputSchema,
    answer: stockChangeResultSchema,
    idempotency: { key: 'required', what: 'Transfers' },
    audit: { entity: 'stock', action: 'stock transferred' },
    summary: 'Move stock between locations',
  },
  'inventory.receive': {
    method: 'POST',
    path: '/api/inventory/receipts',
    permission: 'stock.edit',
    body: receiptInputSchema,
    answer: receiptResultSchema,
    idempotency: { key: 'optional' },
    audit: { entity: 'stock', action: 'delivery received' },
    summary: 'Receive a delivery (all rows or none)',
  },
  'inventory.threshold': {
    method: 'PUT',
    path: '/api/inventory/levels/:variantId/:locationId/threshold',
    permission: 'stock.edit',
    body: thresholdInputSchema,
    answer: inventoryLevelSchema,
    ifMatch: true,
    etag: true,
    audit: { entity: 'stock', action: 'threshold changed' },
    summary: 'Set a level’s low-stock threshold',
  },

  'orders.list': {
    method: 'GET',
    path: '/api/orders',
    permission: 'orders.view',
    query: orderListQuerySchema,
    answer: orderListSchema,
    summary: 'Orders',
  },
  'orders.get': {
    method: 'GET',
    path: '/api/orders/:id',
    permission: 'orders.view',
    answer: orderSchema,
    etag: true,
    summary: 'One order',
  },
  // The order writes need only to read orders here: the decision checks orders.fulfil or orders.refund itself,
  // because what a fulfilment or cancellation may do depends on the order.
  'orders.fulfil': {
    method: 'POST',
    path: '/api/orders/:id/fulfilments',
    permission: 'orders.view',
    body: fulfilInputSchema,
    answer: orderSchema,
    idempotency: { key: 'required', what: 'Fulfilments' },
    etag: true,
    audit: { entity: 'order', action: 'order fulfilled' },
    summary: 'Ship some or all of an order',
  },
  'orders.cancel': {
    method: 'POST',
    path: '/api/orders/:id/cancel',
    permission: 'orders.view',
    body: cancelInputSchema,
    answer: orderSchema,
    idempotency: { key: 'required', what: 'Cancellations' },
    etag: true,
    audit: { entity: 'order', action: 'order cancelled' },
    summary: 'Cancel what has not shipped',
  },
  'orders.refund': {
    method: 'POST',
    path: '/api/orders/:id/refunds',
    permission: 'orders.view',
    body: refundInputSchema,
    answer: orderSchema,
    idempotency: { key: 'required', what: 'Refunds' },
    etag: true,
    audit: { entity: 'order', action: 'order refunded' },
    summary: 'Refund lines, shipping or an amount',
  },
  'orders.note': {
    method: 'POST',
    path: '/api/orders/:id/notes',
    permission: 'orders.view',
    body: noteInputSchema,
    answer: orderSchema,
    idempotency: { key: 'optional' },
    etag: true,
    audit: { entity: 'order', action: 'note added' },
    summary: 'Add an internal note',
  },

  'orders.openReturn': {
    method: 'POST',
    path: '/api/orders/:id/returns',
    permission: 'orders.view',
    body: returnInputSchema,
    answer: orderSchema,
    idempotency: { key: 'required', what: 'Returns' },
    etag: true,
    audit: { entity: 'order', action: 'return opened' },
    summary: 'Open a return on shipped units',
  },
  'orders.receiveReturn': {
    method: 'POST',
    path: '/api/orders/:id/returns/:returnId/receipt',
    permission: 'orders.view',
    body: returnReceiptInputSchema,
    answer: orderSchema,
    idempotency: { key: 'required', what: 'Returns' },
    etag: true,
    audit: { entity: 'order', action: 'return received' },
    summary: 'Receive a return: each unit restocked or written off',
  },
  'orders.refundReturn': {
    method: 'POST',
    path: '/api/orders/:id/returns/:returnId/refund',
    permission: 'orders.view',
    body: returnRefundInputSchema,
    answer: orderSchema,
    idempotency: { key: 'required', what: 'Refunds' },
    etag: true,
    audit: { entity: 'order', action: 'return refunded' },
    summary: 'Refund a received return',
  },
  'orders.exchangeReturn': {
    method: 'POST',
    path: '/api/orders/:id/returns/:returnId/exchange',
    permission: 'orders.view',
    body: exchangeInputSchema,
    answer: orderSchema,
    idempotency: { key: 'required', what: 'Exchanges' },
    etag: true,
    audit: { entity: 'order', action: 'return exchanged' },
    summary: 'Exchange a received return for another variant of the same product',
  },
  'orders.closeReturn': {
    method: 'POST',
    path: '/api/orders/:id/returns/:returnId/close',
    permission: 'orders.view',
    body: returnCloseInputSchema,
    answer: orderSchema,
    idempotency: { key: 'required', what: 'Returns' },
    etag: true,
    audit: { entity: 'order', action: 'return closed' },
    summary: 'Close a return with no money moving',
  },
  'returns.list': {
    method: 'GET',
    path: '/api/returns',
    permission: 'orders.view',
    query: returnListQuerySchema,
    answer: returnListSchema,
    summary: 'Returns over every order',
  },

  'customers.list': {
    method: 'GET',
    path: '/api/customers',
    permission: 'orders.view',
    query: customerListQuerySchema,
    answer: customerListSchema,
    summary: 'Customers',
  },
  'customers.get': {
    method: 'GET',
    path: '/api/customers/:id',
    permission: 'orders.view',
    answer: customerSchema,
    etag: true,
    summary: 'One customer: contact, addresses, what their orders add up to, notes and history',
  },
  'customers.note': {
    method: 'POST',
    path: '/api/customers/:id/notes',
    permission: 'orders.fulfil',
    body: noteInputSchema,
    answer: customerSchema,
    idempotency: { key: 'optional' },
    etag: true,
    audit: { entity: 'customer', action: 'note added' },
    summary: 'Add an internal note on a customer',
  },

  'reports.clock': {
    method: 'GET',
    path: '/api/reports/clock',
    permission: 'reports.view',
    answer: storeClockSchema,
    summary: 'The store’s today and zone',
  },
  'reports.sales': {
    method: 'GET',
    path: '/api/reports/sales',
    permission: 'reports.view',
    query: salesReportQuerySchema,
    answer: salesReportSchema,
    summary: 'Sales over a range, bucketed, with a comparison',
  },
  'reports.breakdown': {
    method: 'GET',
    path: '/api/reports/breakdown',
    permission: 'reports.view',
    query: breakdownQuerySchema,
    answer: breakdownSchema,
    summary: 'Sales by product, category or state',
  },
  'reports.summary': {
    method: 'GET',
    path: '/api/reports/summary',
    permission: 'reports.view',
    query: salesSummaryQuerySchema,
    answer: salesSummarySchema,
    summary: 'Gross sales to total sales, as accountants read them',
  },
  'reports.refunds': {
    method: 'GET',
    path: '/api/reports/refunds',
    permission: 'reports.view',
    query: refundRecordQuerySchema,
    answer: refundRecordListSchema,
    summary: 'The refunds made in a range, with their totals',
  },
  'reports.lines': {
    method: 'GET',
    path: '/api/reports/lines',
    permission: 'reports.view',
    query: saleLineQuerySchema,
    answer: saleLineListSchema,
    summary: 'The order lines placed in a range, with their totals',
  },
  'reports.profit': {
    method: 'GET',
    path: '/api/reports/profit',
    permission: 'reports.view',
    query: profitQuerySchema,
    answer: profitReportSchema,
    summary: 'Cost of goods sold, gross profit and margin',
  },
  'reports.sellThrough': {
    method: 'GET',
    path: '/api/reports/sell-through',
    permission: 'reports.view',
    query: sellThroughQuerySchema,
    answer: sellThroughReportSchema,
    summary: 'Sell-through per product and warehouse',
  },

  'discounts.list': {
    method: 'GET',
    path: '/api/discounts',
    permission: 'discounts.view',
    query: discountListQuerySchema,
    answer: discountListSchema,
    summary: 'Discounts with their status and usage',
  },
  'discounts.create': {
    method: 'POST',
    path: '/api/discounts',
    permission: 'discounts.edit',
    body: discountInputSchema,
    answer: discountSchema,
    status: 201,
    idempotency: { key: 'required', what: 'Discounts' },
    etag: true,
    audit: { entity: 'discount', action: 'discount created' },
    summary: 'Create a code or an automatic offer',
  },
  'discounts.preview': {
    method: 'POST',
    path: '/api/discounts/preview',
    permission: 'discounts.view',
    body: discountPreviewInputSchema,
    answer: discountPreviewSchema,
    summary: 'Price a sample basket with a discount',
  },
  'discounts.get': {
    method: 'GET',
    path: '/api/discounts/:id',
    permission: 'discounts.view',
    answer: discountSchema,
    etag: true,
    summary: 'One discount',
  },
  'discounts.update': {
    method: 'PUT',
    path: '/api/discounts/:id',
    permission: 'discounts.edit',
    body: discountUpdateInputSchema,
    answer: discountSchema,
    ifMatch: true,
    etag: true,
    audit: { entity: 'discount', action: 'discount changed' },
    summary: 'Change, schedule, enable or disable a discount',
  },
  'discounts.performance': {
    method: 'GET',
    path: '/api/discounts/:id/performance',
    permission: 'discounts.view',
    query: discountPerformanceQuerySchema,
    answer: discountPerformanceSchema,
    summary: 'Orders, revenue and discount given by day',
  },
  'discounts.use': {
    method: 'POST',
    path: '/api/discounts/:id/uses',
    permission: 'orders.fulfil',
    body: discountUseInputSchema,
    answer: discountSchema,
    status: 201,
    idempotency: { key: 'required', what: 'Uses of a discount' },
    summary: 'Claim one use of a discount at checkout',
  },

  'pricing.preview': {
    method: 'POST',
    path: '/api/pricing/preview',
    permission: 'products.edit',
    body: pricePreviewInputSchema,
    answer: pricePreviewSchema,
    summary: 'A page of a price change’s plan, with its totals',
  },
  'pricing.createBatch': {
    method: 'POST',
    path: '/api/pricing/batches',
    permission: 'products.edit',
    body: priceBatchInputSchema,
    answer: priceBatchSchema,
    status: 201,
    idempotency: { key: 'required', what: PRICE_WRITES },
    audit: { entity: 'price', action: 'bulk price change' },
    summary: 'Apply or schedule a price change',
  },
  'pricing.listBatches': {
    method: 'GET',
    path: '/api/pricing/batches',
    permission: 'products.view',
    query: priceBatchListQuerySchema,
    answer: priceBatchListSchema,
    summary: 'Price batches',
  },
  'pricing.getBatch': {
    method: 'GET',
    path: '/api/pricing/batches/:id',
    permission: 'products.view',
    answer: priceBatchSchema,
    summary: 'One price batch',
  },
  'pricing.batchItems': {
    method: 'GET',
    path: '/api/pricing/batches/:id/items',
    permission: 'products.view',
    query: pageQuerySchema,
    answer: priceBatchItemListSchema,
    summary: 'The variants a batch changed',
  },
  'pricing.revert': {
    method: 'POST',
    path: '/api/pricing/batches/:id/revert',
    permission: 'products.edit',
    answer: priceBatchSchema,
    idempotency: { key: 'required', what: PRICE_WRITES },
    audit: { entity: 'price', action: 'price batch reverted' },
    summary: 'Put back the prices a batch changed',
  },
  'pricing.history': {
    method: 'GET',
    path: '/api/pricing/history',
    permission: 'products.view',
    query: priceHistoryQuerySchema,
    answer: priceHistoryListSchema,
    summary: 'Price history',
  },

  // Everyone may view products, so the routes ask for that; reading, saving or changing a list's views also needs
  // that list's own view permission (stock, orders, the audit log), which the decision checks (src/domain/view-rules.ts).
  'views.list': {
    method: 'GET',
    path: '/api/views',
    permission: 'products.view',
    query: savedViewListQuerySchema,
    answer: savedViewListSchema,
    summary: 'A list’s saved views: the caller’s own and those shared with the team',
  },
  'views.create': {
    method: 'POST',
    path: '/api/views',
    permission: 'products.view',
    body: savedViewCreateInputSchema,
    answer: savedViewSchema,
    status: 201,
    etag: true,
    audit: { entity: 'view', action: 'created' },
    summary: 'Save a list’s view under a name',
  },
  'views.update': {
    method: 'PATCH',
    path: '/api/views/:id',
    permission: 'products.view',
    body: savedViewUpdateInputSchema,
    answer: savedViewSchema,
    ifMatch: true,
    etag: true,
    audit: { entity: 'view', action: 'updated' },
    summary: 'Rename a saved view, change its filters, share or unshare it (its owner)',
  },
  'views.delete': {
    method: 'DELETE',
    path: '/api/views/:id',
    permission: 'products.view',
    status: 204,
    ifMatch: true,
    audit: { entity: 'view', action: 'deleted' },
    summary: 'Delete a saved view (its owner)',
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof ROUTES;

export const ROUTE_IDS = Object.keys(ROUTES) as RouteId[];

/** A route's path with its parameters filled in (each value URI-encoded). */
export function routePath(id: RouteId, params: Record<string, string> = {}): string {
  return ROUTES[id].path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${id}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}
