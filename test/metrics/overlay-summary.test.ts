import { describe, expect, it } from 'vitest';
import { completeOverlaySummary, planOverlaySummary, summarizeOverlay } from '../../sim/metrics/overlay-summary.js';
import { NamedStream } from '../../sim/engine/random.js';
import { randomRegular } from '../../sim/overlay/generators/random-regular.js';
import { erdosRenyi } from '../../sim/overlay/generators/erdos-renyi.js';
import { largestComponent } from '../../sim/metrics/components.js';
import { Graph } from '../../sim/overlay/graph.js';
import { fromLinks, ring, trianglePlusPath } from './hand-built.js';

describe('summarizeOverlay', () => {
  it('fills the SPEC §3 overlay section from the metrics (hand-built graph)', () => {
    const s = summarizeOverlay(trianglePlusPath(), null, new NamedStream(1, 'metrics/overlay'));
    expect(s).toMatchObject({
      peers: 6,
      meanDegree: 10 / 6,
      maxDegree: 2,
      largestComponentFraction: 0.5,
      clustering: 0.5,
      meanPathLength: 14 / 12,
      pathLengthSources: 6,
      pathLengthExact: true,
      degreeHistogram: [[1, 2], [2, 4]],
      minDegree: 1,
      components: 2,
    });
  });

  it('measures survivors with an alive mask (longer than the graph, as a peer table’s)', () => {
    const alive = new Uint8Array(16).fill(1);
    alive[2] = 0; // the triangle loses a corner: an edge 0-1 and the path 3-4-5
    const s = summarizeOverlay(trianglePlusPath(), alive, new NamedStream(1, 'metrics/overlay'));
    expect(s.peers).toBe(5);
    expect(s.largestComponentFraction).toBeCloseTo(3 / 5, 12);
    expect(s.clustering).toBe(0);
    // Pairs: 0-1 (2 ordered at 1 hop), path 3-4-5 (4 at 1, 2 at 2): 10/8.
    expect(s.meanPathLength).toBeCloseTo(10 / 8, 12);
  });

  it('samples on a large overlay, states it, and is deterministic for a seed', () => {
    const g = randomRegular(100_000, { degree: 8 }, new NamedStream(1, 'overlay'));
    const start = performance.now();
    const a = summarizeOverlay(g, null, new NamedStream(1, 'metrics/overlay'));
    // Measured ~0.3 s for 10^5 peers on the 2-core dev VM; 3 s leaves room for load.
    expect(performance.now() - start).toBeLessThan(3000);
    expect(a).toMatchObject({ peers: 100_000, meanDegree: 8, maxDegree: 8, largestComponentFraction: 1, pathLengthSources: 64, pathLengthExact: false });
    // Random 8-regular graph: mean distance ≈ ln(n)/ln(k−1) ≈ 5.92 (measured 5.97);
    // clustering ≈ (k−1)²/(k·n) ≈ 6e-5 from its ~(k−1)³/6 triangles (measured 5.4e-5).
    expect(a.meanPathLength).toBeGreaterThan(5.5);
    expect(a.meanPathLength).toBeLessThan(6.5);
    expect(a.clustering).toBeLessThan(1e-3);
    const b = summarizeOverlay(g, null, new NamedStream(1, 'metrics/overlay'));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = summarizeOverlay(g, null, new NamedStream(2, 'metrics/overlay'));
    expect(c.meanPathLength).not.toBe(a.meanPathLength);
  });

  // The summary takes the components from the path sums when they show the overlay
  // connected, and searches them otherwise: either way they are largestComponent's.
  it('reports the components largestComponent finds, connected or not, exact or sampled', () => {
    const cases: Array<[string, Graph, Uint8Array | null]> = [
      ['one peer', new Graph(1), null],
      ['two peers, no link', new Graph(2), null],
      ['edgeless 5,000 peers', Graph.withUniformCapacity(5000, 0), null],
      ['ring of 50', ring(50), null],
      ['ring of 50, one peer down (a path)', ring(50), (() => { const a = new Uint8Array(50).fill(1); a[7] = 0; return a; })()],
      ['ring of 50, two peers down (two paths)', ring(50), (() => { const a = new Uint8Array(50).fill(1); a[7] = a[30] = 0; return a; })()],
      ['triangle plus path', trianglePlusPath(), null],
      ['a link and an isolated peer', fromLinks(3, [[0, 1]]), null],
      // Above the exact limits: 64 sampled BFS sources.
      ['random 3-regular, 20,000 peers', randomRegular(20_000, { degree: 3 }, new NamedStream(3, 'overlay')), null],
      ['sparse ER (mean degree 1.5), 20,000 peers', erdosRenyi(20_000, { degree: 1.5 }, new NamedStream(4, 'overlay')), null],
    ];
    for (const [name, g, alive] of cases) {
      const s = summarizeOverlay(g, alive, new NamedStream(1, 'metrics/overlay'));
      const c = largestComponent(g, alive);
      expect({ name, fraction: s.largestComponentFraction, components: s.components }).toEqual({ name, fraction: c.fraction, components: c.components });
    }
    // The cases cover both ways: connected overlays and disconnected ones.
    expect(largestComponent(cases[8][1]).components).toBe(1);
    expect(largestComponent(cases[9][1]).components).toBeGreaterThan(1000);
  });

  // An isolated alive peer proves the overlay disconnected, so the plan searches the
  // components at once (a parallel run: while its workers simulate) instead of after the BFS.
  it('searches the components in the plan when an alive peer is isolated, and only then', () => {
    const rng = () => new NamedStream(1, 'metrics/overlay');
    const isolated = planOverlaySummary(fromLinks(3, [[0, 1]]), null, rng());
    expect(isolated.components).toEqual(largestComponent(fromLinks(3, [[0, 1]]), null));
    // Completed with sums that would otherwise read as connected, the plan's components stand.
    const claimed = completeOverlaySummary(fromLinks(3, [[0, 1]]), isolated, { total: 6, pairs: 6 });
    expect(claimed.components).toBe(2);
    expect(claimed.largestComponentFraction).toBeCloseTo(2 / 3, 12);
    // A sparse ER overlay has isolated peers; a ring has none, nor a ring with one peer down.
    expect(planOverlaySummary(erdosRenyi(20_000, { degree: 1.5 }, new NamedStream(4, 'overlay')), null, rng()).components?.components)
      .toBeGreaterThan(1000);
    expect(planOverlaySummary(ring(50), null, rng()).components).toBeUndefined();
    const down = new Uint8Array(50).fill(1); down[7] = 0;
    expect(planOverlaySummary(ring(50), down, rng()).components).toBeUndefined();
    // One peer alone is not "isolated" from anyone.
    expect(planOverlaySummary(new Graph(1), null, rng()).components).toBeUndefined();
  });
});
