/**
 * The HTTP face of the mock: parse and validate like a real server, call the
 * store, answer JSON or problem+json. Every API route goes through `api()`,
 * which adds the simulated network (latency, failures) and turns thrown
 * ProblemErrors into responses.
 */
import type { z } from 'zod';
import { delay, http, HttpResponse, type HttpHandler, type HttpResponseResolver } from 'msw';
import { can, refusal, type Action } from '../src/contract/permissions';
import { auditListQuerySchema, productListQuerySchema, signInInputSchema } from '../src/contract/schemas';
import { inventoryListQuerySchema, ledgerQuerySchema } from '../src/contract/stock-schemas';
import { orderListQuerySchema } from '../src/contract/order-schemas';
import { breakdownQuerySchema, salesReportQuerySchema } from '../src/contract/report-schemas';
import { STORE_TIME_ZONE } from '../src/contract/constants';
import { storeDate } from '../src/domain/store-time';
import { addOrderNote, cancelOrder, fulfilOrder, orderNotFound, refundOrder } from './order-writes';
import { DEMO_STAFF } from '../src/demo-shop/demo-staff';
import { bulkUpdateStatus, createProduct, parseBulkStatusInput, parseProductInput, updateProduct } from './product-writes';
import { badQuery } from '../src/contract/problems';
import { bodySizeRefusal, crossSiteRefusal } from '../src/contract/request-rules';
import { issuesToErrors, ProblemError, problemResponse } from './problems';
import { pricingHandlers } from './pricing-handlers';
import { IMAGE_HOST } from '../src/demo-shop/seed';
import { LOCATIONS } from '../src/demo-shop/catalogue';
import { adjustStock, receiveDelivery, setThreshold, transferStock } from './stock-writes';
import { mockSettingsSchema } from './settings';
import { createStaff, parseStaffCreate, parseStaffUpdate, updateStaff } from './staff-writes';
import { notFound, type Actor, type MockDb } from './store';

type Resolver = HttpResponseResolver<Record<string, string | readonly string[]>, never>;
type ResolverInfo = Parameters<Resolver>[0];
type AuthedResolver = (info: ResolverInfo, actor: Actor) => ReturnType<Resolver>;

function withProblems(resolver: Resolver): Resolver {
  return async (info) => {
    try {
      return await resolver(info);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error.problem);
      console.error('[mock] handler crashed', error);
      return problemResponse({ type: 'about:blank', status: 500, title: 'Mock server error', detail: String(error) });
    }
  };
}

/** ±25 % jitter, so requests fired together do not all land at once (as on a real network). */
function jittered(ms: number): number {
  return Math.max(0, Math.round(ms * (0.75 + Math.random() * 0.5)));
}

function param(value: string | readonly string[] | undefined): string {
  return typeof value === 'string' ? value : (value?.[0] ?? '');
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError({ status: 400, title: 'Unreadable request', detail: 'The request body is not valid JSON.' });
  }
}

/** `"3"`, `3` or `W/"3"` → 3; null when the header is missing. */
function ifMatchVersion(request: Request): number | null {
  const header = request.headers.get('If-Match');
  if (header === null || header.trim() === '') return null;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) {
    throw new ProblemError({ status: 400, title: 'Bad If-Match header', detail: 'If-Match must carry the version you edited, like "3".' });
  }
  return Number(match[1]);
}

/** The key and what it was first sent with: the same key with another request is refused, not replayed. */
function idempotencyOf(request: Request, body: unknown): { key: string; fingerprint: string } | null {
  const key = request.headers.get('Idempotency-Key')?.trim();
  return key ? { key, fingerprint: `${request.method} ${new URL(request.url).pathname} ${JSON.stringify(body)}` } : null;
}

function requireIdempotency(request: Request, body: unknown, what: string): { key: string; fingerprint: string } {
  const idempotency = idempotencyOf(request, body);
  if (!idempotency) {
    throw new ProblemError({
      status: 400,
      title: 'Idempotency-Key required',
      detail: `${what} need an Idempotency-Key header so a retry cannot apply them twice.`,
    });
  }
  return idempotency;
}

function withEtag(version: number, init: ResponseInit = {}): ResponseInit {
  return { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ETag: `"${version}"` } };
}

/** Repeated parameters (status=a&status=b) mean the same as a comma list. */
function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  return query;
}

/** A list's query string, checked like a request body: a bad one is a 400 naming the fields. */
function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.infer<S> {
  const parsed = schema.safeParse(queryObject(new URL(request.url)));
  if (!parsed.success) throw badQuery(parsed.error.issues);
  return parsed.data;
}

const CATEGORY_TINTS: Record<string, [string, string]> = {
  audio: ['#e7f0ff', '#1c4f9c'],
  wearables: ['#e9f7ef', '#1e6b3c'],
  power: ['#fff4e0', '#8a4b00'],
  'cables-chargers': ['#f1ecff', '#4b2f94'],
  'cases-protection': ['#fdeaea', '#8c2323'],
  'smart-home': ['#e6f6f6', '#155e63'],
};

/** A tinted tile with the category's initial: readable at thumbnail size, and one per category and view. */
function placeholderSvg(file: string): string {
  const [, category = '', view = '1'] = /^(.*)-(\d+)\.svg$/.exec(file) ?? [];
  const [background, ink] = CATEGORY_TINTS[category] ?? ['#eef1f5', '#4a5361'];
  const initial = (category[0] ?? '?').toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400"><rect width="400" height="400" fill="${background}"/><circle cx="200" cy="200" r="${110 + Number(view) * 12}" fill="none" stroke="${ink}" stroke-opacity="0.25" stroke-width="18"/><text x="200" y="250" font-family="sans-serif" font-size="150" font-weight="700" fill="${ink}" text-anchor="middle">${initial}</text></svg>`;
}

export function createHandlers(db: MockDb): HttpHandler[] {
  /** An API route: simulated network first, then the resolver. */
  const api = (resolver: Resolver): Resolver =>
    withProblems(async (info) => {
      const { latencyMs, failureRate } = db.settings;
      if (latencyMs > 0) await delay(jittered(latencyMs));
      if (failureRate > 0 && Math.random() < failureRate) {
        return problemResponse({
          type: 'about:blank',
          status: 503,
          title: 'Simulated failure',
          detail: 'The mock API failed this request on purpose (failure rate setting). Try again.',
        });
      }
      return resolver(info);
    });
  /** Control routes skip the simulated network: resetting a slow, flaky mock must itself be quick and sure. */
  const control = withProblems;
  /**
   * An API route for signed-in people: 401 without a live session, 403 when the
   * role may not read this. Writes check their own permission again in db.write.
   */
  const authed = (permission: Action, resolver: AuthedResolver): Resolver =>
    api((info) => {
      const actor = db.actor();
      if (!can(actor.role, permission))
        throw new ProblemError({ status: 403, title: 'Not allowed', detail: refusal(actor.role, permission) });
      return resolver(info, actor);
    });

  return [
    // Before any route: a change from another site, or a body over the route's limit, goes no further.
    http.all(
      '/api/*',
      withProblems(async ({ request }) => {
        const url = new URL(request.url);
        const refused = crossSiteRefusal({
          method: request.method,
          origin: request.headers.get('Origin'),
          secFetchSite: request.headers.get('Sec-Fetch-Site'),
          host: url.host,
        });
        if (refused) throw refused;
        if (request.body) {
          const tooBig = bodySizeRefusal(url.pathname, (await request.clone().arrayBuffer()).byteLength);
          if (tooBig) throw tooBig;
        }
        return undefined;
      }),
    ),
    // Pricing and import: first, because their schedule check runs before every other route.
    ...pricingHandlers(db, { authed, readJson, parseQuery, param }),

    http.get(
      '/api/products',
      authed('products.view', ({ request }) => {
        return HttpResponse.json(db.listProducts(parseQuery(productListQuerySchema, request)));
      }),
    ),

    http.post(
      '/api/products/bulk-status',
      authed('products.edit', async ({ request }, actor) => {
        const body = await readJson(request);
        const idempotency = requireIdempotency(request, body, 'Bulk changes');
        return HttpResponse.json(await bulkUpdateStatus(db, actor, parseBulkStatusInput(body), idempotency));
      }),
    ),

    http.get(
      '/api/products/:id',
      authed('products.view', ({ params }) => {
        const id = param(params.id);
        const product = db.getProduct(id);
        if (!product) throw notFound(id);
        return HttpResponse.json(product, withEtag(product.version));
      }),
    ),

    http.post(
      '/api/products',
      authed('products.edit', async ({ request }, actor) => {
        const body = await readJson(request);
        // The key is optional (a create is not a bulk change), but honoured: a retried create makes one product.
        const product = await createProduct(db, actor, parseProductInput(body), idempotencyOf(request, body));
        return HttpResponse.json(product, withEtag(product.version, { status: 201, headers: { Location: `/api/products/${product.id}` } }));
      }),
    ),

    http.put(
      '/api/products/:id',
      authed('products.edit', async ({ request, params }, actor) => {
        const id = param(params.id);
        const version = ifMatchVersion(request);
        const input = parseProductInput(await readJson(request));
        const product = await updateProduct(db, actor, id, version, input);
        return HttpResponse.json(product, withEtag(product.version));
      }),
    ),

    http.get(
      '/api/categories',
      authed('products.view', () => HttpResponse.json({ items: db.categories() })),
    ),

    http.get(
      '/api/tags',
      authed('products.view', () => HttpResponse.json({ items: db.tags() })),
    ),

    http.get(
      '/api/locations',
      authed('stock.view', () => HttpResponse.json({ items: LOCATIONS.map(({ id, name }) => ({ id, name })) })),
    ),

    http.get(
      '/api/inventory',
      authed('stock.view', ({ request }) => HttpResponse.json(db.listInventory(parseQuery(inventoryListQuerySchema, request)))),
    ),

    http.get(
      '/api/inventory/ledger',
      authed('stock.view', ({ request }) => HttpResponse.json(db.ledger(parseQuery(ledgerQuerySchema, request)))),
    ),

    http.post(
      '/api/inventory/adjustments',
      authed('stock.edit', async ({ request }, actor) => {
        const body = await readJson(request);
        return HttpResponse.json(await adjustStock(db, actor, body, requireIdempotency(request, body, 'Stock adjustments')));
      }),
    ),

    http.post(
      '/api/inventory/transfers',
      authed('stock.edit', async ({ request }, actor) => {
        const body = await readJson(request);
        return HttpResponse.json(await transferStock(db, actor, body, requireIdempotency(request, body, 'Transfers')));
      }),
    ),

    http.post(
      '/api/inventory/receipts',
      authed('stock.edit', async ({ request }, actor) => {
        const body = await readJson(request);
        return HttpResponse.json(await receiveDelivery(db, actor, body, idempotencyOf(request, body)));
      }),
    ),

    http.put(
      '/api/inventory/levels/:variantId/:locationId/threshold',
      authed('stock.edit', async ({ request, params }, actor) => {
        const version = ifMatchVersion(request);
        const level = await setThreshold(db, actor, param(params.variantId), param(params.locationId), version, await readJson(request));
        return HttpResponse.json(level, withEtag(level.version));
      }),
    ),

    http.get(
      '/api/orders',
      authed('orders.view', ({ request }) => HttpResponse.json(db.listOrders(parseQuery(orderListQuerySchema, request)))),
    ),

    http.get(
      '/api/orders/:id',
      authed('orders.view', ({ params }) => {
        const id = param(params.id);
        const order = db.getOrder(id);
        if (!order) throw orderNotFound(id);
        return HttpResponse.json(order, withEtag(order.version));
      }),
    ),

    ...(
      [
        ['fulfilments', fulfilOrder, 'Fulfilments'],
        ['cancel', cancelOrder, 'Cancellations'],
        ['refunds', refundOrder, 'Refunds'],
      ] as const
    ).map(([path, act, what]) =>
      http.post(
        `/api/orders/:id/${path}`,
        // The role is checked by the write itself (fulfil or refund); reading the order is the least a caller needs.
        authed('orders.view', async ({ request, params }, actor) => {
          const body = await readJson(request);
          const order = await act(db, actor, param(params.id), body, requireIdempotency(request, body, what));
          return HttpResponse.json(order, withEtag(order.version));
        }),
      ),
    ),

    http.post(
      '/api/orders/:id/notes',
      authed('orders.view', async ({ request, params }, actor) => {
        const body = await readJson(request);
        const order = await addOrderNote(db, actor, param(params.id), body, idempotencyOf(request, body));
        return HttpResponse.json(order, withEtag(order.version));
      }),
    ),

    http.get(
      '/api/reports/clock',
      authed('reports.view', () => HttpResponse.json({ today: storeDate(db.now()), timeZone: STORE_TIME_ZONE })),
    ),

    http.get(
      '/api/reports/sales',
      authed('reports.view', ({ request }) => HttpResponse.json(db.salesReport(parseQuery(salesReportQuerySchema, request)))),
    ),

    http.get(
      '/api/reports/breakdown',
      authed('reports.view', ({ request }) => HttpResponse.json(db.salesBreakdown(parseQuery(breakdownQuerySchema, request)))),
    ),

    http.post(
      '/api/session',
      api(async ({ request }) => {
        const parsed = signInInputSchema.safeParse(await readJson(request));
        if (!parsed.success) {
          throw new ProblemError({
            status: 422,
            title: 'The request has invalid fields',
            detail: 'Enter an email and a password.',
            errors: issuesToErrors(parsed.error.issues),
          });
        }
        return HttpResponse.json(await db.signIn(parsed.data.email, parsed.data.password));
      }),
    ),

    http.get(
      '/api/session',
      api(() => HttpResponse.json(db.session())),
    ),

    http.delete(
      '/api/session',
      api(() => {
        db.signOut();
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.get(
      '/api/staff',
      // Managers read the names too: the audit log filters by person.
      authed('audit.view', () => {
        const items = db.listStaff();
        return HttpResponse.json({ items, total: items.length });
      }),
    ),

    http.post(
      '/api/staff',
      authed('staff.manage', async ({ request }, actor) => {
        const staff = await createStaff(db, actor, parseStaffCreate(await readJson(request)));
        return HttpResponse.json(staff, withEtag(staff.version, { status: 201 }));
      }),
    ),

    http.patch(
      '/api/staff/:id',
      authed('staff.manage', async ({ request, params }, actor) => {
        const version = ifMatchVersion(request);
        const staff = await updateStaff(db, actor, param(params.id), version, parseStaffUpdate(await readJson(request)));
        return HttpResponse.json(staff, withEtag(staff.version));
      }),
    ),

    http.get(
      '/api/audit',
      authed('audit.view', ({ request }) => {
        return HttpResponse.json(db.listAudit(parseQuery(auditListQuerySchema, request)));
      }),
    ),

    // The log is append-only: no route changes or removes an entry, and saying so beats a bare 404.
    http.all(
      /\/api\/audit(\/.*)?$/,
      control(() => {
        throw new ProblemError({ status: 405, title: 'The audit log is read-only', detail: 'Audit entries cannot be changed or deleted.' });
      }),
    ),

    // Mock only: the demo staff and their passwords, for the sign-in page. A real API has no such route.
    http.get(
      '/api/_mock/staff-credentials',
      control(() => HttpResponse.json({ items: DEMO_STAFF.map(({ email, name, role, password }) => ({ email, name, role, password })) })),
    ),

    // Mock only: the current session expires now, to see and test what happens mid-work.
    http.post(
      '/api/_mock/expire-session',
      control(() => {
        db.expireSession();
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.post(
      '/api/_mock/reset',
      control(async () => {
        await db.reset();
        return HttpResponse.json({ ok: true, settings: db.settings });
      }),
    ),

    http.get(
      '/api/_mock/settings',
      control(() => HttpResponse.json(settingsAnswer(db))),
    ),

    http.put(
      '/api/_mock/settings',
      control(async ({ request }) => {
        const parsed = mockSettingsSchema.partial().safeParse(await readJson(request));
        if (!parsed.success) {
          throw new ProblemError({
            status: 422,
            title: 'Invalid mock settings',
            detail: 'Some settings are out of range.',
            errors: issuesToErrors(parsed.error.issues),
          });
        }
        await db.updateSettings(parsed.data);
        return HttpResponse.json(settingsAnswer(db));
      }),
    ),

    // Seeded images point at a reserved host; serving a placeholder keeps the screens from showing broken images.
    http.get(
      `${IMAGE_HOST}/products/:file`,
      ({ params }) =>
        new HttpResponse(placeholderSvg(param(params.file)), {
          headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400' },
        }),
    ),

    // Anything else under /api is a real 404, in the contract's shape, rather than falling through to the dev server.
    http.all(
      '/api/*',
      control(({ request }) => {
        throw new ProblemError({
          status: 404,
          title: 'Not found',
          detail: `${request.method} ${new URL(request.url).pathname} is not part of the API.`,
        });
      }),
    ),
  ];
}

/** The mock's settings, and when its shop was made (its orders run up to then). */
function settingsAnswer(db: MockDb) {
  return { ...db.settings, madeAt: new Date(db.anchorMs).toISOString() };
}
