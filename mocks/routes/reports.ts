/** Reports: the store's clock, sales over a range and the breakdowns. */
import type { HttpHandler } from 'msw';
import { STORE_TIME_ZONE } from '../../src/contract/constants';
import { storeDate } from '../../src/domain/store-time';
import type { RouteKit } from './route';

export function reportRoutes({ db, route }: RouteKit): HttpHandler[] {
  return [
    route('reports.clock', () => ({ today: storeDate(db.now()), timeZone: STORE_TIME_ZONE })),
    route('reports.sales', ({ query }) => db.salesReport(query)),
    route('reports.breakdown', ({ query }) => db.salesBreakdown(query)),
  ];
}
