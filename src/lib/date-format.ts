/**
 * Every moment and day the UI shows, on the store's clock (America/New_York)
 * whatever the browser's zone, and labelled: the day beside a row is the day
 * the filters and reports count it on. The one place the app formats dates.
 */
import { STORE_TIME_ZONE } from '../contract/constants';
import { storeWallClockMs } from '../domain/store-time';

/** The zone's name beside every time shown: "ET" covers both EST and EDT, as the store's own clock does. */
const ZONE_LABEL = 'ET';

// Intl formatters are slow to build and cheap to reuse: one of each, made once.
const moment = new Intl.DateTimeFormat('en-US', { timeZone: STORE_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
const momentWithSeconds = new Intl.DateTimeFormat('en-US', { timeZone: STORE_TIME_ZONE, dateStyle: 'medium', timeStyle: 'medium' });
// A store day is a calendar date, not an instant: read at UTC midnight and shown in UTC, no zone can move it.
const day = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' });
const dayShort = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const month = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' });

/** "Nov 25, 2026, 3:12 AM ET": an instant (ISO 8601) on the store's clock. */
export function formatMoment(iso: string): string {
  return `${moment.format(Date.parse(iso))} ${ZONE_LABEL}`;
}

/** "Nov 25, 2026, 3:12:05 AM ET": for a log whose entries can come seconds apart. */
export function formatMomentWithSeconds(iso: string): string {
  return `${momentWithSeconds.format(Date.parse(iso))} ${ZONE_LABEL}`;
}

const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** "Nov 25, 2026": a store day (YYYY-MM-DD), as the filters and reports name it. */
export function formatStoreDay(date: string): string {
  return day.format(dayMs(date));
}

/** "Nov 25": a store day on a chart's axis. */
export function formatStoreDayShort(date: string): string {
  return dayShort.format(dayMs(date));
}

/** "Nov 2026": the month a store day (YYYY-MM-DD) is in. */
export function formatStoreMonth(date: string): string {
  return month.format(dayMs(date));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-11-25T03:12:00-05:00": an instant for a CSV file, on the store's clock
 * with its offset then (-05:00 in winter, -04:00 in summer). A spreadsheet reads
 * the store's day and time from it, and nothing is lost: it is the same instant.
 * Whole seconds, like the times people type.
 */
export function csvMoment(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 instant: ${iso}`);
  const instant = Math.floor(ms / 1000) * 1000;
  const wall = storeWallClockMs(instant);
  const offsetMinutes = Math.round((wall - instant) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${new Date(wall).toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
