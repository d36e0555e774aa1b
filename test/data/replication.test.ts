/**
 * Replica counts (Cohen & Shenker, "Replication strategies in unstructured peer-to-peer
 * networks", SIGCOMM 2002): the same total storage for every strategy, r_i ∝ 1, q_i or
 * √q_i within [1, n], and the analytic expected search size A = n · Σ q_i / r_i ordered
 * square-root < uniform = proportional, square-root being the minimum.
 */
import { describe, expect, it } from 'vitest';
import { replicaCounts, type ReplicationStrategy } from '../../sim/data/replication';
import { expectedSearchSize } from '../../sim/metrics/expected-search-size';
import { makeRankSampler } from '../../sim/random/distributions';

function zipf(m: number, exponent: number): Float64Array {
  const ranks = makeRankSampler({ dist: 'zipf', exponent }, m);
  return Float64Array.from({ length: m }, (_, i) => ranks.probability(i));
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);
const strategies: ReplicationStrategy[] = ['uniform', 'proportional', 'square-root'];

describe('replicaCounts', () => {
  const n = 2000, m = 100, ratio = 0.02;
  const q = zipf(m, 1);

  it('spends the same storage, round(ratio · n · m), whatever the strategy', () => {
    for (const s of strategies) expect(sum(replicaCounts(q, s, ratio, n))).toBe(4000);
  });

  it('uniform gives every item ratio · n copies', () => {
    expect(Array.from(replicaCounts(q, 'uniform', ratio, n))).toEqual(new Array(m).fill(40));
  });

  it('proportional and square-root follow q and √q (within rounding)', () => {
    const prop = replicaCounts(q, 'proportional', ratio, n);
    const sqrt = replicaCounts(q, 'square-root', ratio, n);
    const sq = sum(Array.from(q, Math.sqrt));
    for (let i = 0; i < m; i++) {
      expect(Math.abs(prop[i] - 4000 * q[i])).toBeLessThan(1);
      expect(Math.abs(sqrt[i] - 4000 * Math.sqrt(q[i]) / sq)).toBeLessThan(1);
      if (i > 0) expect(sqrt[i]).toBeLessThanOrEqual(sqrt[i - 1]);
    }
  });

  it('keeps every item findable (>= 1 copy) and no item on more than n peers', () => {
    // Steep popularity and lots of storage: the top items would want more than n copies.
    const steep = zipf(50, 2);
    const r = replicaCounts(steep, 'proportional', 0.3, 100);
    expect(sum(r)).toBe(1500);
    expect(Math.max(...r)).toBe(100);
    expect(Math.min(...r)).toBeGreaterThanOrEqual(1);
    // Less storage than items: some items get none.
    expect(sum(replicaCounts(q, 'uniform', 0.0001, n))).toBe(20);
  });

  it('expected search size: square-root < uniform = proportional, as Cohen & Shenker prove', () => {
    for (const exponent of [0.8, 1, 1.2]) {
      const qq = zipf(m, exponent);
      const [u, p, s] = strategies.map((st) => expectedSearchSize(qq, replicaCounts(qq, st, ratio, n), n));
      // Uniform and proportional both give A = n·m/R = 1/ratio = 50 (up to rounding).
      expect(u).toBeCloseTo(50, 6);
      expect(Math.abs(p - 50) / 50).toBeLessThan(0.02);
      // Square-root: A = (Σ √q_i)² / (ratio · m), the minimum over allocations.
      const sq = sum(Array.from(qq, Math.sqrt));
      expect(Math.abs(s - (sq * sq) / (ratio * m)) / s).toBeLessThan(0.02);
      expect(s).toBeLessThan(0.9 * u);
    }
  });

  it('square-root is the minimum: moving one replica between two items never lowers A', () => {
    const r = replicaCounts(q, 'square-root', ratio, n);
    const base = expectedSearchSize(q, r, n);
    for (const [i, j] of [[0, 99], [99, 0], [3, 40], [40, 3], [10, 11], [11, 10]]) {
      const moved = Int32Array.from(r);
      moved[i]--; moved[j]++;
      expect(expectedSearchSize(q, moved, n)).toBeGreaterThanOrEqual(base - 1e-9);
    }
  });
});

describe('expectedSearchSize', () => {
  it('is n · Σ q_i / r_i, infinite when an asked item has no copy', () => {
    expect(expectedSearchSize([0.5, 0.5], [10, 5], 100)).toBeCloseTo(100 * (0.05 + 0.1), 12);
    expect(expectedSearchSize([0.5, 0.5], [10, 0], 100)).toBe(Infinity);
    expect(expectedSearchSize([1, 0], [10, 0], 100)).toBe(10);
  });
});
