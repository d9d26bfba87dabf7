import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { RouterHistory } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { createQueryClient } from './query-client';
import { cssVariablesResolver, theme } from './theme';

/**
 * The route table, with every list's URL schemas (and zod), is a chunk of its own: index.html
 * carries only the shell, and main.tsx starts this load before it renders.
 */
let routerModule: Promise<typeof import('./router')> | undefined;
export function loadRouterModule(): Promise<typeof import('./router')> {
  routerModule ??= import('./router');
  return routerModule;
}

const AppRouter = lazy(() => loadRouterModule().then((m) => ({ default: m.AppRouter })));

// The toast container (and its animation library) loads right after the shell; toasts
// raised before it arrives are kept by the notifications store and shown when it does.
const Notifications = lazy(() => import('@mantine/notifications').then((m) => ({ default: m.Notifications })));

/** Tests hand in their own query client (made by createQueryClient, so writes refresh what they change) and an in-memory history; the app makes its own. */
export function App({ queryClient: given, history }: { queryClient?: QueryClient; history?: RouterHistory } = {}) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  // Under tests Mantine skips transitions and portals, so what opens is there at once.
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      env={import.meta.env.MODE === 'test' ? 'test' : 'default'}
    >
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={null}>
          <Notifications position="bottom-right" />
        </Suspense>
        <Suspense fallback={null}>
          <AppRouter queryClient={queryClient} history={history} />
        </Suspense>
      </QueryClientProvider>
    </MantineProvider>
  );
}
