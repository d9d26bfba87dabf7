/**
 * The one clock. Everything that needs "now" (the mock's writes and seed, the
 * server's writes and seed, the app's defaults) takes a `Clock` and calls it;
 * nothing else reads the system time. Tests and demos start a clock at an
 * instant of their choosing and it runs at real speed from there, so a test
 * never depends on the day it runs and timers and sessions still behave.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/**
 * A clock that read `startMs` at system time `readAtMs` (by default, when made) and advances at real
 * speed: processes handed the same pair keep one time line, whenever each of them starts.
 */
export function clockFrom(startMs: number, readAtMs = Date.now()): Clock {
  return () => startMs + (Date.now() - readAtMs);
}

/**
 * A clock from a setting such as `STOCKROOM_NOW=2028-02-29T21:30:00-05:00`: any
 * instant `Date.parse` reads; unset or empty means the system clock. A value that
 * does not parse throws, so a mistyped setting fails at start, not as a shop in 1970.
 */
export function clockFromSetting(value: string | undefined, readAtMs?: number): Clock {
  if (!value) return systemClock;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`Not an instant: "${value}" (use ISO 8601, e.g. 2028-02-29T21:30:00-05:00)`);
  return clockFrom(ms, readAtMs);
}
