import { notifications } from '@mantine/notifications';
import { createMemoryHistory, type RouterHistory } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetMockDb, server, signInAs } from '../../mocks/node';
import type { Role } from '../../src/contract/permissions';
import { App } from '../../src/app/app';
import { AppRouter } from '../../src/app/router';
import { createQueryClient } from '../../src/app/query-client';

/** Every request the mock API received during the test, in order. */
export const received: Request[] = [];

/**
 * The shared lifecycle: msw/node over the real handlers, a pristine seeded shop per test,
 * signed in as `role` (null: nobody, to test signing in).
 */
export function setupMockApi({ role = 'admin' }: { role?: Role | null } = {}) {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', ({ request }) => void received.push(request.clone()));
  });
  beforeEach(() => {
    received.length = 0;
    resetMockDb();
    if (role) signInAs(role);
  });
  afterEach(() => {
    server.resetHandlers();
    // Toasts live in a module-level store; one test's must not show up in the next.
    notifications.clean();
  });
  afterAll(() => server.close());
}

/** Renders the whole app at a URL, with a fresh query client (the app's, so writes refresh what they change) that does not retry. */
export function renderApp(url: string): { history: RouterHistory; user: ReturnType<typeof userEvent.setup> } {
  const history = createMemoryHistory({ initialEntries: [url] });
  const queryClient = createQueryClient({ retry: false });
  const user = userEvent.setup({ delay: null });
  render(<App Router={AppRouter} queryClient={queryClient} history={history} />);
  return { history, user };
}

/** The query strings of every GET of a path the API received. */
export function searchesOf(pathname: string): URLSearchParams[] {
  return received.filter((r) => r.method === 'GET' && new URL(r.url).pathname === pathname).map((r) => new URL(r.url).searchParams);
}

export async function findTable(name: string) {
  return screen.findByRole('table', { name });
}
