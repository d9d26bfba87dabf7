import type { Action } from '@/contract/permissions';

/** Each screen and what a person needs to be allowed to use it; the navigation shows only those. */
export const NAV_ITEMS: readonly { to: string; label: string; permission: Action | null }[] = [
  { to: '/dashboard', label: 'Dashboard', permission: 'reports.view' },
  { to: '/products', label: 'Products', permission: 'products.view' },
  { to: '/pricing', label: 'Pricing', permission: 'products.edit' },
  { to: '/inventory', label: 'Inventory', permission: 'stock.view' },
  { to: '/reorder', label: 'Reorder', permission: 'stock.view' },
  { to: '/purchase-orders', label: 'Purchase orders', permission: 'stock.view' },
  { to: '/suppliers', label: 'Suppliers', permission: 'stock.view' },
  { to: '/orders', label: 'Orders', permission: 'orders.view' },
  { to: '/returns', label: 'Returns', permission: 'orders.view' },
  { to: '/customers', label: 'Customers', permission: 'orders.view' },
  { to: '/discounts', label: 'Discounts', permission: 'discounts.view' },
  { to: '/reports', label: 'Reports', permission: 'reports.view' },
  { to: '/audit', label: 'Audit log', permission: 'audit.view' },
  { to: '/settings', label: 'Settings', permission: null },
];

/** The screens the palette (Ctrl+K) also jumps to: the reports' tabs, reached in the navigation through Reports. */
export const PALETTE_ITEMS: readonly { to: string; label: string; permission: Action | null }[] = [
  ...NAV_ITEMS,
  { to: '/reports/summary', label: 'Sales summary', permission: 'reports.view' },
  { to: '/reports/profit', label: 'Profit and margin', permission: 'reports.view' },
  { to: '/reports/sell-through', label: 'Sell-through', permission: 'reports.view' },
  { to: '/reports/refunds', label: 'Refunds made', permission: 'reports.view' },
  { to: '/purchase-orders/new', label: 'New purchase order', permission: 'stock.edit' },
];
