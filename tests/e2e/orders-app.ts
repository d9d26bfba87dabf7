/**
 * What the order journeys and audits need: read the order table as a person
 * sees it, and ask the (mock) API for orders from inside the page.
 */
import type { Locator, Page } from 'playwright-core';
import type { Order, OrderSummary } from '../../src/contract/order-schemas';
import type { InventoryLevel, StockMovement } from '../../src/contract/stock-schemas';
import { apiGet, UI_TIMEOUT } from './app';

export function orderTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Orders' });
}

/** Waits until the order table shows rows for the current URL (not the skeleton, not busy). */
export async function waitForOrderRows(page: Page): Promise<void> {
  await orderTable(page).locator('tbody tr a').first().waitFor({ timeout: UI_TIMEOUT });
  await page.waitForFunction(() => !document.querySelector('table[aria-label="Orders"][aria-busy="true"]'), null, {
    timeout: UI_TIMEOUT,
  });
}

export function apiOrders(page: Page, query: Record<string, string>): Promise<{ items: OrderSummary[]; total: number }> {
  return apiGet(page, `/orders?${new URLSearchParams(query).toString()}`);
}

export function apiOrder(page: Page, id: string): Promise<Order> {
  return apiGet(page, `/orders/${encodeURIComponent(id)}`);
}

/** An open order with two lines, nothing shipped, each line in stock at the order's warehouse. */
export async function openTwoLineOrder(page: Page): Promise<Order> {
  const { items } = await apiOrders(page, { status: 'open', fulfilmentStatus: 'unfulfilled', paymentStatus: 'paid', limit: '60' });
  for (const summary of items) {
    if (summary.units < 2) continue;
    const order = await apiOrder(page, summary.id);
    if (order.lines.length !== 2) continue;
    let stocked = true;
    for (const line of order.lines) {
      const query = new URLSearchParams({ variantId: line.variantId, locationId: order.locationId });
      const { items: levels } = await apiGet<{ items: InventoryLevel[] }>(page, `/inventory?${query.toString()}`);
      stocked &&= (levels[0]?.onHand ?? 0) >= line.quantity;
    }
    if (stocked) return order;
  }
  throw new Error('No open two-line order with stock in the seed');
}

/** A variant's newest stock movements, as the API has them. */
export function apiMovements(page: Page, variantId: string, limit = 5): Promise<{ items: StockMovement[]; total: number }> {
  return apiGet(page, `/inventory/ledger?${new URLSearchParams({ variantId, limit: String(limit) }).toString()}`);
}
