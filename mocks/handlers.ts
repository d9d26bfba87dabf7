/**
 * The HTTP face of the mock: every route of the table (src/contract/routes.ts),
 * served by `route()` (mocks/routes/route.ts) with the table's method, path,
 * permission and request rules, and per resource in mocks/routes/. Their order
 * matters where noted: the guard and the schedule step run before every route,
 * the 404 after all of them.
 */
import { replenishmentRoutes } from './routes/replenishment';
import type { HttpHandler } from 'msw';
import { catalogueRoutes } from './routes/catalogue';
import { controlRoutes, notFoundRoute, requestGuard } from './routes/control';
import { discountRoutes } from './routes/discounts';
import { inventoryRoutes } from './routes/inventory';
import { orderRoutes } from './routes/orders';
import { pricingRoutes, scheduleStep } from './routes/pricing';
import { reportRoutes } from './routes/reports';
import { routeKit } from './routes/route';
import { sessionStaffAuditRoutes } from './routes/session-staff-audit';
import { viewRoutes } from './routes/views';
import type { MockDb } from './store';

export function createHandlers(db: MockDb): HttpHandler[] {
  const kit = routeKit(db);
  const handlers = [
    // Before any route: a change from another site, or a body over its limit, goes no further.
    requestGuard(),
    // Then due price schedule steps run, so every route reads prices as the schedule has them now.
    scheduleStep(db),
    ...sessionStaffAuditRoutes(kit),
    ...catalogueRoutes(kit),
    ...inventoryRoutes(kit),
    ...replenishmentRoutes(kit),
    ...orderRoutes(kit),
    ...reportRoutes(kit),
    ...discountRoutes(kit),
    ...pricingRoutes(kit),
    ...viewRoutes(kit),
    ...controlRoutes(kit),
    // Last: anything else under /api is a 404 in the contract's shape.
    notFoundRoute(),
  ];
  const unserved = kit.unserved();
  if (unserved.length) throw new Error(`[mock] no handler serves ${unserved.join(', ')} of src/contract/routes.ts`);
  return handlers;
}
