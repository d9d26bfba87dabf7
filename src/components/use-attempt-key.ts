import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '@/api/client';

/**
 * One Idempotency-Key per attempt: the same request sent again (a double click,
 * a retry after a network failure) carries the same key, so the API applies it
 * once; a changed request (other numbers, a fresh version after a 409, another
 * file) is a new attempt with a new key. `reset` after a success, so doing the
 * same thing again on purpose is not mistaken for a retry.
 */
export function useAttemptKey() {
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    return attempt.current.key;
  }, []);
  const reset = useCallback(() => {
    attempt.current = null;
  }, []);
  return { keyFor, reset };
}
