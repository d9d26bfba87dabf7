/**
 * How this project starts Chromium: Debian's binary (playwright cannot download
 * its own here), driven by playwright-core. Shared by the e2e journeys and the
 * benchmark, and free of vitest so a plain script can import it.
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** A width at which the navbar is shown (Mantine's `sm` breakpoint is 48em) and the list's columns fit. */
export const VIEWPORT = { width: 1400, height: 900 };
