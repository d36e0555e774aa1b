import { describe, expect, it } from 'vitest';
import { attachmentLinks, barabasiAlbert } from '../../../sim/overlay/generators/barabasi-albert.js';
import { erdosRenyi } from '../../../sim/overlay/generators/erdos-renyi.js';
import { NamedStream } from '../../../sim/engine/random.js';
import { largestComponent } from '../../../sim/metrics/components.js';
import { degrees, expectSimpleSymmetric, snapshot } from '../graph-checks.js';

/** P(X >= k) for X ~ Poisson(mean). */
function poissonTail(mean: number, k: number): number {
  let term = Math.exp(-mean), below = 0;
  for (let i = 0; i < k; i++) { below += term; term *= mean / (i + 1); }
  return 1 - below;
}

describe('barabasiAlbert', () => {
  const n = 20_000;
  const seeds = [1, 2, 3, 4, 5];
  const graphs = seeds.map((seed) => barabasiAlbert(n, { degree: 4 }, new NamedStream(seed, 'overlay')));

  it('is simple, connected, with m = degree/2 links per new peer', () => {
    expect(attachmentLinks(4)).toBe(2);
    expect(attachmentLinks(5)).toBe(2);
    expect(attachmentLinks(1)).toBe(1);
    expect(attachmentLinks(0)).toBe(0);
    for (const g of graphs) {
      expectSimpleSymmetric(g);
      // Seed clique K3 (3 links) + 2 links for each of the n − 3 later peers.
      expect(g.edges).toBe(3 + 2 * (n - 3));
      expect(Math.min(...degrees(g))).toBe(2);
      expect(largestComponent(g).fraction).toBe(1);
    }
  });

  it('has a heavy degree tail: P(d >= 4·mean) matches m(m+1)/(K(K+1)), far above Poisson', () => {
    // Theory (Dorogovtsev, Mendes & Samukhin 2000; Bollobás et al. 2001): P(d) =
    // 2m(m+1)/(d(d+1)(d+2)) for d >= m, so P(d >= K) = m(m+1)/(K(K+1)). With m = 2 and
    // K = 16 (four times the mean degree): 6/272 ≈ 0.0221, ~440 of 20,000 peers a seed,
    // ~2200 over 5 seeds (binomial sd ≈ 2% of the value); tolerance 10% on the 5-seed mean. A
    // Poisson (Erdős–Rényi) graph of the same mean has P(d >= 16) ≈ 5e-6; we require BA's
    // tail to exceed it a hundredfold in every seed, and to exceed a measured ER graph's.
    const m = 2, K = 16;
    const theory = (m * (m + 1)) / (K * (K + 1));
    const tails = graphs.map((g) => degrees(g).filter((d) => d >= K).length / n);
    const mean = tails.reduce((a, b) => a + b) / tails.length;
    expect(Math.abs(mean - theory) / theory).toBeLessThan(0.1);
    const poisson = poissonTail(4, K);
    expect(poisson).toBeLessThan(1e-5);
    for (const t of tails) expect(t).toBeGreaterThan(100 * poisson);
    const er = erdosRenyi(n, { degree: 4 }, new NamedStream(1, 'overlay'));
    expect(degrees(er).filter((d) => d >= K).length / n).toBeLessThan(tails[0] / 20);
  });

  it('has hubs: max degree grows like m·sqrt(n), far above the mean', () => {
    // The oldest peers reach degree ≈ m·sqrt(n) ≈ 283 here; we ask for > 25 × the mean of 4
    // (ER's maximum at this size is ~13).
    for (const g of graphs) expect(Math.max(...degrees(g))).toBeGreaterThan(100);
  });

  it('is a clique when n <= m + 1, and empty for degree 0', () => {
    const small = barabasiAlbert(4, { degree: 10 }, new NamedStream(1, 'overlay'));
    expect(small.edges).toBe(6);
    expectSimpleSymmetric(small);
    expect(barabasiAlbert(50, { degree: 0 }, new NamedStream(1, 'overlay')).edges).toBe(0);
  });

  it('is deterministic per seed', () => {
    const again = barabasiAlbert(n, { degree: 4 }, new NamedStream(1, 'overlay'));
    expect(snapshot(again)).toEqual(snapshot(graphs[0]));
    expect(snapshot(graphs[1]).adj).not.toEqual(snapshot(graphs[0]).adj);
  });
});
