/**
 * Fixtures found or made through the API only: no seeded ids, no store access.
 * Each test makes its own product or claims its own order, so tests in a file
 * never share what they change.
 */
import { expect } from 'vitest';
import { auditListSchema, problemSchema, productSchema, type Problem, type Product, type ProductInput } from '../../src/contract/schemas';
import { orderListSchema, orderSchema, type Order, type OrderListQuery } from '../../src/contract/order-schemas';
import {
  inventoryListSchema,
  locationListSchema,
  stockMovementListSchema,
  type InventoryLevel,
  type StockMovement,
} from '../../src/contract/stock-schemas';
import type { DiscountInput } from '../../src/contract/discount-schemas';
import type { ApiClient, ApiResponse, Query } from './driver';
import { newKey, uniqueId } from './driver';
import { testClock } from '../clock';

/** An answer that must be problem+json with this status; returns the parsed problem. */
export function expectProblem(res: ApiResponse, status: number): Problem {
  expect({ status: res.status, body: res.json }).toMatchObject({ status });
  expect(res.contentType).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(res.json);
  expect(problem.status).toBe(status);
  return problem;
}

/** A success with this status; returns the body. */
export function expectOk(res: ApiResponse, status = 200): unknown {
  expect({ status: res.status, body: res.status === status ? null : res.json }).toEqual({ status, body: null });
  return res.json;
}

/** A valid two-variant product nobody else uses: its handle, SKUs and tag are unique to this call. */
export function newProductInput(over: Partial<ProductInput> = {}): ProductInput {
  const id = uniqueId();
  return {
    title: `Contract Cable ${id}`,
    handle: `contract-cable-${id}`,
    description: 'Made by the contract suite.',
    categoryId: 'cables-chargers',
    tags: [`contract-${id}`],
    status: 'active',
    images: [],
    options: [{ name: 'Length', values: ['1 m', '2 m'] }],
    variants: [
      {
        optionValues: ['1 m'],
        sku: `CT-${id}-1M`.toUpperCase(),
        barcode: null,
        price: 1999,
        compareAtPrice: null,
        cost: 500,
        weightGrams: 40,
      },
      {
        optionValues: ['2 m'],
        sku: `CT-${id}-2M`.toUpperCase(),
        barcode: null,
        price: 2499,
        compareAtPrice: 2999,
        cost: 600,
        weightGrams: 60,
      },
    ],
    ...over,
  };
}

export async function createProduct(api: ApiClient, over: Partial<ProductInput> = {}): Promise<Product> {
  const res = await api.post('/products', { body: newProductInput(over) });
  return productSchema.parse(expectOk(res, 201));
}

export async function getProduct(api: ApiClient, id: string): Promise<Product> {
  return productSchema.parse(expectOk(await api.get(`/products/${id}`)));
}

export async function locationIds(api: ApiClient): Promise<string[]> {
  const list = locationListSchema.parse(expectOk(await api.get('/locations')));
  expect(list.items.length).toBeGreaterThanOrEqual(2);
  return list.items.map((l) => l.id);
}

export async function levelsOf(api: ApiClient, variantId: string): Promise<InventoryLevel[]> {
  return inventoryListSchema.parse(expectOk(await api.get('/inventory', { query: { variantId, limit: 500 } }))).items;
}

export async function levelAt(api: ApiClient, variantId: string, locationId: string): Promise<InventoryLevel> {
  const level = (await levelsOf(api, variantId)).find((l) => l.locationId === locationId);
  if (!level) throw new Error(`No stock level for ${variantId} at ${locationId}`);
  return level;
}

export async function ledgerOf(api: ApiClient, variantId: string, locationId?: string): Promise<StockMovement[]> {
  const rows: StockMovement[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = stockMovementListSchema.parse(
      expectOk(await api.get('/inventory/ledger', { query: { variantId, locationId, sort: 'at', limit: 500, offset } })),
    );
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) return rows;
  }
}

/** On hand and reserved at every level of the variant equal the sums of its ledger rows there. */
export async function expectLedgerExplainsLevels(api: ApiClient, variantId: string): Promise<void> {
  const rows = await ledgerOf(api, variantId);
  for (const level of await levelsOf(api, variantId)) {
    const here = rows.filter((r) => r.locationId === level.locationId);
    expect(
      { onHand: here.reduce((n, r) => n + r.quantity, 0), reserved: here.reduce((n, r) => n + r.reservedChange, 0) },
      `${level.sku} at ${level.locationId}`,
    ).toEqual({ onHand: level.onHand, reserved: level.reserved });
  }
}

/** Puts units on the shelf with a "received" adjustment; returns the level after. */
export async function receive(api: ApiClient, variantId: string, locationId: string, quantity: number): Promise<InventoryLevel> {
  const level = await levelAt(api, variantId, locationId);
  const res = await api.post('/inventory/adjustments', {
    body: { variantId, locationId, version: level.version, reason: 'received', quantity },
    idempotencyKey: newKey(),
  });
  expectOk(res);
  return levelAt(api, variantId, locationId);
}

/** Every order matching a list query, page by page. */
export async function listOrders(api: ApiClient, query: Query) {
  const rows: ReturnType<typeof orderListSchema.parse>['items'] = [];
  for (let offset = 0; ; offset += 500) {
    const page = orderListSchema.parse(expectOk(await api.get('/orders', { query: { ...query, limit: 500, offset } })));
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) return rows;
  }
}

export async function getOrder(api: ApiClient, id: string): Promise<Order> {
  return orderSchema.parse(expectOk(await api.get(`/orders/${id}`)));
}

type OrderFilter = Partial<Record<keyof OrderListQuery, string | number>>;

/**
 * Claims an order of this file that matches the list filter and the check, and
 * that no other test of the file claimed; the list is read page by page.
 */
export function orderClaimer() {
  const claimed = new Set<string>();
  return async function claim(
    api: ApiClient,
    filter: OrderFilter,
    check: (o: Order) => boolean | Promise<boolean> = () => true,
  ): Promise<Order> {
    for (let offset = 0; offset < 5000; offset += 100) {
      const page = orderListSchema.parse(expectOk(await api.get('/orders', { query: { ...filter, limit: 100, offset } })));
      for (const row of page.items) {
        if (claimed.has(row.id)) continue;
        const order = await getOrder(api, row.id);
        if (await check(order)) {
          claimed.add(order.id);
          return order;
        }
      }
      if (offset + 100 >= page.total) break;
    }
    throw new Error(`No unclaimed order matches ${JSON.stringify(filter)}`);
  };
}

/** Whether every line of the order has its units on hand at the order's warehouse. */
export async function stockCovers(api: ApiClient, order: Order): Promise<boolean> {
  for (const line of order.lines) {
    const level = (await levelsOf(api, line.variantId)).find((l) => l.locationId === order.locationId);
    if (!level || level.onHand < line.quantity || level.reserved < line.quantity - line.fulfilledQuantity - line.cancelledQuantity)
      return false;
  }
  return true;
}

export const UPS_TRACKING = '1Z999AA10123456784';

/** A new 10 %-off code, unique per call, active from a day ago with no end. */
export function newDiscountInput(over: Partial<DiscountInput> = {}): DiscountInput {
  return {
    kind: 'code',
    code: `TEST${uniqueId().toUpperCase()}`,
    title: 'Test code',
    type: 'percent',
    value: 1000,
    scope: 'order',
    targetIds: [],
    minimumSubtotal: null,
    minimumQuantity: null,
    usageLimit: null,
    oncePerCustomer: false,
    startsAt: new Date(testClock() - 86_400_000).toISOString(),
    endsAt: null,
    combines: false,
    enabled: true,
    ...over,
  };
}

/** Ships these units of the order from its warehouse (UPS), as support would; returns the order after. */
export async function ship(api: ApiClient, order: Order, lines: { lineId: string; quantity: number }[]): Promise<Order> {
  const res = await api.post(`/orders/${order.id}/fulfilments`, {
    body: { version: order.version, locationId: order.locationId, carrier: 'UPS', trackingNumber: UPS_TRACKING, lines },
    idempotencyKey: newKey(),
  });
  return orderSchema.parse(expectOk(res));
}

/** Ships every unit the order has left to ship; returns the order after (closed). */
export async function shipEverything(api: ApiClient, order: Order): Promise<Order> {
  const lines = order.lines
    .map((l) => ({ lineId: l.id, quantity: l.quantity - l.fulfilledQuantity - l.cancelledQuantity }))
    .filter((l) => l.quantity > 0);
  return ship(api, order, lines);
}

/** The audit entries of one record, newest first (the caller needs audit.view). */
export async function auditOf(api: ApiClient, entityType: string, entityId: string) {
  return auditListSchema.parse(expectOk(await api.get('/audit', { query: { entityType, entityId, limit: 100 } }))).items;
}
