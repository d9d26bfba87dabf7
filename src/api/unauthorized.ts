import type { ApiError } from './api-error';

/**
 * Called when the API answers 401 to anything but the session itself: the app
 * asks the person to sign in again (over the current screen) and resolves true
 * once they have, so the interrupted request is sent again; false gives up.
 * Its own module, free of zod, so the shell can register it cheaply.
 */
export type UnauthorizedHandler = (error: ApiError) => Promise<boolean>;
let handler: UnauthorizedHandler | null = null;

/** Returns the function that removes it again. */
export function setUnauthorizedHandler(next: UnauthorizedHandler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = null;
  };
}

export function unauthorizedHandler(): UnauthorizedHandler | null {
  return handler;
}
