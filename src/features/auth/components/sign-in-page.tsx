import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useLayoutEffect, useRef } from 'react';
import type { SignInInput } from '@/contract/schemas';
import { removePrerendered } from '@/lib/prerendered';
import { DemoStaff } from './demo-staff';
import { SignInForm } from './sign-in-form';

const usingMock = !import.meta.env.VITE_API_URL;
const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { redirect } = route.useSearch();
  const router = useRouter();
  const target = redirect ?? '/products';
  // The screen a sign-in leads to loads its code once the person starts (a field focused, a button pressed), so it
  // draws as soon as they are let in; not before, where evaluating it would hold the page while it is first drawn.
  const started = useRef(false);
  const loadNextScreen = () => {
    if (started.current) return;
    started.current = true;
    for (const match of router.matchRoutes(target, {})) {
      const next = (router.routesById as Record<string, Parameters<typeof router.loadRouteChunk>[0] | undefined>)[match.routeId];
      if (next) void router.loadRouteChunk(next)?.catch(() => undefined);
    }
  };
  // The copy index.html showed until now goes in the same frame as this one is drawn.
  useLayoutEffect(removePrerendered, []);
  return <SignInLayout onSignedIn={() => router.history.push(target)} onStart={loadNextScreen} />;
}

/**
 * The page itself, also drawn at build time into index.html (app/sign-in-prerender.tsx) with `beforeScripts`: shown at
 * once, not usable until the app replaces it.
 */
export function SignInLayout({
  onSignedIn,
  onStart,
  beforeScripts = false,
}: {
  onSignedIn: () => void;
  /** The person started: a field focused or a button pressed. */
  onStart?: () => void;
  beforeScripts?: boolean;
}) {
  const fill = useRef<((values: SignInInput) => void) | null>(null);
  return (
    <Center mih="100vh" p="md" component="main" id="main" onFocus={onStart} onPointerDown={onStart}>
      <Stack w="100%" maw={560} gap="lg">
        <Paper withBorder p="lg" radius="md">
          <Title order={1} size="h2" mb={4}>
            Sign in to Stockroom
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Use the email and password your admin gave you.
          </Text>
          <SignInForm formRef={(f) => (fill.current = f)} onSignedIn={onSignedIn} beforeScripts={beforeScripts} />
        </Paper>
        {usingMock && <DemoStaff onUse={(person) => fill.current?.(person)} />}
      </Stack>
    </Center>
  );
}
