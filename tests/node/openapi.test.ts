/**
 * The OpenAPI document: valid OpenAPI 3.1, identical to the committed
 * docs/openapi.json, and a true description of what the mock API answers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
// ajv and ajv-formats come with @seriousme/openapi-schema-validator; they check instances against the document's schemas.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, afterEach, assert, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetMockDb, server, signInAs } from '../../mocks/node';
import { buildOpenApiDocument, type JsonSchema, type OpenApiDocument, type Operation } from '../../src/contract/openapi';
import { priceBatchListQuerySchema, priceHistoryQuerySchema } from '../../src/contract/pricing-schemas';
import { productListQuerySchema, productSchema, type Product, type ProductInput } from '../../src/contract/schemas';

const newKey = (): string => crypto.randomUUID();

const doc = buildOpenApiDocument();
const COMMITTED = resolve(import.meta.dirname, '../../docs/openapi.json');
const PROBLEM_REF = '#/components/schemas/Problem';

function operations(d: OpenApiDocument): [string, string, Operation][] {
  return Object.entries(d.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => [path, method, op] as [string, string, Operation]),
  );
}

/** Every value under `key` anywhere in `value`, with where it was found. */
function collect(value: unknown, key: string, at = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(k === key ? [[at, v] as [string, unknown]] : []),
    ...collect(v, key, `${at}/${k}`),
  ]);
}

/** A JSON pointer into the document, as a URI fragment ajv can resolve. */
function pointer(...segments: string[]): string {
  return `openapi.json#/${segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// Unknown OpenAPI keywords (paths, info, …) are ignored with strict off; only the schemas inside are compiled.
ajv.addSchema(doc, 'openapi.json');

function check(where: string, data: unknown): { valid: boolean; errors: string[] } {
  const validate = ajv.getSchema(where);
  if (!validate) throw new Error(`No schema at ${where}`);
  const valid = validate(data) as boolean;
  return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`) };
}
const component = (id: string) => pointer('components', 'schemas', id);

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result).toEqual({ valid: true });
    expect(validator.version).toBe('3.1');
  });

  it('is the committed docs/openapi.json (run `npm run openapi` after changing the schemas)', () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    expect(committed.slice(-2)).toBe('}\n');
    // Compared as re-serialised text, so a change of key order counts as drift too, and a failure shows a line diff.
    assert.strictEqual(
      JSON.stringify(JSON.parse(committed), null, 2),
      JSON.stringify(doc, null, 2),
      'docs/openapi.json is stale: run `npm run openapi` and commit it',
    );
  });

  it('comes out the same every time', () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(doc));
  });

  it('has the endpoints of the contract', () => {
    expect(operations(doc).map(([path, method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`)).toEqual([
      'GET /products listProducts',
      'POST /products createProduct',
      'GET /products/{id} getProduct',
      'PUT /products/{id} updateProduct',
      'POST /products/bulk-status bulkUpdateProductStatus',
      'POST /products/import importProducts',
      'GET /categories listCategories',
      'GET /tags listTags',
      'GET /session getSession',
      'POST /session signIn',
      'DELETE /session signOut',
      'GET /staff listStaff',
      'POST /staff createStaff',
      'PATCH /staff/{id} updateStaff',
      'GET /audit listAuditEntries',
      'GET /locations listLocations',
      'GET /inventory listInventoryLevels',
      'GET /inventory/ledger listStockMovements',
      'POST /inventory/adjustments adjustStock',
      'GET /inventory/transfers listTransfersInTransit',
      'POST /inventory/transfers transferStock',
      'POST /inventory/receipts receiveDelivery',
      'PUT /inventory/levels/{variantId}/{locationId}/threshold setLowStockThreshold',
      'POST /inventory/transfers/{id}/receive receiveTransfer',
      'PUT /inventory/levels/{variantId}/{locationId}/reorder setReorderPolicy',
      'GET /reorder listReorder',
      'GET /suppliers listSuppliers',
      'POST /suppliers createSupplier',
      'PUT /suppliers/{id} updateSupplier',
      'GET /variants/{variantId}/supply getVariantSupply',
      'PUT /variants/{variantId}/supply setVariantSupply',
      'GET /purchase-orders listPurchaseOrders',
      'POST /purchase-orders createPurchaseOrder',
      'GET /purchase-orders/{id} getPurchaseOrder',
      'PUT /purchase-orders/{id} updatePurchaseOrder',
      'POST /purchase-orders/from-reorder draftPurchaseOrdersFromReorder',
      'POST /purchase-orders/{id}/send sendPurchaseOrder',
      'POST /purchase-orders/{id}/receipts receivePurchaseOrder',
      'POST /purchase-orders/{id}/close closePurchaseOrder',
      'GET /alerts listAlerts',
      'POST /alerts/{id}/dismiss dismissAlert',
      'GET /orders listOrders',
      'GET /orders/{id} getOrder',
      'POST /orders/{id}/fulfilments fulfilOrder',
      'POST /orders/{id}/cancel cancelOrder',
      'POST /orders/{id}/refunds refundOrder',
      'POST /orders/{id}/notes addOrderNote',
      'POST /orders/{id}/returns openReturn',
      'POST /orders/{id}/returns/{returnId}/receipt receiveReturn',
      'POST /orders/{id}/returns/{returnId}/refund refundReturn',
      'POST /orders/{id}/returns/{returnId}/exchange exchangeReturn',
      'POST /orders/{id}/returns/{returnId}/close closeReturn',
      'GET /returns listReturns',
      'GET /customers listCustomers',
      'GET /customers/{id} getCustomer',
      'POST /customers/{id}/notes addCustomerNote',
      'GET /reports/clock getStoreClock',
      'GET /reports/sales getSalesReport',
      'GET /reports/breakdown getSalesBreakdown',
      'GET /reports/summary getSalesSummary',
      'GET /reports/refunds listRefundRecords',
      'GET /reports/lines listSaleLines',
      'GET /reports/profit getProfitReport',
      'GET /reports/sell-through getSellThrough',
      'GET /discounts listDiscounts',
      'POST /discounts createDiscount',
      'POST /discounts/preview previewDiscount',
      'GET /discounts/{id} getDiscount',
      'PUT /discounts/{id} updateDiscount',
      'GET /discounts/{id}/performance getDiscountPerformance',
      'POST /discounts/{id}/uses useDiscount',
      'POST /pricing/preview previewPriceChange',
      'GET /pricing/batches listPriceBatches',
      'POST /pricing/batches createPriceBatch',
      'GET /pricing/batches/{id} getPriceBatch',
      'GET /pricing/batches/{id}/items listPriceBatchItems',
      'POST /pricing/batches/{id}/revert revertPriceBatch',
      'GET /pricing/history listPriceHistory',
      'GET /views listSavedViews',
      'POST /views createSavedView',
      'DELETE /views/{id} deleteSavedView',
      'PATCH /views/{id} updateSavedView',
    ]);
    expect(doc.servers).toEqual([{ url: '/api', description: expect.any(String) }]);
    expect(Object.keys(doc.components.schemas)).toEqual([
      'Address',
      'AdjustmentInput',
      'AdjustmentReason',
      'Alert',
      'AlertKind',
      'AlertList',
      'AuditEntityType',
      'AuditEntry',
      'AuditList',
      'BreakdownRow',
      'BulkStatusInput',
      'BulkStatusResult',
      'CancelInput',
      'Carrier',
      'Category',
      'CategoryList',
      'Customer',
      'CustomerEvent',
      'CustomerList',
      'CustomerSummary',
      'Discount',
      'DiscountInput',
      'DiscountKind',
      'DiscountList',
      'DiscountPerformance',
      'DiscountPreview',
      'DiscountPreviewInput',
      'DiscountScope',
      'DiscountStatus',
      'DiscountType',
      'DiscountUsage',
      'DiscountUseInput',
      'ExchangeInput',
      'FulfilInput',
      'Fulfilment',
      'FulfilmentStatus',
      'Image',
      'ImportError',
      'ImportRow',
      'InventoryLevel',
      'InventoryList',
      'Location',
      'LocationList',
      'NoteInput',
      'Order',
      'OrderEvent',
      'OrderLine',
      'OrderList',
      'OrderListTotals',
      'OrderNote',
      'OrderStatus',
      'OrderSummary',
      'PaymentStatus',
      'PriceBatch',
      'PriceBatchInput',
      'PriceBatchItem',
      'PriceBatchItemList',
      'PriceBatchList',
      'PriceBatchReport',
      'PriceChange',
      'PriceConflict',
      'PriceHistoryEntry',
      'PriceHistoryList',
      'PricePoint',
      'PricePreview',
      'PricePreviewInput',
      'PricePreviewRow',
      'PriceSelection',
      'PriceTotals',
      'Problem',
      'Product',
      'ProductImportInput',
      'ProductImportResult',
      'ProductInput',
      'ProductList',
      'ProductOption',
      'ProductStatus',
      'ProductSummary',
      'ProfitMeasures',
      'ProfitReport',
      'ProfitRow',
      'PurchaseCloseInput',
      'PurchaseOrder',
      'PurchaseOrderInput',
      'PurchaseOrderList',
      'PurchaseOrderStatus',
      'PurchaseOrderSummary',
      'PurchaseOrderUpdate',
      'PurchaseReceiptInput',
      'ReceiptInput',
      'ReceiptResult',
      'Refund',
      'RefundInput',
      'RefundRecord',
      'RefundRecordList',
      'ReorderDraftInput',
      'ReorderDraftResult',
      'ReorderList',
      'ReorderPolicyInput',
      'ReorderRow',
      'Return',
      'ReturnCloseInput',
      'ReturnInput',
      'ReturnLine',
      'ReturnList',
      'ReturnReason',
      'ReturnReceiptInput',
      'ReturnRefundInput',
      'ReturnStatus',
      'ReturnSummary',
      'Role',
      'SaleLine',
      'SaleLineList',
      'SalesBreakdown',
      'SalesMeasures',
      'SalesReport',
      'SalesSummary',
      'SalesSummaryMeasures',
      'SavedView',
      'SavedViewCreateInput',
      'SavedViewList',
      'SavedViewListName',
      'SavedViewUpdateInput',
      'SellThroughReport',
      'SellThroughRow',
      'Session',
      'SignInInput',
      'Staff',
      'StaffCreateInput',
      'StaffList',
      'StaffUpdateInput',
      'StockChangeResult',
      'StockMovement',
      'StockMovementList',
      'StockReason',
      'StockState',
      'StoreClock',
      'StoredImage',
      'Supplier',
      'SupplierInput',
      'SupplierList',
      'TagList',
      'ThresholdInput',
      'TransferInput',
      'TransferStatus',
      'TransitTransfer',
      'TransitTransferList',
      'Variant',
      'VariantInput',
      'VariantSupply',
      'VariantSupplyInput',
    ]);
  });

  it('answers every error as application/problem+json with the Problem schema', () => {
    const errors = operations(doc).flatMap(([path, method, op]) =>
      Object.entries(op.responses)
        .filter(([status]) => /^4\d\d$/.test(status) || status === 'default')
        .map(([status, response]) => [`${method} ${path} ${status}`, response] as const),
    );
    expect(errors.length).toBe(402);
    for (const [name, response] of errors) {
      expect({ [name]: Object.keys(response.content ?? {}) }).toEqual({ [name]: ['application/problem+json'] });
      const schema = response.content?.['application/problem+json']?.schema as JsonSchema;
      const base = (schema.allOf as JsonSchema[] | undefined)?.[0] ?? schema;
      expect({ [name]: base }).toEqual({ [name]: { $ref: PROBLEM_REF } });
    }
    const put = doc.paths['/products/{id}']?.put;
    expect(put?.responses['409']?.content?.['application/problem+json']?.schema).toEqual({
      allOf: [
        { $ref: PROBLEM_REF },
        { type: 'object', properties: { current: { $ref: '#/components/schemas/Product' } }, required: ['current'] },
      ],
    });
    expect(Object.keys(put?.responses ?? {})).toEqual(['200', '400', '401', '403', '404', '409', '412', '422', '428', 'default']);
    expect(put?.responses['422']?.content?.['application/problem+json']?.schema).toEqual({
      allOf: [{ $ref: PROBLEM_REF }, { type: 'object', required: ['errors'] }],
    });
  });

  it('requires If-Match on updates and Idempotency-Key on bulk changes', () => {
    const header = (op: Operation | undefined) => (op?.parameters ?? []).filter((p) => p.in === 'header').map((p) => [p.name, p.required]);
    expect(header(doc.paths['/products/{id}']?.put)).toEqual([['If-Match', true]]);
    expect(header(doc.paths['/products/bulk-status']?.post)).toEqual([['Idempotency-Key', true]]);
    // A create honours a key when sent (a retried create makes one product) but does not need one.
    expect(header(doc.paths['/products']?.post)).toEqual([['Idempotency-Key', false]]);
    // Every POST that changes prices or products needs a key; a preview and an import's dry run change nothing.
    expect(header(doc.paths['/pricing/batches']?.post)).toEqual([['Idempotency-Key', true]]);
    expect(header(doc.paths['/pricing/batches/{id}/revert']?.post)).toEqual([['Idempotency-Key', true]]);
    expect(header(doc.paths['/pricing/preview']?.post)).toEqual([]);
    expect(header(doc.paths['/products/import']?.post)).toEqual([['Idempotency-Key', false]]);
    expect(doc.paths['/products/import']?.post?.parameters?.[0]?.description).toMatch(/Required unless dryRun/);
    expect(doc.paths['/pricing/batches/{id}/revert']?.post?.responses['409']?.content?.['application/problem+json']?.schema).toEqual({
      allOf: [
        { $ref: PROBLEM_REF },
        { type: 'object', properties: { current: { $ref: '#/components/schemas/PriceBatch' } }, required: ['current'] },
      ],
    });
  });

  it('describes every pricing route with the zod schemas’ components, and the roles that may use it', () => {
    const pricing = operations(doc).filter(([path]) => path.startsWith('/pricing/') || path === '/products/import');
    expect(pricing).toHaveLength(8);
    const success = (op: Operation) => Object.entries(op.responses).find(([status]) => /^2\d\d$/.test(status));
    expect(
      Object.fromEntries(
        pricing.map(([path, method, op]) => [
          `${method.toUpperCase()} ${path}`,
          [
            op.requestBody?.content['application/json']?.schema.$ref ?? null,
            success(op)?.[0],
            success(op)?.[1].content?.['application/json']?.schema.$ref,
          ],
        ]),
      ),
    ).toEqual({
      'POST /products/import': ['#/components/schemas/ProductImportInput', '200', '#/components/schemas/ProductImportResult'],
      'POST /pricing/preview': ['#/components/schemas/PricePreviewInput', '200', '#/components/schemas/PricePreview'],
      'GET /pricing/batches': [null, '200', '#/components/schemas/PriceBatchList'],
      'POST /pricing/batches': ['#/components/schemas/PriceBatchInput', '201', '#/components/schemas/PriceBatch'],
      'GET /pricing/batches/{id}': [null, '200', '#/components/schemas/PriceBatch'],
      'GET /pricing/batches/{id}/items': [null, '200', '#/components/schemas/PriceBatchItemList'],
      'POST /pricing/batches/{id}/revert': [null, '200', '#/components/schemas/PriceBatch'],
      'GET /pricing/history': [null, '200', '#/components/schemas/PriceHistoryList'],
    });
    for (const [path, method, op] of pricing) {
      const statuses = Object.keys(op.responses);
      // Every role may read prices; only those who may edit products may preview or change them.
      expect({ [`${method} ${path}`]: statuses.includes('403') }).toEqual({ [`${method} ${path}`]: method === 'post' });
      expect({ [`${method} ${path}`]: statuses.includes('401') }).toEqual({ [`${method} ${path}`]: true });
    }
    expect(doc.paths['/pricing/batches']?.get?.parameters?.map((p) => p.name)).toEqual(Object.keys(priceBatchListQuerySchema.shape));
    expect(doc.paths['/pricing/history']?.get?.parameters?.map((p) => p.name)).toEqual(Object.keys(priceHistoryQuerySchema.shape));
    expect(doc.paths['/pricing/batches/{id}/items']?.get?.parameters?.map((p) => `${p.in} ${p.name}`)).toEqual([
      'path id',
      'query offset',
      'query limit',
    ]);
  });

  it('takes the product list query from productListQuerySchema, status as a comma list', () => {
    const params = doc.paths['/products']?.get?.parameters ?? [];
    expect(params.map((p) => p.name)).toEqual(Object.keys(productListQuerySchema.shape));
    expect(params.every((p) => p.in === 'query' && !p.required)).toBe(true);
    expect(params.find((p) => p.name === 'status')).toMatchObject({
      style: 'form',
      explode: false,
      schema: { type: 'array', items: { $ref: '#/components/schemas/ProductStatus' }, minItems: 1 },
    });
    expect(params.find((p) => p.name === 'limit')?.schema).toEqual({ type: 'integer', minimum: 1, maximum: 500, default: 25 });
    expect(params.find((p) => p.name === 'sort')?.schema.default).toBe('-updatedAt');
  });

  it('refers to shared schemas by $ref, and every $ref resolves', () => {
    const product = doc.components.schemas.Product as { properties: Record<string, JsonSchema> };
    expect(product.properties.variants).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Variant' } });
    expect(product.properties.status).toEqual({ $ref: '#/components/schemas/ProductStatus' });
    const refs = collect(doc, '$ref').map(([, target]) => target as string);
    expect(refs.length).toBeGreaterThan(20);
    for (const target of new Set(refs)) {
      expect(target).toMatch(/^#\/components\/schemas\/[A-Za-z]+$/);
      expect(Object.keys(doc.components.schemas)).toContain(target.slice('#/components/schemas/'.length));
    }
  });

  it('types every amount of money as integer cents', () => {
    // Money fields by name; a list's (or a preview's) `total` is a count and an order's `refunds` a list, not money.
    const money = collect(doc, 'properties').flatMap(([at, properties]) =>
      Object.entries(properties as Record<string, JsonSchema>)
        .filter(
          ([name, schema]) =>
            /price|cost|sales|profit|^(subtotal|discount|discounts|discountGiven|tax|taxes|shipping|returns|total|refunded|net|amount|revenue|refunds|averageOrder\w*|minimumSubtotal|minimumOrder|spent|toExchange|balanceDue|credit)$/i.test(
              name,
            ) &&
            !/units$/i.test(name) &&
            !/(List|SalesBreakdown|PricePreview|Report|RefundRecordList\/properties\/totals)$/.test(at) &&
            schema.type !== 'array' &&
            schema.type !== 'object' &&
            schema.type !== 'boolean' &&
            schema.$ref === undefined,
        )
        .map(([name, schema]) => [`${at}/${name}`, schema] as const),
    );
    expect(money.map(([at]) => at)).toEqual([
      '/components/schemas/BreakdownRow/revenue',
      '/components/schemas/BreakdownRow/averageOrderValue',
      '/components/schemas/BreakdownRow/refunds',
      '/components/schemas/BreakdownRow/net',
      '/components/schemas/Customer/spent',
      '/components/schemas/Customer/refunded',
      '/components/schemas/Customer/averageOrder',
      '/components/schemas/CustomerSummary/spent',
      '/components/schemas/CustomerSummary/refunded',
      '/components/schemas/CustomerSummary/averageOrder',
      '/components/schemas/Discount/minimumSubtotal',
      '/components/schemas/Discount/revenue',
      '/components/schemas/Discount/discountGiven',
      '/components/schemas/DiscountInput/minimumSubtotal',
      '/components/schemas/DiscountPerformance/averageOrderWith',
      '/components/schemas/DiscountPerformance/averageOrderWithout',
      '/components/schemas/DiscountPerformance/properties/days/items/revenue',
      '/components/schemas/DiscountPerformance/properties/days/items/discountGiven',
      '/components/schemas/DiscountPreview/subtotal',
      '/components/schemas/DiscountPreview/discount',
      '/components/schemas/DiscountPreview/shipping',
      '/components/schemas/DiscountPreview/tax',
      '/components/schemas/DiscountPreview/total',
      '/components/schemas/DiscountPreview/properties/lines/items/unitPrice',
      '/components/schemas/DiscountPreview/properties/lines/items/discount',
      '/components/schemas/DiscountPreview/properties/lines/items/tax',
      '/components/schemas/DiscountPreview/properties/lines/items/total',
      '/components/schemas/DiscountUsage/revenue',
      '/components/schemas/DiscountUsage/discountGiven',
      '/components/schemas/Order/subtotal',
      '/components/schemas/Order/discount',
      '/components/schemas/Order/shipping',
      '/components/schemas/Order/tax',
      '/components/schemas/Order/total',
      '/components/schemas/Order/refunded',
      '/components/schemas/Order/net',
      '/components/schemas/Order/balanceDue',
      '/components/schemas/Order/properties/exchangeFor/anyOf/0/credit',
      '/components/schemas/OrderLine/unitPrice',
      '/components/schemas/OrderLine/discount',
      '/components/schemas/OrderLine/tax',
      '/components/schemas/OrderLine/unitCost',
      '/components/schemas/OrderListTotals/subtotal',
      '/components/schemas/OrderListTotals/discount',
      '/components/schemas/OrderListTotals/shipping',
      '/components/schemas/OrderListTotals/tax',
      '/components/schemas/OrderListTotals/total',
      '/components/schemas/OrderListTotals/refunded',
      '/components/schemas/OrderListTotals/net',
      '/components/schemas/OrderSummary/total',
      '/components/schemas/OrderSummary/refunded',
      '/components/schemas/OrderSummary/net',
      '/components/schemas/PricePoint/price',
      '/components/schemas/PricePoint/compareAtPrice',
      '/components/schemas/PricePreviewRow/cost',
      '/components/schemas/PriceSelection/oneOf/1/priceMin',
      '/components/schemas/PriceSelection/oneOf/1/priceMax',
      '/components/schemas/ProductSummary/priceMin',
      '/components/schemas/ProductSummary/priceMax',
      '/components/schemas/ProfitMeasures/sales',
      '/components/schemas/ProfitMeasures/costedSales',
      '/components/schemas/ProfitMeasures/cost',
      '/components/schemas/ProfitMeasures/grossProfit',
      '/components/schemas/ProfitRow/sales',
      '/components/schemas/ProfitRow/costedSales',
      '/components/schemas/ProfitRow/cost',
      '/components/schemas/ProfitRow/grossProfit',
      '/components/schemas/PurchaseOrder/total',
      '/components/schemas/PurchaseOrder/properties/lines/items/unitCost',
      '/components/schemas/PurchaseOrder/properties/lines/items/total',
      '/components/schemas/PurchaseOrderInput/properties/lines/items/unitCost',
      '/components/schemas/PurchaseOrderSummary/total',
      '/components/schemas/PurchaseOrderUpdate/properties/lines/items/unitCost',
      '/components/schemas/Refund/amount',
      '/components/schemas/Refund/shipping',
      '/components/schemas/Refund/toExchange',
      '/components/schemas/RefundInput/amount',
      '/components/schemas/RefundRecord/amount',
      '/components/schemas/RefundRecord/shipping',
      '/components/schemas/ReorderRow/unitCost',
      '/components/schemas/ReturnRefundInput/amount',
      '/components/schemas/ReturnSummary/refunded',
      '/components/schemas/SaleLine/revenue',
      '/components/schemas/SaleLineList/properties/totals/revenue',
      '/components/schemas/SalesMeasures/revenue',
      '/components/schemas/SalesMeasures/averageOrderValue',
      '/components/schemas/SalesMeasures/refunds',
      '/components/schemas/SalesMeasures/net',
      '/components/schemas/SalesReport/properties/series/items/revenue',
      '/components/schemas/SalesReport/properties/series/items/averageOrderValue',
      '/components/schemas/SalesReport/properties/series/items/refunds',
      '/components/schemas/SalesReport/properties/series/items/net',
      '/components/schemas/SalesReport/properties/comparisonSeries/anyOf/0/items/revenue',
      '/components/schemas/SalesReport/properties/comparisonSeries/anyOf/0/items/averageOrderValue',
      '/components/schemas/SalesReport/properties/comparisonSeries/anyOf/0/items/refunds',
      '/components/schemas/SalesReport/properties/comparisonSeries/anyOf/0/items/net',
      '/components/schemas/SalesSummary/properties/series/items/grossSales',
      '/components/schemas/SalesSummary/properties/series/items/discounts',
      '/components/schemas/SalesSummary/properties/series/items/returns',
      '/components/schemas/SalesSummary/properties/series/items/netSales',
      '/components/schemas/SalesSummary/properties/series/items/shipping',
      '/components/schemas/SalesSummary/properties/series/items/taxes',
      '/components/schemas/SalesSummary/properties/series/items/totalSales',
      '/components/schemas/SalesSummaryMeasures/grossSales',
      '/components/schemas/SalesSummaryMeasures/discounts',
      '/components/schemas/SalesSummaryMeasures/returns',
      '/components/schemas/SalesSummaryMeasures/netSales',
      '/components/schemas/SalesSummaryMeasures/shipping',
      '/components/schemas/SalesSummaryMeasures/taxes',
      '/components/schemas/SalesSummaryMeasures/totalSales',
      '/components/schemas/Supplier/minimumOrder',
      '/components/schemas/SupplierInput/minimumOrder',
      '/components/schemas/Variant/price',
      '/components/schemas/Variant/compareAtPrice',
      '/components/schemas/Variant/cost',
      '/components/schemas/VariantInput/price',
      '/components/schemas/VariantInput/compareAtPrice',
      '/components/schemas/VariantInput/cost',
    ]);
    for (const [at, schema] of money) {
      const types = ((schema.anyOf as JsonSchema[] | undefined) ?? [schema]).map((s) => s.type);
      expect({ [at]: types.filter((t) => t !== 'null') }).toEqual({ [at]: ['integer'] });
    }
    for (const name of ['priceMin', 'priceMax']) {
      expect(doc.paths['/products']?.get?.parameters?.find((p) => p.name === name)?.schema.type).toBe('integer');
    }
    // A price change's value is cents (or basis points for a percent): whole numbers either way.
    const change = doc.components.schemas.PriceChange as { properties: Record<string, JsonSchema> };
    expect(change.properties.value?.type).toBe('integer');
    // Every price a batch, a preview, a conflict or the history carries is a PricePoint.
    const pricePoint = { $ref: '#/components/schemas/PricePoint' };
    for (const id of ['PricePreviewRow', 'PriceBatchItem', 'PriceConflict', 'PriceHistoryEntry']) {
      const { properties } = doc.components.schemas[id] as { properties: Record<string, JsonSchema> };
      const points = [properties.from, properties.to, properties.expected, properties.current].filter(Boolean);
      expect({ [id]: points.length }).toEqual({ [id]: 2 });
      for (const point of points) expect([point, ...((point?.anyOf as JsonSchema[] | undefined) ?? [])]).toContainEqual(pricePoint);
    }
  });

  it('accepts a product the contract accepts, and refuses dollars and missing fields', () => {
    const product: Product = {
      id: 'prod_1',
      title: 'Braided USB-C Cable (2 m)',
      handle: 'braided-usb-c-cable-2-m',
      description: 'Charges and syncs.',
      categoryId: 'cables',
      tags: ['usb-c'],
      status: 'active',
      images: [{ url: 'https://images.stockroom.test/products/cable.svg', alt: 'Cable' }],
      options: [{ name: 'Color', values: ['Black', 'White'] }],
      variants: ['Black', 'White'].map((color, i) => ({
        id: `var_${i}`,
        productId: 'prod_1',
        optionValues: [color],
        sku: `CBL-C2M-${color.toUpperCase()}`,
        barcode: '036000291452',
        price: 1299,
        compareAtPrice: 1599,
        cost: 412,
        weightGrams: 45,
        stock: 12,
        version: 1,
      })),
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-02-03T04:05:06.000Z',
      version: 3,
    };
    expect(productSchema.safeParse(product).success).toBe(true);
    expect(check(component('Product'), product)).toEqual({ valid: true, errors: [] });

    const dollars = structuredClone(product);
    dollars.variants[1]!.price = 12.99;
    expect(check(component('Product'), dollars)).toEqual({ valid: false, errors: ['/variants/1/price must be integer'] });

    const { version: _, ...unversioned } = product;
    expect(check(component('Product'), unversioned).errors).toEqual(["/ must have required property 'version'"]);

    const badDate = { ...product, updatedAt: 'yesterday' };
    expect(check(component('Product'), badDate).errors).toEqual(['/updatedAt must match format "date-time"']);
  });
});

// ---------------------------------------------------------------- the mock keeps the document's word
//
// One request per documented answer (an operation and a status): the mock must answer it with a status
// the document declares, in that media type, with a body its schema accepts. What the answers mean (the
// rules: idempotency, all or nothing, who may, what changes) is the contract suite's (tests/contract),
// which holds the mock and the server to them; here each status is asserted only to know which answer
// was checked.

type Exchange = { method: string; path: string; headers?: Record<string, string>; body?: unknown };

/** The operation a concrete request path belongs to, e.g. /products/prod_1 → /products/{id}. */
function templateOf(path: string): string {
  // A literal path wins over a template, as in any router: /products/bulk-status is not /products/{id}.
  const template =
    path in doc.paths ? path : Object.keys(doc.paths).find((t) => new RegExp(`^${t.replace(/\{[^/]+\}/g, '[^/]+')}$`).test(path));
  if (!template) throw new Error(`No path of the document matches ${path}`);
  return template;
}

/**
 * Sends the request to the mock API, then checks that the document declares the
 * status it got, with that media type, and that the body fits the schema.
 */
async function exchange({ method, path, headers, body }: Exchange) {
  const response = await fetch(`/api${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  const template = templateOf(path.split('?')[0]!);
  const lower = method.toLowerCase();
  const declared = doc.paths[template]?.[lower as 'get']?.responses[String(response.status)];
  const name = `${method} ${path} → ${response.status}`;
  assert.isDefined(declared, `${name} is not declared in the document`);
  const mediaType = response.headers.get('Content-Type')?.split(';')[0] ?? '';
  expect({ [name]: Object.keys(declared?.content ?? {}) }).toEqual({ [name]: [mediaType] });
  const result = check(pointer('paths', template, lower, 'responses', String(response.status), 'content', mediaType, 'schema'), json);
  expect({ [name]: result.errors }).toEqual({ [name]: [] });
  return { status: response.status, json: json as Record<string, unknown> };
}

/** The status of an exchange: which documented answer was checked. */
const statusOf = async (request: Exchange) => (await exchange(request)).status;

describe('the mock API, checked against the document', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    resetMockDb({ products: 40 });
    signInAs('admin');
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  function newProduct(): ProductInput {
    return {
      title: 'Contract Test Earbuds',
      handle: 'contract-test-earbuds',
      description: '',
      categoryId: 'audio',
      tags: [],
      status: 'draft',
      images: [],
      options: [],
      variants: [
        { optionValues: [], sku: 'CONTRACT-EB-1', barcode: '012345678905', price: 4999, compareAtPrice: null, cost: 2100, weightGrams: 60 },
      ],
    };
  }

  async function activeProductIds(limit: number): Promise<string[]> {
    const page = await exchange({ method: 'GET', path: `/products?limit=${limit}&status=active` });
    expect(page.status).toBe(200);
    return (page.json.items as { id: string }[]).map((p) => p.id);
  }

  it('answers lists, filters and bad queries as documented', async () => {
    expect(await statusOf({ method: 'GET', path: '/products?limit=3&sort=-price&status=active,draft' })).toBe(200);
    expect(await statusOf({ method: 'GET', path: '/products?limit=0' })).toBe(400);
    expect(await statusOf({ method: 'GET', path: '/categories' })).toBe(200);
    expect(await statusOf({ method: 'GET', path: '/tags' })).toBe(200);
  });

  it('answers reads, creates, updates and conflicts as documented', async () => {
    const input = newProduct();
    expect(check(component('ProductInput'), input).errors).toEqual([]);

    const created = await exchange({ method: 'POST', path: '/products', body: input });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(await statusOf({ method: 'GET', path: `/products/${id}` })).toBe(200);
    expect(await statusOf({ method: 'GET', path: '/products/prod_missing' })).toBe(404);
    expect(
      await statusOf({ method: 'PUT', path: `/products/${id}`, headers: { 'If-Match': '"1"' }, body: { ...input, title: 'Renamed' } }),
    ).toBe(200);
    expect(await statusOf({ method: 'PUT', path: `/products/${id}`, headers: { 'If-Match': '"1"' }, body: input })).toBe(409);
    expect(await statusOf({ method: 'PUT', path: `/products/${id}`, body: input })).toBe(428);

    const invalid = structuredClone(input);
    invalid.variants[0]!.compareAtPrice = 4999;
    expect(await statusOf({ method: 'POST', path: '/products', body: invalid })).toBe(422);
  });

  it('answers bulk status changes as documented', async () => {
    const ids = await activeProductIds(2);
    const request = {
      method: 'POST',
      path: '/products/bulk-status',
      headers: { 'Idempotency-Key': 'key-1' },
      body: { ids, status: 'archived' },
    };
    expect(await statusOf(request)).toBe(200);
    expect(await statusOf({ ...request, body: { ids, status: 'active' } })).toBe(422);
    expect(await statusOf({ ...request, headers: {} })).toBe(400);
  });

  it('answers bulk price changes, their reads and reverts as documented', async () => {
    const selection = { kind: 'products', ids: await activeProductIds(3) };
    const change = { op: 'raise', unit: 'percent', value: 1000, ending: '99', compareAt: 'keep', minMarginBp: null };
    expect(check(component('PricePreviewInput'), { selection, change }).errors).toEqual([]);

    expect(await statusOf({ method: 'POST', path: '/pricing/preview', body: { selection, change, limit: 2 } })).toBe(200);
    expect(
      await statusOf({
        method: 'POST',
        path: '/pricing/preview',
        body: { selection: { kind: 'products', ids: ['prod_missing'] }, change },
      }),
    ).toBe(422);

    const input = { label: 'Contract test +10 %', selection, change, skipFlagged: true };
    const request = { method: 'POST', path: '/pricing/batches', headers: { 'Idempotency-Key': 'price-key-1' }, body: input };
    const created = await exchange(request);
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    // Both kinds of 422: the key reused for another request (no `errors`), and a change with field errors.
    expect(await statusOf({ ...request, body: { ...input, label: 'Another' } })).toBe(422);
    expect(
      await statusOf({
        ...request,
        headers: { 'Idempotency-Key': 'price-key-2' },
        body: { ...input, change: { ...change, op: 'keep', compareAt: 'keep' } },
      }),
    ).toBe(422);
    expect(await statusOf({ ...request, headers: {} })).toBe(400);

    expect(await statusOf({ method: 'GET', path: '/pricing/batches?status=applied&sort=-startsAt' })).toBe(200);
    expect(await statusOf({ method: 'GET', path: '/pricing/batches?sort=price' })).toBe(400);
    expect(await statusOf({ method: 'GET', path: `/pricing/batches/${id}` })).toBe(200);
    expect(await statusOf({ method: 'GET', path: '/pricing/batches/pb_missing' })).toBe(404);
    const items = await exchange({ method: 'GET', path: `/pricing/batches/${id}/items?limit=1` });
    expect(items.status).toBe(200);
    const [item] = items.json.items as { sku: string }[];
    expect(await statusOf({ method: 'GET', path: '/pricing/batches/pb_missing/items' })).toBe(404);
    expect(await statusOf({ method: 'GET', path: `/pricing/history?sku=${item!.sku}` })).toBe(200);
    expect(await statusOf({ method: 'GET', path: '/pricing/history?limit=0' })).toBe(400);

    const revert = (batch: string, headers: Record<string, string> = { 'Idempotency-Key': newKey() }) => ({
      method: 'POST',
      path: `/pricing/batches/${batch}/revert`,
      headers,
    });
    expect(await statusOf(revert(id))).toBe(200);
    expect(await statusOf(revert(id))).toBe(409);
    expect(await statusOf(revert('pb_missing'))).toBe(404);
    expect(await statusOf(revert(id, {}))).toBe(400);

    signInAs('support');
    expect(await statusOf({ ...request, headers: { 'Idempotency-Key': 'price-key-3' } })).toBe(403);
    expect(await statusOf(revert(id))).toBe(403);
  });

  it('answers a product import, dry run and apply, as documented', async () => {
    const [productId] = await activeProductIds(1);
    const read = await exchange({ method: 'GET', path: `/products/${productId!}` });
    expect(read.status).toBe(200);
    const variant = (read.json as unknown as Product).variants[0]!;
    const newPrice = Math.max(1, variant.price - 1);
    const dollars = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    const good = `sku,title,category,price\n${variant.sku},,,${dollars(newPrice)}\nCONTRACT-IMP-1,Contract Import Cable,audio,19.99\n`;
    // With an error row, so the dry run's answer carries every part of its schema: an update, a create, an error.
    const bad = `${good}BAD SKU!,Broken,audio,abc\n`;
    expect(check(component('ProductImportInput'), { csv: good, dryRun: true }).errors).toEqual([]);

    expect(await statusOf({ method: 'POST', path: '/products/import', body: { csv: bad, dryRun: true } })).toBe(200);
    const apply = (csv: string, headers: Record<string, string> = { 'Idempotency-Key': newKey() }) => ({
      method: 'POST',
      path: '/products/import',
      headers,
      body: { csv, dryRun: false },
    });
    expect(await statusOf(apply(bad))).toBe(422);
    expect(await statusOf(apply(good, {}))).toBe(400);
    expect(await statusOf(apply(good))).toBe(200);

    signInAs('support');
    expect(await statusOf({ method: 'POST', path: '/products/import', body: { csv: good, dryRun: true } })).toBe(403);
  });
});
