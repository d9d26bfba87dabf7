import { createTheme, Notification, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white on blue and blue on white above 4.5:1 (WCAG AA); 6 does not.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // A toast's close button is an icon: without a name, a screen reader announces only "button".
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
  },
});

/**
 * Mantine's dimmed text is 3.3:1 on white and 3.5:1 on dark cards, and its field errors 3.3:1 (light)
 * and 3:1 (dark); these pass AA on every surface.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-error': t.colors.red[9] },
  dark: { '--mantine-color-dimmed': t.colors.dark[1], '--mantine-color-error': t.colors.red[4] },
});

/** The MantineProvider's settings, the app's and the prerendered sign-in page's (sign-in-prerender.tsx) alike. */
export const MANTINE_SETUP = { theme, cssVariablesResolver, defaultColorScheme: 'auto' } as const;
