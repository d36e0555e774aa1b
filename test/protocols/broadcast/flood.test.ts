/**
 * Flooding on a connected overlay reaches every peer. With a constant latency λ the peers
 * reached by time t are exactly the breadth-first ball of radius ⌊t/λ⌋ around the origin
 * (each hop takes λ), computed here independently by a BFS over the same graph. Every
 * peer sends to all neighbours but its sender once, so messages = 2·links − (n − 1).
 */
import { describe, expect, it } from 'vitest';
import { BroadcastComponent } from '../../../sim/protocols/broadcast/component';
import type { Results } from '../../../sim/run/results';
import { makeTestContext } from '../../helpers/context';
import { bfs, ringWithChords } from '../../helpers/graphs';
import { broadcastSpec, runBroadcast } from './run-broadcast';

describe('flood', () => {
  for (const seed of [1, 2, 3]) {
    it(`with constant latency, the peers reached by time t form the BFS ball of radius ⌊t/λ⌋ (seed ${seed})`, () => {
      const n = 3000, latency = 0.125;
      const graph = ringWithChords(n, 1, seed);
      const ctx = makeTestContext({ n, seed, graph, latency });
      const component = new BroadcastComponent([broadcastSpec({ protocol: 'flood' })]);
      component.start(ctx);
      ctx.sim.run(0);
      const st = component.states[0];
      const dist = bfs(graph, st.origin);
      const eccentricity = Math.max(...dist);
      expect(Math.min(...dist)).toBe(0); // connected
      for (let step = 0; step <= 2 * eccentricity + 2; step++) {
        const t = (step * latency) / 2; // multiples of λ and halfway between them
        ctx.sim.run(t);
        const radius = Math.floor(t / latency);
        let mismatches = 0;
        for (let p = 0; p < n; p++) if (st.has(p) !== (dist[p] <= radius)) mismatches++;
        expect(mismatches, `t = ${t}`).toBe(0);
      }
      ctx.sim.run(Infinity);
      const results = { series: { time: [] } } as unknown as Results;
      component.contribute(results, ctx);
      const r = results.broadcasts![0];
      expect(r).toMatchObject({ reached: n, allReached: true, rounds: eccentricity, completionTime: eccentricity * latency });
      expect(r.messages).toBe(2 * graph.edges - (n - 1));
      expect(r.duplicates).toBe(r.messages - (n - 1));
    });
  }

  it('with random latency it still reaches everyone, with the same message count', () => {
    const n = 3000;
    for (const seed of [4, 5, 6]) {
      const graph = ringWithChords(n, 1, seed);
      const r = runBroadcast({ n, seed, graph, spec: { protocol: 'flood' }, latency: { dist: 'uniform', min: 0.1, max: 0.5 } });
      expect(r.allReached).toBe(true);
      expect(r.messages).toBe(2 * graph.edges - (n - 1));
      // The first copy may come by a longer path when it is faster: hops >= BFS eccentricity.
      expect(r.rounds).toBeGreaterThanOrEqual(Math.max(...bfs(graph, r.origin)));
    }
  });
});
