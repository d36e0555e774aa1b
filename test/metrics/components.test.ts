import { describe, expect, it } from 'vitest';
import { largestComponent } from '../../sim/metrics/components.js';
import { Graph } from '../../sim/overlay/graph.js';
import { ring, star, trianglePlusPath } from './hand-built.js';
import { NamedStream } from '../../sim/engine/random.js';
import { erdosRenyi } from '../../sim/overlay/generators/erdos-renyi.js';

describe('largestComponent', () => {
  it('triangle plus path: two components of 3', () => {
    expect(largestComponent(trianglePlusPath())).toEqual({ largest: 3, fraction: 0.5, components: 2, peers: 6 });
  });

  it('counts isolated peers as components', () => {
    const g = new Graph(5);
    g.addLink(0, 1);
    expect(largestComponent(g)).toEqual({ largest: 2, fraction: 0.4, components: 4, peers: 5 });
  });

  it('removing the star centre shatters it; the denominator is the caller’s', () => {
    const alive = Uint8Array.from([0, 1, 1, 1, 1, 1]);
    // SPEC §3 resilience: divided by the peers alive before the failure (6).
    expect(largestComponent(star(), alive, 6)).toEqual({ largest: 1, fraction: 1 / 6, components: 5, peers: 5 });
    expect(largestComponent(star(), alive).fraction).toBe(1 / 5);
  });

  it('no links: every alive peer is a component of its own', () => {
    expect(largestComponent(new Graph(4))).toEqual({ largest: 1, fraction: 0.25, components: 4, peers: 4 });
    // A mask longer than the graph (a peer table's), two of the four down.
    const alive = Uint8Array.from([1, 0, 1, 0, 1, 1]);
    expect(largestComponent(new Graph(4), alive, 4)).toEqual({ largest: 1, fraction: 0.25, components: 2, peers: 2 });
    expect(largestComponent(new Graph(2), Uint8Array.from([0, 0]))).toEqual({ largest: 0, fraction: 0, components: 0, peers: 0 });
    expect(largestComponent(new Graph(0))).toEqual({ largest: 0, fraction: 0, components: 0, peers: 0 });
  });

  it('a ring cut at two places splits in two arcs', () => {
    const alive = new Uint8Array(10).fill(1);
    alive[0] = 0; alive[4] = 0; // arcs 1..3 and 5..9
    expect(largestComponent(ring(10), alive)).toEqual({ largest: 5, fraction: 5 / 8, components: 2, peers: 8 });
  });

  it('handles a long path without recursion', () => {
    const n = 200_000;
    const g = Graph.withCapacities(n, () => 2);
    for (let p = 1; p < n; p++) g.addLinkUnchecked(p - 1, p);
    expect(largestComponent(g).largest).toBe(n);
  });

  it('is 0 on an empty population', () => {
    expect(largestComponent(new Graph(0))).toEqual({ largest: 0, fraction: 0, components: 0, peers: 0 });
  });
});

describe('largestComponent against union-find', () => {
  /** Reference: union-find over the links between alive peers. */
  function reference(g: Graph, alive?: Uint8Array) {
    const parent = Array.from({ length: g.size }, (_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    for (let p = 0; p < g.size; p++) {
      if (alive && !alive[p]) continue;
      for (const q of g.neighbors(p)) if (!alive || alive[q]) parent[find(p)] = find(q);
    }
    const sizes = new Map<number, number>();
    for (let p = 0; p < g.size; p++) if (!alive || alive[p]) sizes.set(find(p), (sizes.get(find(p)) ?? 0) + 1);
    return { largest: Math.max(0, ...sizes.values()), components: sizes.size };
  }

  // Mean degree 0.8 to 3 around the percolation threshold (1): many components, a giant one
  // above it; 20,000 peers, so the frontier of a big component passes n/16 (bottom-up levels).
  for (const degree of [0.8, 1.2, 3]) {
    it(`erdos-renyi of mean degree ${degree}, all alive and with a third offline`, () => {
      const g = erdosRenyi(20_000, { degree }, new NamedStream(7, 'overlay'));
      const alive = new Uint8Array(20_000).fill(1);
      for (let p = 0; p < 20_000; p += 3) alive[p] = 0;
      for (const mask of [undefined, alive]) {
        const got = largestComponent(g, mask);
        const want = reference(g, mask);
        expect(got.largest).toBe(want.largest);
        expect(got.components).toBe(want.components);
      }
    });
  }
});
