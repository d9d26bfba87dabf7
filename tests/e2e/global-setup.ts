/**
 * Serves the already built dist/ with `vite preview` on a free port for the
 * whole run, and hands its address to the tests through vitest's provide/inject
 * (or the address in STOCKROOM_E2E_BASE_URL: a build against the real API).
 */
import type { ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startPreview, stopPreview } from './preview-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  // The journeys against the real API (npm run test:engine) get the address of a build already served.
  const given = process.env.STOCKROOM_E2E_BASE_URL;
  if (given) {
    project.provide('baseUrl', given);
    return;
  }
  const preview = await startPreview();
  server = preview.child;
  project.provide('baseUrl', preview.url);
}

export async function teardown(): Promise<void> {
  await stopPreview(server);
  server = undefined;
}
