import { describe, expect, it } from 'vitest';
import { fmt, pct } from '../../sim/text/summary-format';

describe('the summary\'s number formats', () => {
  it('group whole numbers with commas by fixed rules (grouped(), not the locale)', () => {
    expect(fmt(1234567)).toBe('1,234,567');
    expect(fmt(-1000)).toBe('-1,000');
    expect(fmt(999)).toBe('999');
    expect(fmt(0)).toBe('0');
  });

  it('give other numbers three significant digits without trailing zeros', () => {
    expect(fmt(699.7)).toBe('700');
    expect(fmt(0.12345)).toBe('0.123');
    expect(fmt(1.5)).toBe('1.5');
    expect(fmt(null)).toBe('—');
    expect(pct(0.1234)).toBe('12.3%');
  });
});
