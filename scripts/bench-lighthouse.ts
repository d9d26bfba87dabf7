/**
 * Issue 18's Lighthouse row: Lighthouse's mobile preset (its default: a mid-range phone, simulated slow 4G and a 4×
 * slower CPU) against the production build, on the sign-in page of a first visit and on the dashboard signed in.
 * Lighthouse 12.2 (13 needs Node 22) drives the same Debian Chromium as the rest of the bench, through its debugging
 * port: a profile of its own, so the signed-in run keeps the mock's session, service worker and kept shop (the
 * sign-in run starts from an empty origin, as Lighthouse does by default).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { signIn } from '../tests/e2e/app.ts';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';

export type LighthouseRun = { score: number; totalBlockingMs: number };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))));
    });
  });
}

async function audit(url: string, port: number, keepStorage: boolean): Promise<LighthouseRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    disableStorageReset: keepStorage,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  return {
    score: Math.round((categories.performance?.score ?? 0) * 100),
    totalBlockingMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
  };
}

/** `runs` audits of each page, in a fresh Chromium profile signed in as the manager between the two. */
export async function lighthouseRuns(baseUrl: string, runs: number): Promise<{ signIn: LighthouseRun[]; dashboard: LighthouseRun[] }> {
  const port = await freePort();
  const profile = await mkdtemp(join(tmpdir(), 'stockroom-lighthouse-'));
  const options = chromiumLaunchOptions();
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    args: [...(options.args ?? []), `--remote-debugging-port=${port}`],
  });
  try {
    const signInPage: LighthouseRun[] = [];
    for (let i = 0; i < runs; i++) signInPage.push(await audit(`${baseUrl}/sign-in`, port, false));
    // Sign in on the profile's origin (the mock keeps its session in localStorage), then audit the dashboard keeping it.
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, baseUrl, 'manager');
    await page.goto(`${baseUrl}/dashboard`);
    await page.locator('main .recharts-surface').first().waitFor({ timeout: 60_000 });
    const dashboard: LighthouseRun[] = [];
    for (let i = 0; i < runs; i++) dashboard.push(await audit(`${baseUrl}/dashboard`, port, true));
    return { signIn: signInPage, dashboard };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
