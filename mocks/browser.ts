/**
 * The page's interception layer for the mock API: MSW's service worker, with one handler for
 * /api (and one for the seeded pictures' host) that hands each request (method, URL, headers,
 * body) to the mock's worker (mock-client.ts, mock-worker.ts) and answers with its reply.
 * Resolves once requests are intercepted; the worker queues them until its shop is ready.
 */
import { http, HttpResponse, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import type { MockClient } from './mock-client';
import { MOCK_SERVICE_WORKER_URL } from './worker-protocol';

/** The seeded pictures' reserved host (src/demo-shop/seed.ts IMAGE_HOST), named here so the page's chunk holds no seed code. */
const IMAGE_HOST = 'https://images.stockroom.test';

export async function startMockApi(mock: MockClient): Promise<void> {
  const forward = async ({ request }: { request: Request }) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    let answer;
    try {
      answer = await mock.request({ method: request.method, url: request.url, headers: [...request.headers], body });
    } catch (error) {
      // The worker could not answer (it did not start, or the request broke it): the app shows why, as for any refused request.
      const detail = error instanceof Error ? error.message : String(error);
      return HttpResponse.json(
        { type: 'about:blank', status: 503, title: 'The mock API could not answer', detail },
        { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    if (!answer) return passthrough();
    if (answer.error) return HttpResponse.error();
    return new HttpResponse(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  };
  const msw = setupWorker(http.all('/api/*', forward), http.all(`${IMAGE_HOST}/*`, forward));
  await msw.start({ serviceWorker: { url: MOCK_SERVICE_WORKER_URL }, onUnhandledRequest: 'bypass', quiet: true });
}
