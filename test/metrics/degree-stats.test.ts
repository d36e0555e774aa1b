import { describe, expect, it } from 'vitest';
import { degreeStats } from '../../sim/metrics/degree-stats.js';
import { Graph } from '../../sim/overlay/graph.js';
import { ring, star, trianglePlusPath } from './hand-built.js';

describe('degreeStats', () => {
  it('star: mean 10/6, min 1, max 5, sd sqrt(20/9), histogram [[1,5],[5,1]]', () => {
    // Degrees 5,1,1,1,1,1: mean 5/3; E[d²] = 30/6 = 5, variance 5 − 25/9 = 20/9.
    const s = degreeStats(star());
    expect(s.peers).toBe(6);
    expect(s.mean).toBeCloseTo(5 / 3, 12);
    expect(s.min).toBe(1);
    expect(s.max).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(20 / 9), 12);
    expect(s.histogram).toEqual([[1, 5], [5, 1]]);
  });

  it('triangle plus path and a ring', () => {
    const s = degreeStats(trianglePlusPath());
    expect(s.histogram).toEqual([[1, 2], [2, 4]]);
    expect(s.mean).toBeCloseTo(10 / 6, 12);
    const r = degreeStats(ring(7));
    expect(r).toEqual({ peers: 7, mean: 2, min: 2, max: 2, sd: 0, histogram: [[2, 7]] });
  });

  it('with an alive mask counts alive peers and links between alive peers only', () => {
    const alive = Uint8Array.from([0, 1, 1, 1, 1, 1, 1, 1]); // centre down; mask longer than graph
    const s = degreeStats(star(), alive);
    expect(s.peers).toBe(5);
    expect(s.histogram).toEqual([[0, 5]]);
    expect(s.max).toBe(0);
    const none = degreeStats(star(), new Uint8Array(6));
    expect(none).toEqual({ peers: 0, mean: 0, min: 0, max: 0, sd: 0, histogram: [] });
  });

  it('grows its histogram for large degrees', () => {
    const g = new Graph(301);
    for (let q = 1; q <= 300; q++) g.addLink(0, q);
    expect(degreeStats(g).histogram).toEqual([[1, 300], [300, 1]]);
  });
});
