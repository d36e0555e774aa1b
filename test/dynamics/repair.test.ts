/**
 * Overlay repair (`overlay.repair`, issue 6 §3): a peer that loses a neighbour finds a
 * replacement by a short random walk, so the overlay heals after a mass failure or attack.
 */
import { describe, expect, it } from 'vitest';
import { CONTROLLER } from '../../sim/engine/simulator';
import { dynamicsOf } from '../../sim/dynamics/shared';
import type { ResilienceResult } from '../../sim/dynamics/failures/component';
import { largestComponent } from '../../sim/metrics/components';
import { degreeStats } from '../../sim/metrics/degree-stats';
import { runScenario } from '../../sim/run/run-scenario';
import { validate } from '../../sim/scenario/validate';
import { graphOf, makeTestContext } from '../helpers/context';

function failure(repair: boolean, model: string, target: 'random' | 'degree', fraction: number) {
  const r = runScenario(validate({
    name: 'repair test', seed: 11, duration: 60, peers: { count: 5000 },
    overlay: { model, degree: 4, repair },
    failures: { at: 5, fraction, target },
    metrics: { sample: 0.5 },
  }));
  return r.resilience![0] as ResilienceResult;
}

describe('repair after a mass failure', () => {
  it('random-regular k=4, half the peers crash: the survivors reconnect into one component', () => {
    const healed = failure(true, 'random-regular', 'random', 0.5);
    const broken = failure(false, 'random-regular', 'random', 0.5);
    // Right after, repair or not, the same damage (percolation: ~0.43 of all peers).
    expect(healed.largestComponentFraction).toBe(broken.largestComponentFraction);
    expect(healed.survivorsLargestComponentFraction).toBeLessThan(0.9);
    expect(broken.recovery).toBeUndefined();
    const rec = healed.recovery!;
    expect(rec.time[0]).toBe(0);
    expect(rec.largestComponentFraction[0]).toBe(healed.survivorsLargestComponentFraction);
    // Walks of 5 hops at 50 ms finish within a second; the run then has no event left and
    // ends, so the last sample is the healed overlay (measured: 1 from 0.5 s on).
    const last = rec.largestComponentFraction.length - 1;
    expect(rec.time[last]).toBeLessThanOrEqual(2);
    expect(rec.largestComponentFraction[last]).toBeGreaterThan(0.999);
  });

  it('barabasi-albert, top 5% by degree attacked: repair rejoins what the attack cut off', () => {
    const healed = failure(true, 'barabasi-albert', 'degree', 0.05);
    expect(healed.survivorsLargestComponentFraction).toBeLessThan(0.93);
    const rec = healed.recovery!;
    expect(rec.largestComponentFraction[rec.largestComponentFraction.length - 1]).toBeGreaterThan(0.999);
  });
});

describe('repair on a tiny overlay', () => {
  it('both neighbours of a crashed peer on a ring get back to their target degree', () => {
    const ring: Array<[number, number]> = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]];
    for (const seed of [1, 2, 3, 4, 5]) {
      const ctx = makeTestContext({ n: 6, seed, latency: 0.05, graph: graphOf(6, ring), scenario: { overlay: { degree: 2, repair: true } } });
      const membership = dynamicsOf(ctx).membership;
      const crash = ctx.sim.registerKind('test/crash', () => membership.crash([0]));
      ctx.sim.at(1, crash, 0, CONTROLLER);
      ctx.sim.run(Infinity);
      expect(ctx.overlay.degree(0)).toBe(0);
      // At least the target: a seeking peer may also be the holder that another's walk
      // stopped at, and a holder lists its new neighbour a latency after the origin
      // accepted (walk.ts), when its own search may have succeeded too.
      for (const q of [1, 5]) {
        expect(ctx.overlay.degree(q)).toBeGreaterThanOrEqual(2);
        expect(ctx.overlay.degree(q)).toBeLessThanOrEqual(3);
      }
      // Every link is held by both ends once the handshakes are over.
      for (let p = 0; p < 6; p++) for (const q of ctx.overlay.neighbors(p)) expect(ctx.overlay.contains(q, p)).toBe(true);
      expect(largestComponent(ctx.overlay, ctx.peers.alive).fraction).toBe(1);
      // Links only among live peers, never above maxDegree.
      expect(degreeStats(ctx.overlay, ctx.peers.alive).max).toBeLessThanOrEqual(32);
      expect(membership.walker!.linksMade).toBeGreaterThanOrEqual(1);
    }
  });

  it('without repair the neighbours of a crashed peer just lose the link', () => {
    const ctx = makeTestContext({ n: 4, graph: graphOf(4, [[0, 1], [0, 2], [0, 3]]), scenario: { overlay: { degree: 2 } } });
    const down: number[] = [];
    ctx.peerDown.push((p) => down.push(p));
    dynamicsOf(ctx).membership.crash([0]);
    ctx.sim.run(Infinity);
    expect(down).toEqual([0]);
    expect(ctx.peers.alive[0]).toBe(0);
    expect(ctx.overlay.edges).toBe(0);
    expect(ctx.sim.events).toBe(0);
  });
});
