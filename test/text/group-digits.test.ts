import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../sim/text/group-digits';

describe('groupDigits', () => {
  it('groups from the right in threes, with the separator given', () => {
    expect(groupDigits('1234567', ',')).toBe('1,234,567');
    expect(groupDigits('1000', '\u2009')).toBe('1\u2009000');
    expect(groupDigits('999', ',')).toBe('999');
    expect(groupDigits('0', ',')).toBe('0');
  });
  it('leaves a minus sign alone and agrees with en-US toLocaleString on integers', () => {
    for (const x of [-1234, -1, 12, 123456, 1_000_000, 9_007_199_254_740_991]) {
      expect(groupDigits(String(x), ',')).toBe(x.toLocaleString('en-US'));
    }
  });
});
