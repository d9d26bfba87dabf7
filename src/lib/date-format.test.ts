import { storeDate, storeDayStartMs, storeTimeToIso } from '../domain/store-time';
import { csvMoment, formatMoment, formatMomentWithSeconds, formatStoreDay, formatStoreDayShort, formatStoreMonth } from './date-format';

describe('formatMoment', () => {
  it('shows a winter instant on Eastern Standard Time (UTC−5), labelled ET', () => {
    expect(formatMoment('2026-11-25T08:12:00.000Z')).toBe('Nov 25, 2026, 3:12 AM ET');
    expect(formatMoment('2026-11-27T05:00:00.000Z')).toBe('Nov 27, 2026, 12:00 AM ET');
  });

  it('shows a summer instant on Eastern Daylight Time (UTC−4), labelled ET', () => {
    expect(formatMoment('2026-07-04T13:30:00.000Z')).toBe('Jul 4, 2026, 9:30 AM ET');
  });

  it('names the store’s day for a late evening that is already tomorrow in UTC', () => {
    // 11 PM on Nov 25 in New York is 04:00 on Nov 26 in UTC: the store (and its day filters) say Nov 25.
    const lateEvening = '2026-11-26T04:00:00.000Z';
    expect(formatMoment(lateEvening)).toBe('Nov 25, 2026, 11:00 PM ET');
    expect(storeDate(Date.parse(lateEvening))).toBe('2026-11-25');
    expect(formatMoment(lateEvening).startsWith(formatStoreDay(storeDate(Date.parse(lateEvening))))).toBe(true);
  });

  it('shows the moments either side of a store day’s start on the days they belong to', () => {
    const start = storeDayStartMs('2026-11-25');
    expect(formatMoment(new Date(start - 60_000).toISOString())).toBe('Nov 24, 2026, 11:59 PM ET');
    expect(formatMoment(new Date(start).toISOString())).toBe('Nov 25, 2026, 12:00 AM ET');
  });

  it('reads back what the store’s clock was set to', () => {
    expect(formatMoment(storeTimeToIso('2026-03-08', '03:00')!)).toBe('Mar 8, 2026, 3:00 AM ET');
    expect(formatMoment(storeTimeToIso('2026-11-01', '00:30')!)).toBe('Nov 1, 2026, 12:30 AM ET');
  });

  it('keeps seconds where asked', () => {
    expect(formatMomentWithSeconds('2026-11-25T08:12:05.900Z')).toBe('Nov 25, 2026, 3:12:05 AM ET');
  });
});

describe('store days', () => {
  it('are calendar dates, named without moving', () => {
    expect(formatStoreDay('2026-11-25')).toBe('Nov 25, 2026');
    expect(formatStoreDay('2027-01-01')).toBe('Jan 1, 2027');
    expect(formatStoreDayShort('2026-11-03')).toBe('Nov 3');
    expect(formatStoreMonth('2026-11-30')).toBe('Nov 2026');
  });
});

describe('csvMoment', () => {
  it.each([
    ['2026-11-25T08:12:00.000Z', '2026-11-25T03:12:00-05:00'], // EST
    ['2026-07-04T13:30:45.250Z', '2026-07-04T09:30:45-04:00'], // EDT, whole seconds
    ['2026-11-26T04:00:00.000Z', '2026-11-25T23:00:00-05:00'], // tomorrow in UTC, today in the store
    ['2026-01-01T04:59:59.000Z', '2025-12-31T23:59:59-05:00'], // the year before in the store
  ])('%s → %s', (iso, csv) => expect(csvMoment(iso)).toBe(csv));

  it('changes offset with the clocks, in spring and in autumn', () => {
    // Spring forward, Mar 8 2026: 1:59:59 EST is followed by 3:00:00 EDT.
    expect(csvMoment('2026-03-08T06:59:59.000Z')).toBe('2026-03-08T01:59:59-05:00');
    expect(csvMoment('2026-03-08T07:00:00.000Z')).toBe('2026-03-08T03:00:00-04:00');
    // Fall back, Nov 1 2026: 1:30 comes twice, an hour apart; the offset tells them apart.
    expect(csvMoment('2026-11-01T05:30:00.000Z')).toBe('2026-11-01T01:30:00-04:00');
    expect(csvMoment('2026-11-01T06:30:00.000Z')).toBe('2026-11-01T01:30:00-05:00');
  });

  it('is the same instant as the one it was given', () => {
    for (const iso of ['2026-03-08T07:00:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z', '2026-07-04T13:30:00.000Z']) {
      expect(new Date(csvMoment(iso)).toISOString()).toBe(iso);
    }
  });

  it('refuses what is not an instant', () => {
    expect(() => csvMoment('yesterday')).toThrow(RangeError);
  });
});

describe('the process’s own time zone', () => {
  // Run the file under TZ=Asia/Tokyo and TZ=UTC too; this also loads the module afresh under other zones,
  // so a formatter built at load time without an explicit timeZone would be caught here.
  it.each(['Asia/Tokyo', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('plays no part (%s)', async (zone) => {
    const before = process.env.TZ;
    process.env.TZ = zone;
    try {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
      vi.resetModules();
      const fresh = await import('./date-format');
      expect(fresh.formatMoment('2026-11-26T04:00:00.000Z')).toBe('Nov 25, 2026, 11:00 PM ET');
      expect(fresh.formatMoment('2026-07-04T13:30:00.000Z')).toBe('Jul 4, 2026, 9:30 AM ET');
      expect(fresh.formatStoreDay('2026-11-25')).toBe('Nov 25, 2026');
      expect(fresh.csvMoment('2026-11-26T04:00:00.000Z')).toBe('2026-11-25T23:00:00-05:00');
      expect(fresh.csvMoment('2026-07-04T13:30:00.000Z')).toBe('2026-07-04T09:30:00-04:00');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
