/**
 * The sign-in page as HTML, drawn at build time into index.html (vite.config.ts): a first visit shows the page before
 * any script has loaded, and the app replaces it when it draws its own (lib/prerendered.ts says when it is shown).
 */
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { SignInLayout } from '@/features/auth/components/sign-in-page';
import { MANTINE_SETUP } from './theme';

export function renderSignIn(): string {
  return renderToString(
    <MantineProvider {...MANTINE_SETUP}>
      <QueryClientProvider client={new QueryClient()}>
        <SignInLayout beforeScripts onSignedIn={() => undefined} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}
