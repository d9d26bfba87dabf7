import { nextStoreDay, storeDate, storeDayStartMs } from './store-time';

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
