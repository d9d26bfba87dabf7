/**
 * Bulk price changes (preview, batches, revert) and price history, and the
 * schedule step that `createHandlers` puts before every other API route, so
 * prices are what the schedule says at the moment of the read.
 */
import { http, type HttpHandler } from 'msw';
import { routePath } from '../../src/contract/routes';
import {
  createPriceBatch,
  getPriceBatch,
  listBatchItems,
  listPriceBatches,
  listPriceHistory,
  previewPage,
  revertPriceBatch,
  settleSchedule,
} from '../price-writes';
import type { MockDb } from '../store';
import type { RouteKit } from './route';

/** Falls through (no answer) to the route asked for, once due schedule steps have run. */
export function scheduleStep(db: MockDb): HttpHandler {
  return http.all(/\/api\/(?!_mock|session)/, async () => {
    try {
      await settleSchedule(db);
    } catch (error) {
      console.error('[mock] a scheduled price change could not run', error);
    }
  });
}

export function pricingRoutes({ db, route }: RouteKit): HttpHandler[] {
  return [
    route('pricing.preview', ({ body }) => previewPage(db, body)),
    route('pricing.createBatch', async ({ actor, body, idempotency, headers }) => {
      const batch = await createPriceBatch(db, actor, body, idempotency);
      headers.set('Location', routePath('pricing.getBatch', { id: batch.id }));
      return batch;
    }),
    route('pricing.listBatches', ({ query }) => listPriceBatches(db, query)),
    route('pricing.getBatch', ({ params }) => getPriceBatch(db, params.id)),
    route('pricing.batchItems', ({ params, query }) => listBatchItems(db, params.id, query)),
    route('pricing.revert', ({ actor, params, idempotency }) => revertPriceBatch(db, actor, params.id, idempotency)),
    route('pricing.history', ({ query }) => listPriceHistory(db, query)),
  ];
}
