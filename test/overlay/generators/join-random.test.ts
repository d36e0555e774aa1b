import { describe, expect, it } from 'vitest';
import { joinRandom, joinRandomOverlay, joinRequest } from '../../../sim/overlay/generators/join-random.js';
import { Graph } from '../../../sim/overlay/graph.js';
import { NamedStream } from '../../../sim/engine/random.js';
import { largestComponent } from '../../../sim/metrics/components.js';
import { degrees, expectSimpleSymmetric, snapshot } from '../graph-checks.js';

describe('joinRandomOverlay', () => {
  it('asks for degree/2 links (at least 1, at most maxDegree)', () => {
    expect(joinRequest(6, 32)).toBe(3);
    expect(joinRequest(7, 32)).toBe(3);
    expect(joinRequest(1, 32)).toBe(1);
    expect(joinRequest(0, 32)).toBe(0);
    expect(joinRequest(40, 8)).toBe(8);
  });

  it('makes exactly Σ_t min(want, t) links when the cap does not bind: mean degree → degree', () => {
    const n = 10_000, want = 3;
    for (const seed of [1, 2, 3]) {
      const g = joinRandomOverlay(n, { degree: 6, maxDegree: 1000 }, new NamedStream(seed, 'overlay'));
      expectSimpleSymmetric(g);
      let expected = 0;
      for (let t = 0; t < n; t++) expected += Math.min(want, t);
      expect(g.edges).toBe(expected);
      expect((2 * g.edges) / n).toBeCloseTo(6, 2); // 6 − 12/n
      expect(Math.min(...degrees(g))).toBeGreaterThanOrEqual(want);
      expect(largestComponent(g).fraction).toBe(1); // every peer links to earlier ones
    }
  });

  it('never exceeds maxDegree, and keeps the mean near degree when the cap binds', () => {
    // Cap 5 with 3 requested links a peer: old peers saturate, so late joiners link to the
    // open (younger) peers; every join still finds 3 open peers, so the mean stays ≈ 6.
    for (const seed of [1, 2]) {
      const g = joinRandomOverlay(5000, { degree: 6, maxDegree: 5 }, new NamedStream(seed, 'overlay'));
      expectSimpleSymmetric(g);
      expect(Math.max(...degrees(g))).toBeLessThanOrEqual(5);
      expect((2 * g.edges) / g.size).toBeGreaterThan(4.5);
      expect((2 * g.edges) / g.size).toBeLessThanOrEqual(5);
    }
    const tight = joinRandomOverlay(3000, { degree: 8, maxDegree: 32 }, new NamedStream(4, 'overlay'));
    expect(Math.max(...degrees(tight))).toBeLessThanOrEqual(32);
  });

  it('is deterministic per seed', () => {
    const make = (seed: number) => joinRandomOverlay(4000, { degree: 4, maxDegree: 16 }, new NamedStream(seed, 'overlay'));
    expect(snapshot(make(5))).toEqual(snapshot(make(5)));
    expect(snapshot(make(5)).adj).not.toEqual(snapshot(make(6)).adj);
  });
});

describe('joinRandom (the rule churn reuses)', () => {
  it('refuses itself, existing neighbours and full peers, and stops at want', () => {
    const g = new Graph(6);
    g.addLink(0, 1);
    g.addLink(4, 1); g.addLink(4, 2); // 4 is full with maxDegree 2
    const offers = [0, 1, 4, 2, 3, 5];
    let i = 0;
    const made = joinRandom(g, 0, 2, 2, () => offers[i++] ?? -1);
    // 0 itself, 1 (already linked) and 4 (full) are refused; 2 is taken; then 0 is full.
    expect(made).toBe(1);
    expect(g.neighbors(0).sort()).toEqual([1, 2]);
    expect(i).toBe(4);
    expectSimpleSymmetric(g);
  });

  it('gives up after maxAttempts or when no candidate is left', () => {
    const g = new Graph(3);
    expect(joinRandom(g, 0, 2, 4, () => 0, 10)).toBe(0); // only itself on offer
    expect(joinRandom(g, 0, 2, 4, () => -1)).toBe(0);
    expect(joinRandom(g, 0, 2, 4, () => 2)).toBe(1); // 2, then only duplicates
    expect(g.edges).toBe(1);
  });
});
