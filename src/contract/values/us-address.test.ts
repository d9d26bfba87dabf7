import { addressProblems, isStateCode, isZip, normalizeState, normalizeZip, stateName, US_STATES } from './us-address';

describe('US states', () => {
  it('are the 50 states and DC, each code once', () => {
    expect(US_STATES).toHaveLength(51);
    expect(new Set(US_STATES.map((s) => s.code)).size).toBe(51);
    expect(stateName('DC')).toBe('District of Columbia');
    expect(stateName('NY')).toBe('New York');
  });

  it.each(['CA', 'NY', 'DC', 'WY', 'AK', 'HI'])('knows %s', (code) => {
    expect(isStateCode(code)).toBe(true);
  });

  it.each(['ca', 'PR', 'GU', 'XX', 'C', 'CAL', '', ' CA'])('refuses %j', (code) => {
    expect(isStateCode(code)).toBe(false);
  });

  it('normalises what people type', () => {
    expect(normalizeState(' ny ')).toBe('NY');
    expect(normalizeState('california')).toBe('CA');
    expect(normalizeState('Calif.')).toBe('CALIF.');
  });
});

describe('ZIP codes', () => {
  it.each(['10001', '94103', '00501', '10001-1234'])('accepts %s', (zip) => {
    expect(isZip(zip)).toBe(true);
  });

  it.each(['1000', '100011', '10001-123', '10001 1234', '100011234', 'ABCDE', '10001-', ''])('refuses %j', (zip) => {
    expect(isZip(zip)).toBe(false);
  });

  it('writes nine bare digits as ZIP+4', () => {
    expect(normalizeZip(' 100011234 ')).toBe('10001-1234');
    expect(normalizeZip('10001')).toBe('10001');
    expect(isZip(normalizeZip('100011234'))).toBe(true);
  });
});

describe('addressProblems', () => {
  it('names each bad field', () => {
    expect(addressProblems({ state: 'NJ', zip: '08817' })).toEqual({});
    expect(addressProblems({ state: 'XX', zip: '0881' })).toEqual({
      state: 'Choose a US state (two letters, like NY)',
      zip: 'Enter a 5-digit ZIP code, or ZIP+4 like 10001-1234',
    });
  });
});
