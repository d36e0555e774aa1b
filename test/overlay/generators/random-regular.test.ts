import { describe, expect, it } from 'vitest';
import { randomRegular } from '../../../sim/overlay/generators/random-regular.js';
import { OverlayParameterError } from '../../../sim/overlay/errors.js';
import { NamedStream } from '../../../sim/engine/random.js';
import { largestComponent } from '../../../sim/metrics/components.js';
import { degrees, expectSimpleSymmetric, snapshot } from '../graph-checks.js';

describe('randomRegular', () => {
  const cases: Array<[n: number, k: number]> = [
    [2, 1], [4, 3], [6, 2], [10, 3], [11, 4], [12, 11], [50, 30], [101, 50], [100, 3],
    [1000, 4], [1000, 8], [5000, 7 * 2], [20000, 6], [1, 0], [0, 0], [30, 0],
  ];
  for (const [n, k] of cases) {
    it(`is exactly ${k}-regular and simple on ${n} peers (3 seeds)`, () => {
      for (const seed of [1, 2, 3]) {
        const g = randomRegular(n, { degree: k }, new NamedStream(seed, 'overlay'));
        expect(g.size).toBe(n);
        expect(degrees(g).every((d) => d === k)).toBe(true);
        expect(g.edges).toBe((n * k) / 2);
        expectSimpleSymmetric(g);
        // Tight layout: runs of exactly k slots, 12 + 4k bytes a peer.
        expect(g.used).toBe(n * k);
      }
    });
  }

  it('rejects an odd n·k and a degree not below n, naming the model', () => {
    const rng = new NamedStream(1, 'overlay');
    expect(() => randomRegular(5, { degree: 3 }, rng)).toThrow(OverlayParameterError);
    expect(() => randomRegular(7, { degree: 3 }, rng)).toThrow(/random-regular: .*odd/);
    expect(() => randomRegular(4, { degree: 4 }, rng)).toThrow(/random-regular: degree 4 must be smaller/);
    expect(() => randomRegular(3, { degree: 8 }, rng)).toThrow(OverlayParameterError);
  });

  it('degree 0: every peer, no link, and nothing drawn from the stream', () => {
    const rng = new NamedStream(1, 'overlay');
    const g = randomRegular(1000, { degree: 0 }, rng);
    expect(g.size).toBe(1000);
    expect(g.edges).toBe(0);
    expect(Array.from(g.deg).every((d) => d === 0)).toBe(true);
    expect(rng.next()).toBe(new NamedStream(1, 'overlay').next());
  });

  it('same seed gives identical arrays; another seed a different overlay', () => {
    const a = randomRegular(3000, { degree: 6 }, new NamedStream(42, 'overlay'));
    const b = randomRegular(3000, { degree: 6 }, new NamedStream(42, 'overlay'));
    const c = randomRegular(3000, { degree: 6 }, new NamedStream(43, 'overlay'));
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a).adj).not.toEqual(snapshot(c).adj);
  });

  // Uniformity on cases small enough to enumerate: the labelled 2-regular graphs on n
  // peers are unions of cycles. On 6 peers: 60 hexagons and 10 pairs of triangles, so
  // P(two triangles) = 1/7. On 7: 360 heptagons, 105 triangle+square, P = 105/465. On 8:
  // 2520 octagons, 672 triangle+pentagon, 315 square+square. 6 peers of degree 3 go
  // through the complement path (K3,3 is the complement of two triangles): P(K3,3) = 1/7.
  // 3000 draws each; tolerance 4.5 binomial standard errors.
  const T = 3000;
  function frequencies(n: number, k: number, classify: (largest: number) => string) {
    const rng = new NamedStream(11, `uniformity-${n}-${k}`);
    const counts: Record<string, number> = {};
    for (let t = 0; t < T; t++) {
      const key = classify(largestComponent(randomRegular(n, { degree: k }, rng)).largest);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }
  function expectProportion(count: number | undefined, p: number) {
    const se = Math.sqrt((p * (1 - p)) / T);
    expect(Math.abs((count ?? 0) / T - p)).toBeLessThan(4.5 * se);
  }

  it('is uniform over 2-regular graphs on 6, 7 and 8 peers', () => {
    expectProportion(frequencies(6, 2, (l) => (l === 3 ? 'triangles' : 'hexagon')).triangles, 10 / 70);
    expectProportion(frequencies(7, 2, (l) => (l === 4 ? 'split' : 'cycle')).split, 105 / 465);
    const eight = frequencies(8, 2, (l) => String(l));
    expectProportion(eight['8'], 2520 / 3507);
    expectProportion(eight['5'], 672 / 3507);
    expectProportion(eight['4'], 315 / 3507);
  });

  it('is uniform over 3-regular graphs on 6 peers (dense: built as a complement)', () => {
    // K3,3 is connected too; tell it from the prism by the absence of triangles.
    const rng = new NamedStream(12, 'uniformity-6-3');
    let bipartite = 0;
    for (let t = 0; t < T; t++) {
      const g = randomRegular(6, { degree: 3 }, rng);
      let triangle = false;
      for (let p = 0; p < 6 && !triangle; p++) {
        const nb = g.neighbors(p);
        for (let i = 0; i < nb.length; i++) for (let j = i + 1; j < nb.length; j++) if (g.contains(nb[i], nb[j])) triangle = true;
      }
      if (!triangle) bipartite++;
    }
    expectProportion(bipartite, 1 / 7);
  });

  it('builds 10^5 peers of degree 8 in a tight layout, 44 bytes a peer', () => {
    const g = randomRegular(100_000, { degree: 8 }, new NamedStream(5, 'overlay'));
    expect(g.bytes / g.size).toBe(44);
    expect(degrees(g).every((d) => d === 8)).toBe(true);
    expectSimpleSymmetric(g);
  });
});
