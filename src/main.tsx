import './app/zod-jitless';
import { createRoot } from 'react-dom/client';
import { holdRequestsUntil } from './api/api-ready';
import { App } from './app/app';

// Without a real API configured, the mock commerce API answers from a worker. It starts
// alongside the app: the worker seeds its shop while msw's service worker registers and the
// shell and the first screen load; requests wait for the service worker, then in the worker.
if (!import.meta.env.VITE_API_URL) {
  const mock = import('../mocks/mock-client').then(({ startMockWorker }) => startMockWorker());
  holdRequestsUntil(Promise.all([mock, import('../mocks/browser')]).then(([client, { startMockApi }]) => startMockApi(client)));
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
import('./app/router').then(
  ({ AppRouter }) => createRoot(root).render(<App Router={AppRouter} />),
  (error: unknown) => {
    // A deploy replaced the chunks under an open tab, or the network dropped: say so rather than show a blank page.
    root.textContent = 'Stockroom could not load. Check the connection and reload the page.';
    console.error(error);
  },
);
