import { describe, expect, it } from 'vitest';
import { erdosRenyi } from '../../../sim/overlay/generators/erdos-renyi.js';
import { NamedStream } from '../../../sim/engine/random.js';
import { largestComponent } from '../../../sim/metrics/components.js';
import { expectSimpleSymmetric, snapshot } from '../graph-checks.js';

/** Root in (0, 1] of S = 1 − e^{−cS} (the giant component fraction of G(n, c/n)), by iteration. */
function giantFraction(c: number): number {
  let s = 1;
  for (let i = 0; i < 200; i++) s = 1 - Math.exp(-c * s);
  return s;
}

describe('erdosRenyi', () => {
  const seeds = [1, 2, 3, 4, 5, 6];
  const graphs = seeds.map((seed) => erdosRenyi(10_000, { degree: 4 }, new NamedStream(seed, 'overlay')));

  it('is simple and symmetric', () => {
    for (const g of graphs) expectSimpleSymmetric(g);
  });

  it('has mean degree 4 at 10,000 peers', () => {
    // Links ~ Binomial(n(n-1)/2, p): the mean degree 2L/n has standard deviation
    // 2·sqrt(L)/n ≈ 0.028. Per seed within 0.12 (> 4 sd); over 6 seeds within 0.05 (> 4 sd).
    const means = graphs.map((g) => (2 * g.edges) / g.size);
    for (const m of means) expect(Math.abs(m - 4)).toBeLessThan(0.12);
    expect(Math.abs(means.reduce((a, b) => a + b) / means.length - 4)).toBeLessThan(0.05);
  });

  it('has a giant component of S = 1 − e^{−cS} ≈ 0.9802 for c = 4', () => {
    // Theory: Erdős & Rényi 1960 / e.g. Newman, "Networks" (2010) §12.5. The fraction's
    // standard deviation at n = 10^4 is about sqrt(S(1−S)/n)/(1 − c(1−S)) ≈ 0.0015, so
    // per seed within 0.006 and the 6-seed mean within 0.003.
    const S = giantFraction(4);
    expect(S).toBeCloseTo(0.9802, 4);
    const fractions = graphs.map((g) => largestComponent(g).fraction);
    for (const f of fractions) expect(Math.abs(f - S)).toBeLessThan(0.006);
    expect(Math.abs(fractions.reduce((a, b) => a + b) / fractions.length - S)).toBeLessThan(0.003);
  });

  it('has Poisson-like degrees: variance ≈ mean', () => {
    // Binomial(n−1, p) degrees: variance c(1 − p) ≈ 4; the sample variance over 10^4
    // Poisson(4) degrees has sd sqrt((σ² + 2σ⁴)/n) ≈ 0.06; tolerance 0.4.
    for (const g of graphs) {
      let s = 0, s2 = 0;
      for (let p = 0; p < g.size; p++) { s += g.deg[p]; s2 += g.deg[p] ** 2; }
      const mean = s / g.size;
      expect(Math.abs(s2 / g.size - mean * mean - 4)).toBeLessThan(0.4);
    }
  });

  it('handles the edges of the parameter range', () => {
    const rng = new NamedStream(1, 'overlay');
    expect(erdosRenyi(100, { degree: 0 }, rng).edges).toBe(0);
    expect(erdosRenyi(1, { degree: 4 }, rng).edges).toBe(0);
    expect(erdosRenyi(0, { degree: 4 }, rng).size).toBe(0);
    const complete = erdosRenyi(12, { degree: 20 }, rng); // p capped at 1
    expect(complete.edges).toBe(66);
    expectSimpleSymmetric(complete);
  });

  it('is deterministic per seed', () => {
    const again = erdosRenyi(10_000, { degree: 4 }, new NamedStream(1, 'overlay'));
    expect(snapshot(again)).toEqual(snapshot(graphs[0]));
    expect(snapshot(graphs[1]).adj).not.toEqual(snapshot(graphs[0]).adj);
  });

  it('runs in O(n + m): 10^6 peers of mean degree 2 in well under the O(n²) time', () => {
    const start = performance.now();
    const g = erdosRenyi(1_000_000, { degree: 2 }, new NamedStream(1, 'overlay'));
    expect(performance.now() - start).toBeLessThan(5000); // O(n²) would take hours
    expect(Math.abs((2 * g.edges) / g.size - 2)).toBeLessThan(0.02);
  });
});
