/**
 * What the mock serves beyond the route table: the guard every request passes
 * first (another site's change, a body over its limit), the mock's own control
 * routes under /api/_mock (no simulated network: resetting a slow, flaky mock
 * must itself be quick and sure), the pictures of the seeded image URLs, and
 * the 404 for anything else under /api.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { bodySizeRefusal, crossSiteRefusal } from '../../src/contract/request-rules';
import { DEMO_STAFF } from '../../src/demo-shop/demo-staff';
import { productPictureSvg } from '../../src/demo-shop/product-pictures';
import { IMAGE_HOST } from '../../src/demo-shop/seed';
import { notPartOfApi } from '../../src/contract/problems';
import { issuesToErrors, ProblemError } from '../problems';
import { mockSettingsSchema } from '../settings';
import type { MockDb } from '../store';
import { jsonOf, param, withProblems, type RouteKit } from './route';

/** Before any route: a change from another site, or a body over the route's limit, goes no further. */
export function requestGuard(): HttpHandler {
  return http.all(
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
  );
}

/** The mock's settings, and when its shop was made (its orders run up to then). */
function settingsAnswer(db: MockDb) {
  return { ...db.settings, madeAt: new Date(db.anchorMs).toISOString() };
}

export function controlRoutes({ db, control }: RouteKit): HttpHandler[] {
  return [
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
        const parsed = mockSettingsSchema.partial().safeParse(jsonOf(await request.text()));
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

    // Seeded images point at a reserved host; each file name says what to draw (src/demo-shop/product-pictures.ts).
    http.get(
      `${IMAGE_HOST}/products/:file`,
      ({ params }) =>
        new HttpResponse(productPictureSvg(param(params.file)), {
          headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400' },
        }),
    ),
  ];
}

/** Anything else under /api is a real 404, in the contract's shape, rather than falling through to the dev server. */
export function notFoundRoute(): HttpHandler {
  return http.all(
    '/api/*',
    withProblems(({ request }) => {
      throw notPartOfApi(request.method, new URL(request.url).pathname);
    }),
  );
}
