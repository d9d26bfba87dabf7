import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { RouterHistory } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import type { AppRouter } from './router';
import { createQueryClient } from './query-client';
import { MANTINE_SETUP } from './theme';

// The toast container (and its animation library) loads right after the shell; toasts
// raised before it arrives are kept by the notifications store and shown when it does.
const Notifications = lazy(() => import('@mantine/notifications').then((m) => ({ default: m.Notifications })));

/**
 * The app around its router. The route table (with every list's URL schemas and zod) is a chunk of its own, so
 * index.html carries only the shell: main.tsx loads it and hands it in. (Not React.lazy: React holds back revealing
 * a part that suspended for up to 300 ms, which held every first screen back by about 200 ms.)
 * Tests hand in their own query client (made by createQueryClient, so writes refresh what they change) and an
 * in-memory history; the app makes its own.
 */
export function App({
  Router,
  queryClient: given,
  history,
}: {
  Router: typeof AppRouter;
  queryClient?: QueryClient;
  history?: RouterHistory;
}) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  // Under tests Mantine skips transitions and portals, so what opens is there at once.
  return (
    <MantineProvider {...MANTINE_SETUP} env={import.meta.env.MODE === 'test' ? 'test' : 'default'}>
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={null}>
          <Notifications position="bottom-right" />
        </Suspense>
        <Router queryClient={queryClient} history={history} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
