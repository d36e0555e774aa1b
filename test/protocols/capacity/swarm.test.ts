import { describe, expect, it } from 'vitest';
import { NamedStream } from '../../../sim/engine/random.js';
import { Graph } from '../../../sim/overlay/graph.js';
import { swarmFromGraph, trackerSwarm, type Swarm } from '../../../sim/protocols/capacity/swarm.js';

function neighbours(s: Swarm, p: number): number[] {
  return Array.from(s.adj.subarray(s.offset[p], s.offset[p + 1]));
}

describe('swarm', () => {
  it('snapshots an overlay, dropping links to peers beyond n', () => {
    const g = new Graph(4);
    g.addLink(0, 1); g.addLink(1, 2); g.addLink(2, 3);
    const s = swarmFromGraph(g, 3);
    expect(neighbours(s, 0)).toEqual([1]);
    expect(neighbours(s, 1)).toEqual([0, 2]);
    expect(neighbours(s, 2)).toEqual([1]);
    expect(s.maxDegree).toBe(2);
  });

  it('tracker: two-way links, at least K each, mean about 2K, no self-loop or duplicate', () => {
    const n = 500, k = 10;
    const s = trackerSwarm(n, k, new NamedStream(3, 'capacity'));
    let total = 0;
    for (let p = 0; p < n; p++) {
      const mine = neighbours(s, p);
      expect(mine.length).toBeGreaterThanOrEqual(k);
      expect(new Set(mine).size).toBe(mine.length);
      expect(mine).not.toContain(p);
      for (const q of mine) expect(neighbours(s, q)).toContain(p);
      total += mine.length;
    }
    // Each peer adds exactly K new links: n·K links, mean degree 2K.
    expect(total / n).toBe(2 * k);
  });

  it('tracker: everyone knows everyone when n - 1 <= K', () => {
    const s = trackerSwarm(5, 10, new NamedStream(1, 'capacity'));
    for (let p = 0; p < 5; p++) expect(neighbours(s, p).length).toBe(4);
  });

  it('tracker: the same seed gives the same swarm', () => {
    const a = trackerSwarm(200, 5, new NamedStream(9, 'capacity'));
    const b = trackerSwarm(200, 5, new NamedStream(9, 'capacity'));
    expect(Array.from(a.adj)).toEqual(Array.from(b.adj));
  });
});
