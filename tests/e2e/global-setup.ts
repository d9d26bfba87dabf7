/**
 * Serves the already built dist/ with `vite preview` on a free port for the
 * whole run, and hands its address to the tests through vitest's provide/inject.
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
  const preview = await startPreview();
  server = preview.child;
  project.provide('baseUrl', preview.url);
}

export async function teardown(): Promise<void> {
  await stopPreview(server);
  server = undefined;
}
