/** Reports: the store's clock, sales over a range, the breakdowns, the records behind each figure, profit and sell-through. */
import type { HttpHandler } from 'msw';
import { STORE_TIME_ZONE } from '../../src/contract/constants';
import { storeDate } from '../../src/domain/store-time';
import type { RouteKit } from './route';

export function reportRoutes({ db, route }: RouteKit): HttpHandler[] {
  return [
    route('reports.clock', () => ({ today: storeDate(db.now()), timeZone: STORE_TIME_ZONE })),
    route('reports.sales', ({ query }) => db.salesReport(query)),
    route('reports.breakdown', ({ query }) => db.salesBreakdown(query)),
    route('reports.summary', ({ query }) => db.salesSummary(query)),
    route('reports.refunds', ({ query }) => db.refundRecords(query)),
    route('reports.lines', ({ query }) => db.saleLines(query)),
    route('reports.profit', ({ query }) => db.profitReport(query)),
    route('reports.sellThrough', ({ query }) => db.sellThrough(query)),
  ];
}
