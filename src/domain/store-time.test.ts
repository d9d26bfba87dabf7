import { nextStoreDay, storeDate, storeDayStartMs, storeTimeToIso } from './store-time';

describe('store days (America/New_York)', () => {
  it('begin at local midnight, in winter and in summer', () => {
    expect(new Date(storeDayStartMs('2026-01-15')).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(new Date(storeDayStartMs('2026-07-04')).toISOString()).toBe('2026-07-04T04:00:00.000Z');
  });

  it('are 23 and 25 hours long on the days the clocks change', () => {
    const hours = (day: string) => (storeDayStartMs(nextStoreDay(day)) - storeDayStartMs(day)) / 3_600_000;
    expect(hours('2026-03-08')).toBe(23);
    expect(hours('2026-11-01')).toBe(25);
    expect(hours('2026-11-02')).toBe(24);
  });

  it('name the day an instant falls on there, not in UTC', () => {
    expect(storeDate(Date.parse('2026-11-27T03:30:00Z'))).toBe('2026-11-26');
    expect(storeDate(Date.parse('2026-11-27T05:00:00Z'))).toBe('2026-11-27');
    expect(nextStoreDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('store time (America/New_York)', () => {
  it.each([
    ['2026-11-27', '00:00', '2026-11-27T05:00:00.000Z'], // EST, UTC−5
    ['2026-07-04', '09:30', '2026-07-04T13:30:00.000Z'], // EDT, UTC−4
    ['2026-03-08', '03:00', '2026-03-08T07:00:00.000Z'], // first hour of EDT
    ['2026-11-01', '00:30', '2026-11-01T04:30:00.000Z'], // before the autumn change
    ['2026-11-01', '03:00', '2026-11-01T08:00:00.000Z'], // after it
  ])('%s %s is %s', (date, time, iso) => expect(storeTimeToIso(date, time)).toBe(iso));

  it('refuses what is not a date and a time', () => {
    expect(storeTimeToIso('27/11/2026', '00:00')).toBeNull();
    expect(storeTimeToIso('2026-11-27', '')).toBeNull();
  });
});
