/**
 * The built app is served with its security headers (vite.config.ts, README
 * "Deploying the app") and works under them: signing in, the dashboard's
 * charts and the product list with its pictures report no Content-Security-Policy
 * violation, and the pictures show.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { openScreen, productTable, REAL_API, signIn, UI_TIMEOUT, waitForProductRows } from './app';
import { setupBrowser } from './browser';
import { directives } from './csp';

const session = setupBrowser({}, { role: null });

describe('security headers', () => {
  test('the page, a deep link and a script are served with them', async () => {
    const { baseUrl } = session;
    for (const path of ['/', '/products?status=active']) {
      const page = await fetch(new URL(path, baseUrl));
      const html = await page.text();
      const policy = directives(page.headers.get('Content-Security-Policy'));
      // index.html's one inline script (the colour scheme, whether the visit lands on sign-in) is allowed by its hash.
      const inline = [...html.matchAll(/<script>([^<]*)<\/script>/g)].map(
        ([, text = '']) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`,
      );
      expect(inline).toHaveLength(1);
      expect({
        path,
        status: page.status,
        'script-src': policy.get('script-src'),
        'default-src': policy.get('default-src'),
        'object-src': policy.get('object-src'),
        'frame-ancestors': policy.get('frame-ancestors'),
        'style-src': policy.get('style-src'),
        nosniff: page.headers.get('X-Content-Type-Options'),
        referrer: page.headers.get('Referrer-Policy'),
        frames: page.headers.get('X-Frame-Options'),
      }).toEqual({
        path,
        status: 200,
        'script-src': ["'self'", ...inline],
        'default-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        nosniff: 'nosniff',
        referrer: 'no-referrer',
        frames: 'DENY',
      });
      // The built index.html loads its entry as a file, served as what it is.
      const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1] ?? '';
      const js = await fetch(new URL(script, baseUrl));
      expect([script, js.headers.get('Content-Type'), js.headers.get('X-Content-Type-Options')]).toEqual([
        expect.stringMatching(/^\/assets\/.+\.js$/),
        'text/javascript',
        'nosniff',
      ]);
    }
  });

  test('signing in, the dashboard and the product list with its pictures break none of the policy', async () => {
    const { context, page, baseUrl } = session;
    const violations: string[] = [];
    await context.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
          `${e.effectiveDirective} refused ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
        ),
      );
    });
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });

    await signIn(page, baseUrl, 'manager');
    await openScreen(page, baseUrl, '/dashboard?range=last_90_days');
    const revenue = page.getByRole('region', { name: 'Revenue', exact: true }).getByText(/^\$[\d,]+\.\d\d$/);
    await revenue.waitFor({ timeout: UI_TIMEOUT });
    await page.locator('main svg.recharts-surface').first().waitFor({ timeout: UI_TIMEOUT });

    await openScreen(page, baseUrl, '/products?sort=title');
    await waitForProductRows(page);
    if (!REAL_API) {
      // The demo's pictures (https://images.stockroom.test/…) come from the mock, through its service worker.
      const thumbnails = productTable(page).locator('tbody img');
      await thumbnails.first().waitFor({ timeout: UI_TIMEOUT });
      await page.waitForFunction(
        () => {
          // The first rows' (the rest load lazily, as they scroll into view).
          const images = [...document.querySelectorAll<HTMLImageElement>('table[aria-label="Products"] tbody img')].slice(0, 3);
          return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0);
        },
        null,
        { timeout: UI_TIMEOUT },
      );
    }
    expect(violations).toEqual([]);
  });
});
