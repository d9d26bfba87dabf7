import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  stripSearchParams,
  RouterProvider,
  type AnyRouter,
  type RouterHistory,
  type SearchSchemaInput,
} from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '@/api/api-error';
import { PRODUCT_LIST_DEFAULTS, productListSearchSchema, searchToQuery, type ProductListSearch } from '@/features/products/search';
import { AUDIT_DEFAULTS, auditSearchSchema, type AuditSearch } from '@/features/audit/search';
import {
  BATCH_LIST_DEFAULTS,
  batchListSearchSchema,
  BULK_PRICE_DEFAULTS,
  bulkPriceSearchSchema,
  PAGED_DEFAULTS,
  pagedSearchSchema,
  priceHistorySearchSchema,
  type BatchListSearch,
  type BulkPriceSearch,
  type PagedSearch,
  type PriceHistorySearch,
} from '@/features/pricing/search';
import {
  INVENTORY_LIST_DEFAULTS,
  inventoryListSearchSchema,
  inventorySearchToQuery,
  LEDGER_DEFAULTS,
  ledgerSearchSchema,
  type InventoryListSearch,
  type LedgerSearch,
} from '@/features/inventory/search';
import {
  DASHBOARD_DEFAULTS,
  dashboardSearchSchema,
  PROFIT_DEFAULTS,
  profitSearchSchema,
  REFUND_LIST_DEFAULTS,
  refundListSearchSchema,
  REPORTS_DEFAULTS,
  reportsSearchSchema,
  SALE_LINE_DEFAULTS,
  saleLineSearchSchema,
  SELL_THROUGH_DEFAULTS,
  sellThroughSearchSchema,
  SUMMARY_DEFAULTS,
  summarySearchSchema,
  type DashboardSearch,
  type ProfitSearch,
  type RefundListSearch,
  type ReportsSearch,
  type SaleLineSearch,
  type SellThroughSearch,
  type SummarySearch,
} from '@/features/analytics/search';
import { ORDER_LIST_DEFAULTS, orderListSearchSchema, orderSearchToQuery, type OrderListSearch } from '@/features/orders/search';
import {
  DISCOUNT_LIST_DEFAULTS,
  discountListSearchSchema,
  discountPageSearchSchema,
  discountSearchToQuery,
  type DiscountListSearch,
  type DiscountPageSearch,
} from '@/features/discounts/search';
import { RETURN_LIST_DEFAULTS, returnListSearchSchema, returnSearchToQuery, type ReturnListSearch } from '@/features/returns/search';
import {
  CUSTOMER_LIST_DEFAULTS,
  customerListSearchSchema,
  customerSearchToQuery,
  type CustomerListSearch,
} from '@/features/customers/search';
import {
  PURCHASE_ORDER_DEFAULTS,
  purchaseOrderSearchSchema,
  purchaseOrderSearchToQuery,
  REORDER_DEFAULTS,
  reorderSearchSchema,
  reorderSearchToQuery,
  type PurchaseOrderSearch,
  type ReorderSearch,
} from '@/features/replenishment/search';
import { parseSearch, parseSearchLeniently, stringifySearch } from '@/lib/search-params';
import { can } from '@/contract/permissions';
import type { Session } from '@/contract/schemas';
import { SESSION_KEY } from '@/features/auth/api/session-key';
import { sessionQueries } from '@/features/auth/api/session-queries';
import { AppLayout } from './layout/app-layout';
import { PendingScreen } from './pending-screen';
import { signInScreen } from './sign-in-screen';
import { NotFound, RouteError } from './route-error';

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
  // Every screen but sign-in needs a session; without one, sign in and come back here.
  beforeLoad: async ({ context, location, matches }) => {
    if (location.pathname === '/sign-in') return;
    // In demo mode the check waits for the mock to start; the screen's code loads meanwhile, not after.
    for (const match of matches) {
      const route = appRouter?.routesById[match.routeId];
      // A chunk that fails to load fails again, visibly, when the route renders.
      if (route) void appRouter?.loadRouteChunk(route)?.catch(() => undefined);
    }
    try {
      await context.queryClient.ensureQueryData(sessionQueries.current());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
      throw error;
    }
  },
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/products' });
  },
});

/** Only a path of this app: an address elsewhere would make the sign-in page a springboard for phishing. */
function localPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (raw: { redirect?: string } & SearchSchemaInput): { redirect?: string } => {
    const target = localPath(raw.redirect);
    return target ? { redirect: target } : {};
  },
  component: lazyRouteComponent(signInScreen, 'SignInPage'),
});

/**
 * A screen's first data, asked for by its loader. Entering the screen, the route waits for it (the pending screen shows
 * after a second): the screen is drawn once, with its data, and the page's main thread is free while the request goes
 * out and comes back (the demo's requests pass through it). Drawing the empty screen first held the request back by
 * that render: a reload of the products took 711 ms to its rows, 648 ms waiting (medians of 9). Staying on the screen
 * (a filter, a sort, a page) it does not wait: the screen shows what it has until the new rows come.
 */
async function awaitOnEnter(cause: 'enter' | 'stay' | 'preload', data: Promise<unknown>): Promise<void> {
  if (cause === 'enter') await data;
}

/** One import site for the dashboard and reports chunk (and the charting code only it loads). */
const analyticsScreens = () => import('@/features/analytics/components/screens');

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboard',
  validateSearch: (raw: Partial<DashboardSearch> & SearchSchemaInput) => parseSearchLeniently(dashboardSearchSchema, raw),
  search: { middlewares: [stripSearchParams(DASHBOARD_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps, cause }) => {
    // Only for a role that may see the figures: the screen asks nothing the API would refuse, nor does its loader.
    if (!can(context.queryClient.getQueryData<Session>(SESSION_KEY)?.user.role, 'reports.view')) return;
    const { prefetchDashboard } = await import('@/features/analytics/api/report-queries');
    await awaitOnEnter(
      cause,
      prefetchDashboard(context.queryClient, deps).catch(() => undefined),
    );
  },
  component: lazyRouteComponent(analyticsScreens, 'DashboardPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports',
  validateSearch: (raw: Partial<ReportsSearch> & SearchSchemaInput) => parseSearchLeniently(reportsSearchSchema, raw),
  search: { middlewares: [stripSearchParams(REPORTS_DEFAULTS)] },
  component: lazyRouteComponent(analyticsScreens, 'ReportsPage'),
});

/** The accountants' summary: gross sales to total sales, per bucket and for the range. */
const reportsSummaryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/summary',
  validateSearch: (raw: Partial<SummarySearch> & SearchSchemaInput) => parseSearchLeniently(summarySearchSchema, raw),
  search: { middlewares: [stripSearchParams(SUMMARY_DEFAULTS)] },
  component: lazyRouteComponent(analyticsScreens, 'SummaryPage'),
});

const reportsProfitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/profit',
  validateSearch: (raw: Partial<ProfitSearch> & SearchSchemaInput) => parseSearchLeniently(profitSearchSchema, raw),
  search: { middlewares: [stripSearchParams(PROFIT_DEFAULTS)] },
  component: lazyRouteComponent(analyticsScreens, 'ProfitPage'),
});

const reportsSellThroughRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/sell-through',
  validateSearch: (raw: Partial<SellThroughSearch> & SearchSchemaInput) => parseSearchLeniently(sellThroughSearchSchema, raw),
  search: { middlewares: [stripSearchParams(SELL_THROUGH_DEFAULTS)] },
  component: lazyRouteComponent(analyticsScreens, 'SellThroughPage'),
});

/** The refunds made in a range: what a Refunds figure opens. */
const reportsRefundsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/refunds',
  validateSearch: (raw: Partial<RefundListSearch> & SearchSchemaInput) => parseSearchLeniently(refundListSearchSchema, raw),
  search: { middlewares: [stripSearchParams(REFUND_LIST_DEFAULTS)] },
  component: lazyRouteComponent(analyticsScreens, 'RefundsPage'),
});

/** The order lines sold in a range: what a figure filtered by category, product or variant opens. */
const reportsLinesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/lines',
  validateSearch: (raw: Partial<SaleLineSearch> & SearchSchemaInput) => parseSearchLeniently(saleLineSearchSchema, raw),
  search: { middlewares: [stripSearchParams(SALE_LINE_DEFAULTS)] },
  component: lazyRouteComponent(analyticsScreens, 'SaleLinesPage'),
});

const productsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products',
  validateSearch: (raw: Partial<ProductListSearch> & SearchSchemaInput) => parseSearchLeniently(productListSearchSchema, raw),
  // Defaults stay out of the address, so a link shows only what the person chose.
  search: { middlewares: [stripSearchParams(PRODUCT_LIST_DEFAULTS)] },
  // Start the page's request as the URL changes, not after the screen has rendered the old page once more.
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps, cause }) => {
    const { productQueries } = await import('@/features/products/api/product-queries');
    await awaitOnEnter(cause, context.queryClient.prefetchQuery(productQueries.list(searchToQuery(deps))));
  },
  component: lazyRouteComponent(() => import('@/features/products/components/products-page'), 'ProductsPage'),
});

const productImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/import',
  component: lazyRouteComponent(() => import('@/features/pricing/components/import-page'), 'ImportPage'),
});

const productNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/new',
  component: lazyRouteComponent(() => import('@/features/products/components/product-create-page'), 'ProductCreatePage'),
});

export const productEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$productId',
  // The query (and the schemas it parses with) loads with the screen, not with the shell.
  loader: async ({ context, params }) => {
    const { productQueries } = await import('@/features/products/api/product-queries');
    return context.queryClient.ensureQueryData(productQueries.detail(params.productId));
  },
  component: lazyRouteComponent(() => import('./product-screen'), 'ProductScreen'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: (raw: Partial<AuditSearch> & SearchSchemaInput) => parseSearchLeniently(auditSearchSchema, raw),
  search: { middlewares: [stripSearchParams(AUDIT_DEFAULTS)] },
  component: lazyRouteComponent(() => import('@/features/audit/components/audit-page'), 'AuditPage'),
});

const inventoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inventory',
  validateSearch: (raw: Partial<InventoryListSearch> & SearchSchemaInput) => parseSearchLeniently(inventoryListSearchSchema, raw),
  search: { middlewares: [stripSearchParams(INVENTORY_LIST_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps, cause }) => {
    const { inventoryQueries } = await import('@/features/inventory/api/inventory-queries');
    await awaitOnEnter(cause, context.queryClient.prefetchQuery(inventoryQueries.list(inventorySearchToQuery(deps))));
  },
  component: lazyRouteComponent(() => import('@/features/inventory/components/screens'), 'InventoryPage'),
});

const inventoryLedgerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inventory/ledger/$variantId',
  validateSearch: (raw: Partial<LedgerSearch> & SearchSchemaInput) => parseSearchLeniently(ledgerSearchSchema, raw),
  search: { middlewares: [stripSearchParams(LEDGER_DEFAULTS)] },
  component: lazyRouteComponent(() => import('@/features/inventory/components/screens'), 'LedgerPage'),
});

const inventoryReceiveRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inventory/receive',
  component: lazyRouteComponent(() => import('@/features/inventory/components/screens'), 'ReceivePage'),
});

/** One import site for the order screens' chunk: each site repeats the chunk's preload list in the shell. */
const orderScreens = () => import('./order-screens');

const ordersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orders',
  validateSearch: (raw: Partial<OrderListSearch> & SearchSchemaInput) => parseSearchLeniently(orderListSearchSchema, raw),
  search: { middlewares: [stripSearchParams(ORDER_LIST_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps, cause }) => {
    const { orderQueries } = await orderScreens();
    await awaitOnEnter(cause, context.queryClient.prefetchQuery(orderQueries.list(orderSearchToQuery(deps))));
  },
  component: lazyRouteComponent(orderScreens, 'OrdersPage'),
});

const orderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orders/$orderId',
  loader: async ({ context, params }) => {
    const { orderQueries } = await orderScreens();
    return context.queryClient.ensureQueryData(orderQueries.detail(params.orderId));
  },
  component: lazyRouteComponent(orderScreens, 'OrderScreen'),
});

// ---- Returns: every order's returns, the view in the URL; a return itself lives on its order's page.
/** One import site for the returns list's chunk. */
const returnScreens = () => import('./return-screens');

const returnsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/returns',
  validateSearch: (raw: Partial<ReturnListSearch> & SearchSchemaInput) => parseSearchLeniently(returnListSearchSchema, raw),
  search: { middlewares: [stripSearchParams(RETURN_LIST_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps, cause }) => {
    const { returnQueries } = await returnScreens();
    await awaitOnEnter(cause, context.queryClient.prefetchQuery(returnQueries.list(returnSearchToQuery(deps))));
  },
  component: lazyRouteComponent(returnScreens, 'ReturnsPage'),
});
// ---- end of returns

/** One import site for the discount screens' chunk. */
const discountScreens = () => import('@/features/discounts/components/screens');

const discountsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/discounts',
  validateSearch: (raw: Partial<DiscountListSearch> & SearchSchemaInput) => parseSearchLeniently(discountListSearchSchema, raw),
  search: { middlewares: [stripSearchParams(DISCOUNT_LIST_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps, cause }) => {
    const { discountQueries } = await discountScreens();
    await awaitOnEnter(cause, context.queryClient.prefetchQuery(discountQueries.list(discountSearchToQuery(deps))));
  },
  component: lazyRouteComponent(discountScreens, 'DiscountsPage'),
});

const discountNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/discounts/new',
  component: lazyRouteComponent(discountScreens, 'DiscountCreatePage'),
});

const discountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/discounts/$discountId',
  validateSearch: (raw: Partial<DiscountPageSearch> & SearchSchemaInput) => parseSearchLeniently(discountPageSearchSchema, raw),
  loader: async ({ context, params }) => {
    const { discountQueries } = await discountScreens();
    return context.queryClient.ensureQueryData(discountQueries.detail(params.discountId));
  },
  component: lazyRouteComponent(() => import('./discount-screen'), 'DiscountScreen'),
});

// ---- Customers: the list (its view in the URL) and a customer's page with their orders.
/** One import site for the customer screens' chunk. */
const customerScreens = () => import('./customer-screens');

const customersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/customers',
  validateSearch: (raw: Partial<CustomerListSearch> & SearchSchemaInput) => parseSearchLeniently(customerListSearchSchema, raw),
  search: { middlewares: [stripSearchParams(CUSTOMER_LIST_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps, cause }) => {
    const { customerQueries } = await customerScreens();
    await awaitOnEnter(cause, context.queryClient.prefetchQuery(customerQueries.list(customerSearchToQuery(deps))));
  },
  component: lazyRouteComponent(customerScreens, 'CustomersPage'),
});

const customerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/customers/$customerId',
  loader: async ({ context, params }) => {
    const { customerQueries } = await customerScreens();
    return context.queryClient.ensureQueryData(customerQueries.detail(params.customerId));
  },
  component: lazyRouteComponent(customerScreens, 'CustomerScreen'),
});
// ---- end of customers

// ---- Replenishment: the reorder view, purchase orders and suppliers; the lists' views in the URL.
/** One import site for the replenishment screens' chunk. */
const replenishmentScreens = () => import('./replenishment-screens');

const reorderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reorder',
  validateSearch: (raw: Partial<ReorderSearch> & SearchSchemaInput) => parseSearchLeniently(reorderSearchSchema, raw),
  search: { middlewares: [stripSearchParams(REORDER_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps, cause }) => {
    const { reorderQueries } = await replenishmentScreens();
    await awaitOnEnter(cause, context.queryClient.prefetchQuery(reorderQueries.list(reorderSearchToQuery(deps))));
  },
  component: lazyRouteComponent(replenishmentScreens, 'ReorderScreen'),
});

const purchaseOrdersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/purchase-orders',
  validateSearch: (raw: Partial<PurchaseOrderSearch> & SearchSchemaInput) => parseSearchLeniently(purchaseOrderSearchSchema, raw),
  search: { middlewares: [stripSearchParams(PURCHASE_ORDER_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps, cause }) => {
    const { purchaseOrderQueries } = await replenishmentScreens();
    await awaitOnEnter(cause, context.queryClient.prefetchQuery(purchaseOrderQueries.list(purchaseOrderSearchToQuery(deps))));
  },
  component: lazyRouteComponent(replenishmentScreens, 'PurchaseOrdersPage'),
});

const purchaseOrderNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/purchase-orders/new',
  component: lazyRouteComponent(replenishmentScreens, 'PurchaseOrderCreatePage'),
});

const purchaseOrderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/purchase-orders/$purchaseOrderId',
  loader: async ({ context, params }) => {
    const { purchaseOrderQueries } = await replenishmentScreens();
    return context.queryClient.ensureQueryData(purchaseOrderQueries.detail(params.purchaseOrderId));
  },
  component: lazyRouteComponent(replenishmentScreens, 'PurchaseOrderPage'),
});

const suppliersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/suppliers',
  component: lazyRouteComponent(replenishmentScreens, 'SuppliersPage'),
});
// ---- end of replenishment

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('./settings/settings-page'), 'SettingsPage'),
});

// ---- Pricing: bulk change with preview, batches, price history. Views live in the URL.
const pricingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pricing',
  validateSearch: (raw: Partial<BulkPriceSearch> & SearchSchemaInput) => parseSearchLeniently(bulkPriceSearchSchema, raw),
  search: { middlewares: [stripSearchParams(BULK_PRICE_DEFAULTS)] },
  component: lazyRouteComponent(() => import('@/features/pricing/components/bulk-price-page'), 'BulkPricePage'),
});
const priceBatchesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pricing/batches',
  validateSearch: (raw: Partial<BatchListSearch> & SearchSchemaInput) => parseSearchLeniently(batchListSearchSchema, raw),
  search: { middlewares: [stripSearchParams(BATCH_LIST_DEFAULTS)] },
  component: lazyRouteComponent(() => import('@/features/pricing/components/batches-page'), 'BatchesPage'),
});
const priceBatchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pricing/batches/$batchId',
  validateSearch: (raw: Partial<PagedSearch> & SearchSchemaInput) => parseSearchLeniently(pagedSearchSchema, raw),
  search: { middlewares: [stripSearchParams(PAGED_DEFAULTS)] },
  component: lazyRouteComponent(() => import('@/features/pricing/components/batch-page'), 'BatchPage'),
});
const priceHistoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pricing/history',
  validateSearch: (raw: Partial<PriceHistorySearch> & SearchSchemaInput) => parseSearchLeniently(priceHistorySearchSchema, raw),
  search: { middlewares: [stripSearchParams(PAGED_DEFAULTS)] },
  component: lazyRouteComponent(() => import('@/features/pricing/components/price-history-page'), 'PriceHistoryPage'),
});
/** The import moved under Products; an old link or bookmark still lands on it. */
const pricingImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pricing/import',
  beforeLoad: () => {
    throw redirect({ to: '/products/import', replace: true });
  },
});
// ---- end of pricing

const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  dashboardRoute,
  productsRoute,
  productNewRoute,
  productImportRoute,
  productEditRoute,
  pricingRoute,
  priceBatchesRoute,
  priceBatchRoute,
  priceHistoryRoute,
  pricingImportRoute,
  inventoryRoute,
  inventoryLedgerRoute,
  inventoryReceiveRoute,
  reorderRoute,
  purchaseOrdersRoute,
  purchaseOrderNewRoute,
  purchaseOrderRoute,
  suppliersRoute,
  ordersRoute,
  orderRoute,
  returnsRoute,
  discountsRoute,
  discountNewRoute,
  discountRoute,
  customersRoute,
  customerRoute,
  reportsRoute,
  reportsSummaryRoute,
  reportsProfitRoute,
  reportsSellThroughRoute,
  reportsRefundsRoute,
  reportsLinesRoute,
  auditRoute,
  settingsRoute,
]);

/** The router the guard preloads screens with (the latest made: one per page, or per test). */
let appRouter: AnyRouter | undefined;

export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  const router = makeRouter(queryClient, history);
  appRouter = router;
  return router;
}

function makeRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    defaultPendingComponent: PendingScreen,
    // Once shown (after a second), the spinner gives way as soon as the screen is ready, not half a second later.
    defaultPendingMinMs: 0,
    // The query cache decides freshness; the router only asks it.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}

/** The app's router, made once per App; app.tsx loads this module lazily, so index.html carries no route table. */
export function AppRouter({ queryClient, history }: { queryClient: QueryClient; history?: RouterHistory }) {
  const [router] = useState(() => createAppRouter(queryClient, history));
  return <RouterProvider router={router} />;
}
