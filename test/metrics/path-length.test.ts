import { describe, expect, it } from 'vitest';
import { meanPathLength } from '../../sim/metrics/path-length.js';
import { NamedStream } from '../../sim/engine/random.js';
import { erdosRenyi } from '../../sim/overlay/generators/erdos-renyi.js';
import { randomRegular } from '../../sim/overlay/generators/random-regular.js';
import type { Graph } from '../../sim/overlay/graph.js';
import { complete, ring, star, trianglePlusPath } from './hand-built.js';

/** Reference: one plain BFS per source, summing distances to reachable alive targets. */
function reference(g: Graph, sources: number[], alive?: Uint8Array) {
  let total = 0, pairs = 0;
  const dist = new Int32Array(g.size);
  for (const s of sources) {
    dist.fill(-1);
    dist[s] = 0;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const p = queue[h];
      for (const q of g.neighbors(p)) {
        if (dist[q] >= 0 || (alive && !alive[q])) continue;
        dist[q] = dist[p] + 1;
        total += dist[q];
        pairs++;
        queue.push(q);
      }
    }
  }
  return { mean: pairs ? total / pairs : 0, pairs };
}

describe('meanPathLength', () => {
  it('hand-built graphs', () => {
    // Triangle: 6 ordered pairs at 1 hop. Path 3-4-5: 4 pairs at 1, 2 pairs at 2.
    // (6 + 4 + 4) / 12.
    expect(meanPathLength(trianglePlusPath())).toEqual({ mean: 14 / 12, sources: 6, exact: true, pairs: 12 });
    // Star of 6: 10 centre–leaf pairs at 1, 20 leaf–leaf pairs at 2: 50 / 30.
    expect(meanPathLength(star()).mean).toBeCloseTo(5 / 3, 12);
    // Ring of 8: from any peer 1,1,2,2,3,3,4 → 16/7.
    expect(meanPathLength(ring(8)).mean).toBeCloseTo(16 / 7, 12);
    expect(meanPathLength(complete(5)).mean).toBe(1);
  });

  it('alive mask: paths may not cross dead peers; no pairs gives 0', () => {
    // Ring of 6 without peer 0 is the path 1-2-3-4-5: pairs at 1,2,3,4 hops:
    // 2·(4·1 + 3·2 + 2·3 + 1·4) / 20 = 40/20.
    const alive = Uint8Array.from([0, 1, 1, 1, 1, 1]);
    expect(meanPathLength(ring(6), { alive })).toEqual({ mean: 2, sources: 5, exact: true, pairs: 20 });
    expect(meanPathLength(star(), { alive })).toEqual({ mean: 0, sources: 5, exact: true, pairs: 0 });
  });

  it('bit-parallel batches agree with plain BFS for 1..300 sources (1 to 4 words, several batches)', () => {
    const g = erdosRenyi(1000, { degree: 3 }, new NamedStream(2, 'overlay')); // several components
    const alive = new Uint8Array(1000).fill(1);
    for (let p = 0; p < 1000; p += 7) alive[p] = 0;
    for (const sources of [1, 31, 32, 33, 64, 100, 128, 129, 300]) {
      for (const mask of [undefined, alive]) {
        const got = meanPathLength(g, { alive: mask, rng: new NamedStream(sources, 'metrics'), exactLimit: 10, sources });
        expect(got.sources).toBe(sources);
        expect(got.exact).toBe(false);
        // The same sources, drawn the same way, through the reference BFS.
        const list: number[] = [];
        for (let p = 0; p < 1000; p++) if (!mask || mask[p]) list.push(p);
        const rng = new NamedStream(sources, 'metrics');
        for (let i = 0; i < sources; i++) {
          const j = i + Math.floor(rng.next() * (list.length - i));
          [list[i], list[j]] = [list[j], list[i]];
        }
        const want = reference(g, list.slice(0, sources), mask);
        expect(got.pairs).toBe(want.pairs);
        expect(got.mean).toBeCloseTo(want.mean, 10);
      }
    }
  });

  it('exact up to exactLimit peers; sampled (64 sources) above, close to exact', () => {
    const small = randomRegular(1500, { degree: 4 }, new NamedStream(1, 'overlay'));
    const exact = meanPathLength(small);
    expect(exact.exact).toBe(true);
    expect(exact.sources).toBe(1500);
    expect(exact.pairs).toBe(1500 * 1499);
    const g = randomRegular(5000, { degree: 6 }, new NamedStream(1, 'overlay'));
    const all = meanPathLength(g, { exactLimit: Infinity });
    const sampled = meanPathLength(g, { rng: new NamedStream(1, 'metrics') });
    expect(sampled).toMatchObject({ sources: 64, exact: false });
    // Per-source means of this graph have sd 0.015 hops (measured over 200 sources), so
    // 64 sources put the estimate within ~0.002 of the exact mean; tolerance 0.02.
    expect(Math.abs(sampled.mean - all.mean)).toBeLessThan(0.02);
    expect(() => meanPathLength(g)).toThrow(/path-length: an rng/);
  });
});
