import { describe, expect, it } from 'vitest';
import { maxMinFairShare, orderByCap } from '../../../sim/protocols/capacity/fair-share.js';

describe('maxMinFairShare (progressive filling)', () => {
  it('splits equally when no flow is capped', () => {
    const caps = Float64Array.of(10, 10, 10, 10);
    const rates = new Float64Array(4);
    const used = maxMinFairShare(8, caps, orderByCap(caps), Uint8Array.of(1, 1, 1, 1), rates);
    expect(Array.from(rates)).toEqual([2, 2, 2, 2]);
    expect(used).toBe(8);
  });
  it('gives capped flows their cap and the rest to the others (hand-computed)', () => {
    // capacity 10 among caps 1, 2, 10, 10: 1 and 2 are capped, 7 left for two flows: 3.5 each
    const caps = Float64Array.of(10, 1, 10, 2);
    const rates = new Float64Array(4);
    const used = maxMinFairShare(10, caps, orderByCap(caps), Uint8Array.of(1, 1, 1, 1), rates);
    expect(Array.from(rates)).toEqual([3.5, 1, 3.5, 2]);
    expect(used).toBe(10);
  });
  it('leaves capacity unused when every flow is capped, and skips inactive flows', () => {
    const caps = Float64Array.of(1, 2, 3);
    const rates = Float64Array.of(9, 9, 9);
    const used = maxMinFairShare(100, caps, orderByCap(caps), Uint8Array.of(1, 0, 1), rates);
    expect(Array.from(rates)).toEqual([1, 0, 3]);
    expect(used).toBe(4);
  });
  it('orders flows by cap, ties by index', () => {
    expect(Array.from(orderByCap(Float64Array.of(3, 1, 3, 0)))).toEqual([3, 1, 0, 2]);
  });
});
