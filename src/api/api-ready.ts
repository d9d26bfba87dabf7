let ready: Promise<unknown> = Promise.resolve();

/**
 * Holds requests until the API can answer. The in-page mock starts while the
 * app renders (so neither waits for the other); requests made meanwhile wait here.
 * Its own module, free of zod, because the shell's entry calls it.
 */
export function holdRequestsUntil(promise: Promise<unknown>): void {
  ready = promise;
}

export function apiReady(): Promise<unknown> {
  return ready;
}
