/**
 * The demo's MSW worker (a build for the mock only: a build for a real API ships none, so this file is
 * not among the journeys scripts/engine.ts runs on the server) fetches, under its own script's policy,
 * every request of the page the mock does not answer: a product picture on another https host among them.
 */
import { describe, expect, test } from 'vitest';
import { setupBrowser } from './browser';
import { directives } from './csp';

const session = setupBrowser({}, { role: null });

describe('the demo’s worker', () => {
  test('may fetch the https pictures the mock does not answer; the rest of its policy is the page’s', async () => {
    const { baseUrl } = session;
    const page = directives((await fetch(new URL('/', baseUrl))).headers.get('Content-Security-Policy'));
    const worker = directives((await fetch(new URL('/mockServiceWorker.js', baseUrl))).headers.get('Content-Security-Policy'));
    expect(worker.get('connect-src')).toEqual([...(page.get('connect-src') ?? []), 'https:']);
    const withoutConnect = (policy: Map<string, string[]>) => new Map([...policy].filter(([name]) => name !== 'connect-src'));
    expect(withoutConnect(worker)).toEqual(withoutConnect(page));
  });
});
