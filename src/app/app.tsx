import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { useState } from 'react';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { theme } from './theme';

/** Tests hand in their own query client and an in-memory history; the app makes its own. */
export function App({ queryClient: given, history }: { queryClient?: QueryClient; history?: RouterHistory } = {}) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  const [router] = useState(() => createAppRouter(queryClient, history));
  // Under tests Mantine skips transitions and portals, so what opens is there at once.
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" env={import.meta.env.MODE === 'test' ? 'test' : 'default'}>
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <Notifications position="bottom-right" />
          <RouterProvider router={router} />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
