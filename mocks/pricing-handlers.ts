/**
 * The pricing and import routes of the mock API, and the schedule check that
 * runs before every API request (so prices are what the schedule says at the
 * moment of the read). `createHandlers` spreads these first and lends its helpers.
 */
import { http, HttpResponse, type HttpHandler, type HttpResponseResolver } from 'msw';
import type { z } from 'zod';
import type { Action } from '../src/contract/permissions';
import {
  pageQuerySchema,
  priceBatchInputSchema,
  priceBatchListQuerySchema,
  priceHistoryQuerySchema,
  pricePreviewInputSchema,
  productImportInputSchema,
} from '../src/contract/pricing-schemas';
import {
  createPriceBatch,
  getPriceBatch,
  listBatchItems,
  listPriceBatches,
  listPriceHistory,
  previewPage,
  revertPriceBatch,
  settleSchedule,
} from './price-writes';
import { parseBody, ProblemError } from './problems';
import { applyImport, dryRunImport } from './product-import';
import type { Actor, MockDb } from './store';

type Params = Record<string, string | readonly string[]>;
type Resolver = HttpResponseResolver<Params, never>;
type Info = { request: Request; params: Params };

export type RouteTools = {
  authed: (permission: Action, resolver: (info: Info, actor: Actor) => Response | Promise<Response>) => Resolver;
  readJson: (request: Request) => Promise<unknown>;
  parseQuery: <S extends z.ZodType>(schema: S, request: Request) => z.infer<S>;
  param: (value: string | readonly string[] | undefined) => string;
};

/** Writes that change prices carry an Idempotency-Key, so a retry cannot apply them twice. */
function idempotencyOf(request: Request, body: unknown): { key: string; fingerprint: string } {
  const key = request.headers.get('Idempotency-Key')?.trim();
  if (!key) {
    throw new ProblemError({
      status: 400,
      title: 'Idempotency-Key required',
      detail: 'Price changes and imports need an Idempotency-Key header so a retry cannot apply them twice.',
    });
  }
  return { key, fingerprint: `${request.method} ${new URL(request.url).pathname} ${JSON.stringify(body)}` };
}

export function pricingHandlers(db: MockDb, { authed, readJson, parseQuery, param }: RouteTools): HttpHandler[] {
  return [
    // Falls through (no answer) to the route asked for, once due schedule steps have run.
    http.all(/\/api\/(?!_mock|session)/, async () => {
      try {
        await settleSchedule(db);
      } catch (error) {
        console.error('[mock] a scheduled price change could not run', error);
      }
    }),

    http.post(
      '/api/pricing/preview',
      authed('products.edit', async ({ request }) => {
        const input = parseBody(pricePreviewInputSchema, await readJson(request));
        return HttpResponse.json(previewPage(db, input));
      }),
    ),

    http.post(
      '/api/pricing/batches',
      authed('products.edit', async ({ request }, actor) => {
        const body = await readJson(request);
        const input = parseBody(priceBatchInputSchema, body);
        const batch = await createPriceBatch(db, actor, input, idempotencyOf(request, input));
        return HttpResponse.json(batch, { status: 201, headers: { Location: `/api/pricing/batches/${batch.id}` } });
      }),
    ),

    http.get(
      '/api/pricing/batches',
      authed('products.view', ({ request }) => HttpResponse.json(listPriceBatches(db, parseQuery(priceBatchListQuerySchema, request)))),
    ),

    http.get(
      '/api/pricing/batches/:id',
      authed('products.view', ({ params }) => HttpResponse.json(getPriceBatch(db, param(params.id)))),
    ),

    http.get(
      '/api/pricing/batches/:id/items',
      authed('products.view', ({ request, params }) =>
        HttpResponse.json(listBatchItems(db, param(params.id), parseQuery(pageQuerySchema, request))),
      ),
    ),

    http.post(
      '/api/pricing/batches/:id/revert',
      authed('products.edit', async ({ request, params }, actor) => {
        const id = param(params.id);
        return HttpResponse.json(await revertPriceBatch(db, actor, id, idempotencyOf(request, { id })));
      }),
    ),

    http.get(
      '/api/pricing/history',
      authed('products.view', ({ request }) => HttpResponse.json(listPriceHistory(db, parseQuery(priceHistoryQuerySchema, request)))),
    ),

    http.post(
      '/api/products/import',
      authed('products.edit', async ({ request }, actor) => {
        const input = parseBody(productImportInputSchema, await readJson(request));
        if (input.dryRun) return HttpResponse.json(dryRunImport(db, input.csv));
        return HttpResponse.json(await applyImport(db, actor, input.csv, idempotencyOf(request, input)));
      }),
    ),
  ];
}
