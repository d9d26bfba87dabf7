import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  Kbd,
  NavLink,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { CatchBoundary, Link, Outlet, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { RouteError } from '../route-error';
import classes from './app-layout.module.css';
import { NAV_ITEMS } from './nav-items';
import { palette } from './palette-store';

// The palette (and its search) loads on first use, not with the shell.
const CommandPalette = lazy(() => import('./command-palette').then((m) => ({ default: m.CommandPalette })));

export function AppLayout() {
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  // Until the palette has loaded, the shortcut loads it; afterwards the palette owns the shortcut.
  useHotkeys(paletteLoaded ? [] : [['mod+K', () => setPaletteLoaded(true)]]);
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

  return (
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
              <Text size="sm" c="dimmed" component="span">
                Search products, jump to…
              </Text>
              <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'} K</Kbd>
            </UnstyledButton>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
              aria-label={scheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            >
              <span aria-hidden>{scheme === 'dark' ? '☀' : '☾'}</span>
            </ActionIcon>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            onClick={close}
          />
        ))}
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
    </AppShell>
  );
}
