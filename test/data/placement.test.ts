/**
 * Data placement: replicas on distinct peers, both directions of the holdings agree, a
 * peer's membership test is exact, and peers that join later hold data by the same
 * strategy (each item with probability r_i / n, so ratio · items items on average).
 */
import { describe, expect, it } from 'vitest';
import { placeData, placementFromHolders } from '../../sim/data/placement';
import { NamedStream } from '../../sim/engine/random';
import { makeRankSampler } from '../../sim/random/distributions';

const m = 200, n = 3000;
const ranks = makeRankSampler({ dist: 'zipf', exponent: 1 }, m);
const q = Float64Array.from({ length: m }, (_, i) => ranks.probability(i));

describe('placeData', () => {
  const data = placeData(n, q, 'square-root', 0.01, new NamedStream(5, 'data'));

  it('puts each item on r_i distinct peers, and holds() agrees with both lists', () => {
    let total = 0;
    for (let i = 0; i < m; i++) {
      const holders = Array.from(data.holdersOf(i));
      expect(holders.length).toBe(data.replicas[i]);
      expect(new Set(holders).size).toBe(holders.length);
      expect(holders.every((h) => data.holds(h, i))).toBe(true);
      total += holders.length;
    }
    expect(total).toBe(Math.round(0.01 * n * m));
    let listed = 0, unsorted = 0, mismatches = 0;
    for (let p = 0; p < n; p++) {
      const items = Array.from(data.itemsOf(p));
      if (items.some((x, k) => k > 0 && items[k - 1] >= x)) unsorted++;
      listed += items.length;
      const held = new Set(items);
      for (let i = 0; i < m; i++) if (data.holds(p, i) !== held.has(i)) mismatches++;
    }
    expect(unsorted).toBe(0);
    expect(mismatches).toBe(0);
    expect(listed).toBe(total);
  });

  it('spreads replicas uniformly over the peers (items per peer ≈ Poisson-like, mean ratio · m)', () => {
    // Mean items per peer = R/n = 2; a peer holds a given replica with probability 1/n:
    // the variance of items per peer is close to the mean (sum of independent Bernoullis).
    const counts = Array.from({ length: n }, (_, p) => data.itemsOf(p).length);
    const mean = counts.reduce((a, b) => a + b, 0) / n;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / n;
    expect(mean).toBeCloseTo(2, 10);
    expect(variance).toBeGreaterThan(1.7);
    expect(variance).toBeLessThan(2.2);
  });

  it('is reproducible from its stream and differs with another seed', () => {
    const again = placeData(n, q, 'square-root', 0.01, new NamedStream(5, 'data'));
    const other = placeData(n, q, 'square-root', 0.01, new NamedStream(6, 'data'));
    expect(Array.from(again.holdersOf(7))).toEqual(Array.from(data.holdersOf(7)));
    expect(Array.from(other.holdersOf(7))).not.toEqual(Array.from(data.holdersOf(7)));
  });

  it('gives a peer that joins later items with probability r_i / n each', () => {
    const joined = placeData(n, q, 'square-root', 0.01, new NamedStream(5, 'data'));
    const rng = new NamedStream(5, 'joins');
    const joins = 4000;
    const perItem = new Float64Array(m);
    for (let k = 0; k < joins; k++) {
      const p = n + k;
      joined.addPeer(p, rng);
      for (const i of joined.itemsOf(p)) perItem[i]++;
      expect(Array.from(joined.itemsOf(p)).every((i) => joined.holds(p, i))).toBe(true);
    }
    // Mean items per newcomer: Σ r_i / n = 2 (standard error √(2/4000) ≈ 0.02).
    const mean = perItem.reduce((a, b) => a + b, 0) / joins;
    expect(Math.abs(mean - 2)).toBeLessThan(0.1);
    // The most replicated item: expected joins · r_0/n copies among newcomers (±5 sd).
    const expected0 = joins * joined.replicas[0] / n;
    expect(Math.abs(perItem[0] - expected0)).toBeLessThan(5 * Math.sqrt(expected0));
    expect(joined.holdersOf(0).length).toBe(joined.replicas[0] + perItem[0]);
    // Adding a peer twice changes nothing.
    const before = joined.itemsOf(n).length;
    joined.addPeer(n, rng);
    expect(joined.itemsOf(n).length).toBe(before);
  });
});

describe('placementFromHolders', () => {
  it('builds exactly the holdings given', () => {
    const d = placementFromHolders(5, [[4, 1], [], [1, 2, 3]]);
    expect(Array.from(d.itemsOf(1))).toEqual([0, 2]);
    expect(d.holds(4, 0)).toBe(true);
    expect(d.holds(4, 2)).toBe(false);
    expect(d.holds(0, 0)).toBe(false);
    expect(Array.from(d.holdersOf(1))).toEqual([]);
    expect(Array.from(d.replicas)).toEqual([2, 0, 3]);
  });
});
