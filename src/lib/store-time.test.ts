import { formatStoreTime, storeTimeToIso } from './store-time';

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

  it('shows an instant on the store clock', () => {
    expect(formatStoreTime('2026-11-27T05:00:00.000Z')).toBe('Nov 27, 2026, 12:00 AM ET');
  });
});
