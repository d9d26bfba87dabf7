import {
  ActionIcon,
  AppShell,
  Button,
  Burger,
  Group,
  Kbd,
  NavLink,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { CatchBoundary, Link, Outlet, useRouter, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import { can, ROLE_LABELS } from '@/contract/permissions';
import type { Session } from '@/contract/schemas';
import { setUnauthorizedHandler } from '@/api/unauthorized';
import { CurrentUserProvider } from '@/components/current-user';
import { SESSION_KEY } from '@/features/auth/api/session-key';
import { RouteError } from '../route-error';
import classes from './app-layout.module.css';
import { NAV_ITEMS } from './nav-items';
import { palette } from './palette-store';

// The palette (and its search) loads on first use, not with the shell.
const CommandPalette = lazy(() => import('./command-palette').then((m) => ({ default: m.CommandPalette })));
// The sign-in-again dialog (and the form schemas it needs) loads when a session first runs out, not with the first screen.
const loadReauth = () => import('@/features/auth/components/reauth-dialog');
const ReauthDialog = lazy(() => loadReauth().then((m) => ({ default: m.ReauthDialog })));
// The alerts bell (and the contract's schemas it parses with) loads after the shell has painted, not with it.
const AlertsBell = lazy(() => import('@/features/alerts/components/alerts-bell').then((m) => ({ default: m.AlertsBell })));

export function AppLayout() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // Sign-in is a page of its own, without the navigation of someone signed in.
  if (pathname === '/sign-in') return <Outlet />;
  return <SignedInLayout pathname={pathname} />;
}

function SignedInLayout({ pathname }: { pathname: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // The route guard has loaded the session before this renders; this only follows the cache.
  const { data: session } = useQuery<Session>({ queryKey: SESSION_KEY, queryFn: skipToken });
  const user = session?.user ?? null;
  const goToSignIn = () => router.history.push(`/sign-in?redirect=${encodeURIComponent(router.state.location.href)}`);
  const signOut = async () => {
    const { signOut: endSession } = await import('@/features/auth/api/session-mutations');
    await endSession(queryClient);
    router.history.push('/sign-in');
  };
  const [reauthNeeded, setReauthNeeded] = useState(false);
  useEffect(
    () =>
      setUnauthorizedHandler(async () => {
        setReauthNeeded(true);
        return (await loadReauth()).requestSignIn();
      }),
    [],
  );
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  // Until the palette has loaded, the shortcut loads it; afterwards the palette owns the shortcut.
  useHotkeys(paletteLoaded ? [] : [['mod+K', () => setPaletteLoaded(true)]]);
  const [opened, { toggle, close }] = useDisclosure();
  // Below Mantine's `sm` breakpoint the navigation is the burger menu: the person and Sign out move into it,
  // so the header keeps only what fits a phone. One of the two is rendered, never both.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

  return (
    <CurrentUserProvider value={user}>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <a href="#main" className={classes.skipLink}>
          Skip to content
        </a>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <Text fw={700} size="lg" component={Link} to="/products" className={classes.brand}>
                Stockroom
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <UnstyledButton
                className={classes.searchButton}
                onClick={() => (paletteLoaded ? palette.open() : setPaletteLoaded(true))}
                aria-label="Search and jump to (Ctrl+K)"
              >
                <svg className={classes.searchIcon} viewBox="0 0 16 16" width="16" height="16" aria-hidden>
                  <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
                  <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
                </svg>
                {/* On a phone the box is the icon alone: there is no room for words, and no keyboard for Ctrl K. */}
                <Text size="sm" c="dimmed" component="span" visibleFrom="sm">
                  Search orders, customers, products…
                </Text>
                <Kbd size="xs" visibleFrom="sm">
                  {isMac ? '⌘' : 'Ctrl'} K
                </Kbd>
              </UnstyledButton>
              {user && !phone && (
                <Text size="sm" component="span">
                  {user.name} · {ROLE_LABELS[user.role]}
                </Text>
              )}
              <Suspense fallback={null}>
                <AlertsBell />
              </Suspense>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
                aria-label={scheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
              >
                <span aria-hidden>{scheme === 'dark' ? '☀' : '☾'}</span>
              </ActionIcon>
              {!phone && (
                <Button variant="default" size="sm" onClick={() => void signOut()}>
                  Sign out
                </Button>
              )}
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label="Main">
          {NAV_ITEMS.filter((item) => item.permission === null || can(user?.role, item.permission)).map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
              onClick={close}
            />
          ))}
          {/* On a phone the header has no room for the person and Sign out: they close the menu instead. */}
          {phone && (
            <div className={classes.navFooter}>
              {user && (
                <Text size="sm" c="dimmed">
                  {user.name} · {ROLE_LABELS[user.role]}
                </Text>
              )}
              <Button variant="default" size="sm" onClick={() => void signOut()}>
                Sign out
              </Button>
            </div>
          )}
        </AppShell.Navbar>
        <AppShell.Main id="main">
          {/* One boundary per section: a failing screen keeps the navigation usable. */}
          <CatchBoundary getResetKey={() => pathname} errorComponent={RouteError}>
            <Outlet />
          </CatchBoundary>
        </AppShell.Main>
        {paletteLoaded && (
          <Suspense fallback={null}>
            <CommandPalette openOnMount />
          </Suspense>
        )}
        {reauthNeeded && (
          <Suspense fallback={null}>
            <ReauthDialog email={user?.email} onGiveUp={goToSignIn} />
          </Suspense>
        )}
      </AppShell>
    </CurrentUserProvider>
  );
}
