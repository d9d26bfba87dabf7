import './app/zod-jitless';
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { startMockWorker } from '../mocks/mock-client';
import { holdRequestsUntil, startOnFirstRequest } from './api/api-ready';
import { App } from './app/app';
import { signInScreen } from './app/sign-in-screen';
import { removePrerendered, SIGNING_IN_ATTRIBUTE } from './lib/prerendered';

const usingMock = !import.meta.env.VITE_API_URL;
// A visit that will land on the sign-in page (index.html's boot script tells: its address, or on the mock no session in
// this browser) loads that screen alongside the router rather than after it.
const signingIn = document.documentElement.hasAttribute(SIGNING_IN_ATTRIBUTE);
if (signingIn) void signInScreen().catch(() => undefined);
// The sign-in page index.html holds (hidden on this visit) goes; on the way to signing in, that screen takes it away.
else removePrerendered();

// Without a real API configured, the mock commerce API answers from a worker. Signed in, it starts before the app (a
// build's index.html starts it; startMockWorker takes it over) or with it: the worker makes its shop (or makes it again
// from what this browser kept) while msw's service worker registers and the shell and the first screen load; requests
// wait for the service worker, then in the worker. On the way to signing in it starts with the first request (the demo
// accounts), after the form is drawn: the form needs none of its 600 KB.
if (usingMock) {
  const startMock = () => {
    const client = startMockWorker();
    return import('../mocks/browser').then(({ startMockApi }) => startMockApi(client));
  };
  if (signingIn) startOnFirstRequest(startMock);
  else holdRequestsUntil(startMock());
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
import('./app/router').then(
  // As a transition: React draws the first screen in slices, between which the page answers (msw's forwarding too).
  ({ AppRouter }) => startTransition(() => createRoot(root).render(<App Router={AppRouter} />)),
  (error: unknown) => {
    // A deploy replaced the chunks under an open tab, or the network dropped: say so rather than show a blank page.
    removePrerendered();
    root.textContent = 'Stockroom could not load. Check the connection and reload the page.';
    console.error(error);
  },
);
