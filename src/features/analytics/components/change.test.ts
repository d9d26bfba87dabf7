import { describe, expect, it } from 'vitest';
import { changeOf, describeChange } from './change';

describe('changeOf', () => {
  it('says up or down with a percentage to a tenth', () => {
    expect(describeChange(changeOf(112_345, 100_000))).toBe('Up 12.3%');
    expect(describeChange(changeOf(95_950, 100_000))).toBe('Down 4.1%');
    expect(describeChange(changeOf(300, 100))).toBe('Up 200.0%');
    expect(describeChange(changeOf(0, 100))).toBe('Down 100.0%');
  });

  it('has nothing to say when the comparison is zero or missing', () => {
    expect(describeChange(changeOf(500, 0))).toBe('—');
    expect(describeChange(changeOf(500, null))).toBe('—');
  });

  it('calls a change under a twentieth of a percent no change', () => {
    expect(describeChange(changeOf(100_004, 100_000))).toBe('No change');
  });

  it('handles a negative comparison (net revenue after big refunds)', () => {
    expect(changeOf(-50, -100)).toEqual({ kind: 'up', permille: 500 });
  });
});
