/**
 * The store's wall clock (America/New_York): a sale "starts Friday at
 * midnight" there, wherever the merchandiser sits. Converts a date and time
 * on that clock to the UTC instant the API speaks, across DST changes.
 */
export const STORE_TIME_ZONE = 'America/New_York';

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

/** The store clock's reading at an instant, as if it were UTC (so the difference is the offset). */
function wallClockMs(instant: number): number {
  const p: Record<string, number> = {};
  for (const { type, value } of parts.formatToParts(instant)) if (type !== 'literal') p[type] = Number(value);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
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
  let instant = wall - (wallClockMs(wall) - wall);
  instant = wall - (wallClockMs(instant) - instant);
  return new Date(instant).toISOString();
}

const storeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: STORE_TIME_ZONE,
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** "Nov 27, 2026, 12:00 AM ET": a moment on the store's clock. */
export function formatStoreTime(iso: string): string {
  return `${storeFormat.format(new Date(iso))} ET`;
}
