import { describe, expect, it } from 'vitest';
import { evenQuantileSample } from '../../sim/metrics/quantile-sample.js';

describe('evenQuantileSample', () => {
  it('returns short lists whole', () => {
    expect(evenQuantileSample([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });
  it('keeps the first and last and evenly spaced ranks between', () => {
    const sorted = Array.from({ length: 101 }, (_, i) => i * 10);
    expect(evenQuantileSample(sorted, 5)).toEqual([0, 250, 500, 750, 1000]);
  });
  it('handles max of 0 and 1', () => {
    expect(evenQuantileSample([1, 2, 3], 0)).toEqual([]);
    expect(evenQuantileSample([1, 2, 3], 1)).toEqual([3]);
  });
});
