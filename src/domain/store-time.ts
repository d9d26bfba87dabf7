/**
 * Days in the store's time zone (America/New_York), whatever the browser's
 * or the server's: date filters and report buckets count the same days for
 * everyone. Plain functions over Intl, for the app, the mock and a server.
 */
import { STORE_TIME_ZONE } from '../contract/constants';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: STORE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The store's wall clock at an instant, as if it were UTC: the difference is the zone's offset then. */
export function storeWallClockMs(ms: number): number {
  const p: Record<string, number> = {};
  for (const { type, value } of parts.formatToParts(ms)) if (type !== 'literal') p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The instant a store day (YYYY-MM-DD) begins. */
export function storeDayStartMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(y!, m! - 1, d!);
  // The offset at the guess, then again at the corrected instant (the two differ only across a DST change).
  let ms = midnightUtc - (storeWallClockMs(midnightUtc) - midnightUtc);
  ms = midnightUtc - (storeWallClockMs(ms) - ms);
  return ms;
}

/** The store day after `date`. */
export function nextStoreDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

const HOUR_MS = 3_600_000;
const offsetAt = (ms: number) => storeWallClockMs(ms) - ms;
/**
 * The zone's offset for each UTC hour seen so far, filled a UTC day at a time: offsets change on the hour and at most
 * once a day, so a day that begins and ends on one offset has it throughout (two Intl calls instead of 24; Intl is slow
 * at 200,000 calls, and a year of orders touches every hour).
 */
const offsetByHour = new Map<number, number>();

/** The store day (YYYY-MM-DD) an instant falls on. */
export function storeDate(ms: number): string {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const first = hour - (((hour % 24) + 24) % 24);
    const start = offsetAt(first * HOUR_MS);
    const same = start === offsetAt((first + 24) * HOUR_MS);
    for (let h = first; h < first + 24; h++) offsetByHour.set(h, same ? start : offsetAt(h * HOUR_MS));
    offset = offsetByHour.get(hour)!;
  }
  return new Date(ms + offset).toISOString().slice(0, 10);
}

/**
 * "2026-11-27" + "00:00" on the store's clock → ISO UTC. A time skipped by the
 * spring change reads as the hour after; a repeated autumn time as the first one.
 */
export function storeTimeToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  // The offset at a first guess, then again at the corrected instant (it may sit across a DST change).
  let instant = wall - (storeWallClockMs(wall) - wall);
  instant = wall - (storeWallClockMs(instant) - instant);
  return new Date(instant).toISOString();
}
