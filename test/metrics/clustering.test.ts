import { describe, expect, it } from 'vitest';
import { averageClustering } from '../../sim/metrics/clustering.js';
import { NamedStream } from '../../sim/engine/random.js';
import { wattsStrogatz } from '../../sim/overlay/generators/watts-strogatz.js';
import { complete, fromLinks, ring, star, trianglePlusPath } from './hand-built.js';

describe('averageClustering', () => {
  it('hand-built graphs', () => {
    // Triangle peers 1 each; path peers 0 (ends have degree 1: counted as 0; middle has
    // unlinked neighbours): (1+1+1+0+0+0)/6.
    expect(averageClustering(trianglePlusPath())).toEqual({ value: 0.5, samples: 6, exact: true });
    expect(averageClustering(star()).value).toBe(0);
    expect(averageClustering(ring(8)).value).toBe(0);
    expect(averageClustering(ring(3)).value).toBe(1);
    expect(averageClustering(complete(6)).value).toBe(1);
    // A "kite": triangle 0-1-2 plus 3 linked to 0 and 1. Peer 0: neighbours 1,2,3 with
    // links 1-2, 1-3 → 2/3; peer 1 likewise 2/3; peer 2: 1; peer 3: 1. Mean 10/12.
    const kite = fromLinks(4, [[0, 1], [1, 2], [2, 0], [3, 0], [3, 1]]);
    expect(averageClustering(kite).value).toBeCloseTo(10 / 12, 12);
  });

  it('with an alive mask ignores dead peers and their links', () => {
    // Kill peer 3 of the kite: a plain triangle plus a dead peer.
    const kite = fromLinks(4, [[0, 1], [1, 2], [2, 0], [3, 0], [3, 1]]);
    expect(averageClustering(kite, { alive: Uint8Array.from([1, 1, 1, 0]) })).toEqual({ value: 1, samples: 3, exact: true });
    // Kill peer 2: 0 and 1 each have neighbours {1,3}/{0,3}, linked → 1; 3 has {0,1} → 1.
    expect(averageClustering(kite, { alive: Uint8Array.from([1, 1, 0, 1]) }).value).toBe(1);
  });

  it('samples a stated number of peers above exactLimit, close to the exact value', () => {
    // A rewired lattice has local coefficients spread over [0, 1] (sd ≈ 0.2), so 4000
    // sampled peers of 20,000 give a standard error ≈ 0.2/sqrt(4000)·sqrt(1 − 0.2) ≈ 0.003;
    // tolerance 0.015.
    const g = wattsStrogatz(20_000, { degree: 6, rewire: 0.2 }, new NamedStream(1, 'overlay'));
    const exact = averageClustering(g);
    expect(exact.exact).toBe(true);
    const sampled = averageClustering(g, { rng: new NamedStream(1, 'metrics'), exactLimit: 1000, samples: 4000 });
    expect(sampled.exact).toBe(false);
    expect(sampled.samples).toBe(4000);
    expect(Math.abs(sampled.value - exact.value)).toBeLessThan(0.015);
    const again = averageClustering(g, { rng: new NamedStream(1, 'metrics'), exactLimit: 1000, samples: 4000 });
    expect(again).toEqual(sampled);
    expect(() => averageClustering(g, { exactLimit: 1000, samples: 4000 })).toThrow(/clustering: an rng/);
  });
});
