import { auditSearchToQuery, type AuditSearch } from './search';

const view = (from?: string, to?: string): AuditSearch => ({ page: 1, pageSize: 25, sort: '-at', from, to });

describe('auditSearchToQuery', () => {
  it('asks for store days (America/New_York), whatever the browser’s zone', () => {
    expect(auditSearchToQuery(view('2026-11-25', '2026-11-25'))).toMatchObject({
      from: '2026-11-25T05:00:00.000Z',
      to: '2026-11-26T05:00:00.000Z',
    });
    expect(auditSearchToQuery(view('2026-07-04', '2026-07-04'))).toMatchObject({
      from: '2026-07-04T04:00:00.000Z',
      to: '2026-07-05T04:00:00.000Z',
    });
  });

  it('includes the whole last day, also the 25 hours of the day the clocks go back', () => {
    expect(auditSearchToQuery(view('2026-11-01', '2026-11-01'))).toMatchObject({
      from: '2026-11-01T04:00:00.000Z',
      to: '2026-11-02T05:00:00.000Z',
    });
  });

  it('leaves out a bound that is not set', () => {
    expect(auditSearchToQuery(view())).toEqual({ sort: '-at', offset: 0, limit: 25, from: undefined, to: undefined });
  });
});
