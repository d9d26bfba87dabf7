/**
 * The mock target: when STOCKROOM_API_URL is not set, each test file starts the
 * mock API in-process (msw/node) over a freshly seeded store of its own.
 *
 * Two things make the mock answer plain HTTP the way a server does:
 * - Its routes are relative (`/api/products`), matched against `location`; Node
 *   has none, so the mock's origin is given one (the driver's BASE_URL).
 * - The mock keeps the session "cookie" in one jar of its own (AuthStorage: in
 *   the browser, localStorage; in Node, one variable), not in Cookie/Set-Cookie
 *   headers, so only one person could be signed in per process. The outermost
 *   handler below moves the token between the request's Cookie header and that
 *   jar for the length of one request and answers Set-Cookie when it changed.
 *   Requests are handled one at a time so a request never sees another's token.
 *   Nothing else of the mock is touched: every test talks HTTP only.
 */
import { getResponse, http, type HttpHandler } from 'msw';
import { AGAINST_MOCK, BASE_URL } from './driver';

const SESSION_COOKIE = 'stockroom_session';
const LISTENING = Symbol.for('stockroom.contract.listening');

if (AGAINST_MOCK) {
  (globalThis as { location?: unknown }).location ??= new URL(`${BASE_URL}/`);
  const { server, resetMockDb, mockDb } = await import('../../mocks/node');

  let token: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const sessionCookies: HttpHandler = http.all(`${BASE_URL}/api/*`, ({ request }) =>
    oneAtATime(async () => {
      const sent = /(?:^|;\s*)stockroom_session=([^;]+)/.exec(request.headers.get('Cookie') ?? '')?.[1] ?? null;
      token = sent;
      const inner = server.listHandlers().filter((h) => h !== sessionCookies) as HttpHandler[];
      const response = await getResponse(inner, request);
      if (!response) return undefined;
      if (token === sent) return response;
      const headers = new Headers(response.headers);
      headers.append(
        'Set-Cookie',
        token
          ? `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`
          : `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`,
      );
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }),
  );

  beforeAll(() => {
    resetMockDb();
    mockDb().authStorage = {
      load: () => null,
      save: () => undefined,
      revision: () => null,
      cookie: () => token,
      setCookie: (next) => void (token = next),
    };
    // The files of a worker share one module graph (vitest.contract.config.ts), so one server: it listens once, and
    // each file puts its own session handler in front of the mock's.
    const shared = globalThis as { [LISTENING]?: boolean };
    if (!shared[LISTENING]) server.listen({ onUnhandledRequest: 'error' });
    shared[LISTENING] = true;
    server.resetHandlers();
    server.use(sessionCookies);
  });
}
