/** Dead-link fraction (sim/metrics/dead-links.ts) on hand-built overlays. */
import { describe, expect, it } from 'vitest';
import { deadLinkFraction } from '../../sim/metrics/dead-links';
import { graphOf } from '../helpers/context';

describe('deadLinkFraction', () => {
  it('is the share of alive peers\' link entries that point at peers that are down', () => {
    // 0–1, 0–2, 1–2, 2–3 with 3 down: entries of alive peers 0:{1,2} 1:{0,2} 2:{0,1,3} → 1 of 7.
    const g = graphOf(4, [[0, 1], [0, 2], [1, 2], [2, 3]]);
    expect(deadLinkFraction(g, Uint8Array.from([1, 1, 1, 0]))).toBeCloseTo(1 / 7, 12);
    expect(deadLinkFraction(g, Uint8Array.from([1, 1, 1, 1]))).toBe(0);
  });

  it('is 0 when alive peers hold no link', () => {
    expect(deadLinkFraction(graphOf(3, [[1, 2]]), Uint8Array.from([1, 0, 0]))).toBe(0);
  });
});
