import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import type { SignInInput } from '@/contract/schemas';
import { DemoStaff } from './demo-staff';
import { SignInForm } from './sign-in-form';

const usingMock = !import.meta.env.VITE_API_URL;
const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { redirect } = route.useSearch();
  const router = useRouter();
  const fill = useRef<((values: SignInInput) => void) | null>(null);
  const target = redirect ?? '/products';
  // The screen a sign-in leads to loads its code while the person types, so it draws as soon as it is let in.
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const match of router.matchRoutes(target, {})) {
        const next = (router.routesById as Record<string, Parameters<typeof router.loadRouteChunk>[0] | undefined>)[match.routeId];
        if (next) void router.loadRouteChunk(next)?.catch(() => undefined);
      }
    }, 100);
    return () => clearTimeout(timer);
  }, [router, target]);
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Stack w="100%" maw={560} gap="lg">
        <Paper withBorder p="lg" radius="md">
          <Title order={1} size="h2" mb={4}>
            Sign in to Stockroom
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Use the email and password your admin gave you.
          </Text>
          <SignInForm formRef={(f) => (fill.current = f)} onSignedIn={() => router.history.push(target)} />
        </Paper>
        {usingMock && <DemoStaff onUse={(person) => fill.current?.(person)} />}
      </Stack>
    </Center>
  );
}
