/**
 * Cyclon (Voulgaris, Gavidia, van Steen 2005) as the overlay (issue 6 §4, §6): views stay
 * consistent and are the overlay, in-degrees concentrate far more than in a random graph,
 * and after half the peers crash the dead links are flushed and the survivors stay one
 * component.
 */
import type { GossipSampler } from '../../../sim/protocols/sampling/sampler';
import { describe, expect, it } from 'vitest';
import { NamedStream } from '../../../sim/engine/random';
import { CONTROLLER } from '../../../sim/engine/simulator';
import { ChurnComponent } from '../../../sim/dynamics/churn/component';
import { FailuresComponent } from '../../../sim/dynamics/failures/component';
import { dynamicsOf } from '../../../sim/dynamics/shared';
import { largestComponent } from '../../../sim/metrics/components';
import { viewInDegreeStats } from '../../../sim/metrics/in-degree';
import { barabasiAlbert } from '../../../sim/overlay/generators/barabasi-albert';
import { randomRegular } from '../../../sim/overlay/generators/random-regular';
import type { Graph } from '../../../sim/overlay/graph';
import { PeerSamplingComponent } from '../../../sim/protocols/sampling/component';
import type { Component, SimContext } from '../../../sim/run/context';
import { graphOf, makeTestContext } from '../../helpers/context';
import { expectConsistentViews, linkSet, viewLinkSet } from './invariants';

const PERIOD = 10;

interface Setup {
  n: number;
  seed?: number;
  graph: Graph;
  viewSize?: number;
  shuffleLength?: number;
  live?: boolean;
  extra?: Record<string, unknown>;
  components?: (ctx: SimContext) => Component[];
}

function setup(o: Setup) {
  const viewSize = o.viewSize ?? 20;
  const ctx = makeTestContext({
    n: o.n, seed: o.seed ?? 1, graph: o.graph, latency: { dist: 'uniform', min: 0.02, max: 0.12 },
    scenario: {
      overlay: { degree: viewSize, sampling: { protocol: 'cyclon', period: PERIOD, viewSize, shuffleLength: o.shuffleLength ?? 5 } },
      ...o.extra,
    },
  });
  const sampling = new PeerSamplingComponent(ctx.scenario.overlay.sampling!, o.live ?? true);
  const others = o.components ? o.components(ctx) : [];
  sampling.start(ctx);
  for (const c of others) c.start(ctx);
  // The membership holds it as the service interface; the tests read the sampler's whole view table.
  const service = dynamicsOf(ctx).membership.sampling as GossipSampler;
  return { ctx, service, views: service.views };
}

describe('cyclon: views', () => {
  it('each live peer starts exactly one exchange a period; every request is answered', () => {
    const n = 300;
    const { ctx, service } = setup({ n, graph: randomRegular(n, { degree: 8 }, new NamedStream(1, 'overlay')), viewSize: 8, shuffleLength: 3 });
    ctx.sim.run(25 * PERIOD - 1e-9);
    // Timers start at a uniform phase in [0, period): 25 of them per peer before 25 periods.
    expect(service.exchanges).toBe(25 * n);
    ctx.sim.run(30 * PERIOD);
    expect(ctx.transport.sent).toBeGreaterThanOrEqual(2 * 25 * n);
  });

  it('stay consistent and are the overlay, under churn, in live and lazy mode alike', () => {
    const n = 400;
    const run = (live: boolean) => {
      const { ctx, views, service } = setup({
        n, seed: 4, live, graph: randomRegular(n, { degree: 10 }, new NamedStream(4, 'overlay')), viewSize: 10, shuffleLength: 4,
        extra: { churn: { session: { dist: 'exponential', mean: 200 }, downtime: { dist: 'exponential', mean: 100 }, arrivals: 0.2 } },
        components: (c) => [new ChurnComponent(c.scenario.churn!)],
      });
      ctx.sim.run(600);
      expectConsistentViews(views, ctx.peers);
      service.syncOverlay();
      expect(linkSet(ctx.overlay)).toEqual(viewLinkSet(views, ctx.peers.count));
      expect(ctx.peers.count).toBeGreaterThan(n); // arrivals joined
      return { links: linkSet(ctx.overlay), dead: views.deadEntries };
    };
    const live = run(true);
    const lazy = run(false);
    // Lazy mode defers only the graph's bookkeeping: the same views, hence the same links.
    expect(lazy).toEqual(live);
    expect(live.dead).toBeGreaterThan(0); // departed peers linger in views until detected
  });

  it('are the same for the same seed and differ for another', () => {
    const views = (seed: number) => {
      const { ctx, views: v } = setup({ n: 200, seed, graph: randomRegular(200, { degree: 6 }, new NamedStream(1, 'overlay')), viewSize: 6 });
      ctx.sim.run(200);
      return Array.from(v.data.subarray(0, 200 * v.stride)).join(',');
    };
    expect(views(1)).toBe(views(1));
    expect(views(1)).not.toBe(views(2));
  });
});

describe('cyclon: in-degree (Voulgaris et al. 2005, §5: a narrow in-degree distribution)', () => {
  it('concentrates in-degrees far below a random graph\'s spread, starting from a scale-free overlay', () => {
    // Start from barabasi-albert (m = 10): hubs sit in hundreds of views. Baseline: views
    // of c = 20 uniform random peers give Poisson(20) in-degrees, sd √20 ≈ 4.5. Cyclon's
    // shuffle swaps entries rather than copying them, so in-degrees stay near c: measured
    // sd ≈ 1.8 after 30 periods (n = 2000). Bound: half the random baseline, 1/4 the start.
    const n = 2000, c = 20;
    const { ctx, views } = setup({ n, graph: barabasiAlbert(n, { degree: 20 }, new NamedStream(1, 'overlay')), viewSize: c });
    const before = viewInDegreeStats(views.inDegree, ctx.peers.alive, n);
    ctx.sim.run(50 * PERIOD);
    const after = viewInDegreeStats(views.inDegree, ctx.peers.alive, n);
    expect(before.sd).toBeGreaterThan(8);
    expect(after.mean).toBeGreaterThan(0.99 * c);
    expect(after.sd).toBeLessThan(0.5 * Math.sqrt(c));
    expect(after.sd).toBeLessThan(before.sd / 4);
    expect(after.max).toBeLessThan(2 * c);
  });
});

describe('cyclon: self-healing after half the peers crash', () => {
  it('flushes the dead links within ~2·viewSize periods and keeps the survivors connected', () => {
    // Cyclon drops a dead link only when it is the oldest entry of a view (the shuffle
    // partner): a live peer removes at most one a period, and about half its c entries are
    // dead, so the dead fraction falls roughly linearly to 0 in 1.5–2 c periods (measured
    // ~33 periods for c = 20); Newscast's healer is faster (newscast.test.ts).
    const n = 2000, c = 20, failAt = 20 * PERIOD;
    const { ctx, views, service } = setup({
      n, graph: randomRegular(n, { degree: c }, new NamedStream(2, 'overlay')), viewSize: c, live: false,
      extra: { failures: [{ at: failAt, fraction: 0.5 }] },
      components: (x) => [new FailuresComponent(x.scenario.failures)],
    });
    const dead: number[] = [];
    for (let k = 0; k <= 2 * c; k++) {
      ctx.sim.run(failAt + k * PERIOD);
      dead.push(service.deadLinkFraction());
      service.syncOverlay();
      expect(largestComponent(ctx.overlay, ctx.peers.alive).fraction).toBe(1);
    }
    expect(dead[0]).toBeGreaterThan(0.45);          // right after: half the entries are dead
    for (let k = 1; k < dead.length; k++) expect(dead[k]).toBeLessThanOrEqual(dead[k - 1] + 1e-12);
    expect(dead[c]).toBeLessThan(0.3);              // falling steadily...
    expect(dead[2 * c]).toBeLessThan(0.005);        // ...and flushed by 2c periods
    expect(views.entries / (ctx.peers.aliveCount * c)).toBeGreaterThan(0.98); // views refilled
    expectConsistentViews(views, ctx.peers);
  });

  it('a peer whose every entry was dead goes back to the bootstrap service', () => {
    // Peer 0 knows only peer 1 (and only 1 knows 0); the others form a ring through 1.
    const graph = graphOf(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 1]]);
    const { ctx, views } = setup({ n: 6, graph, viewSize: 2, shuffleLength: 2 });
    const membership = dynamicsOf(ctx).membership;
    const down = ctx.sim.registerKind('test/down', () => membership.crash([1]));
    ctx.sim.at(0.001, down, 0, CONTROLLER);
    ctx.sim.run(PERIOD + 0.01);
    expect(views.size[0]).toBe(0);      // its one shuffle went to the dead peer 1
    ctx.sim.run(3 * PERIOD);
    expect(views.size[0]).toBe(2);      // refilled from a bootstrap peer's view
    expect(views.contains(0, 1)).toBe(false);
    expectConsistentViews(views, ctx.peers);
  });

  it('a peer that comes back rejoins through a bootstrap peer and is soon known again', () => {
    const n = 300;
    const { ctx, views } = setup({ n, graph: randomRegular(n, { degree: 8 }, new NamedStream(3, 'overlay')), viewSize: 8 });
    const membership = dynamicsOf(ctx).membership;
    const down = ctx.sim.registerKind('test/down', () => membership.crash([7]));
    const up = ctx.sim.registerKind('test/up', () => membership.rejoin(7));
    ctx.sim.at(100, down, 0, CONTROLLER);
    ctx.sim.at(400, up, 0, CONTROLLER);
    ctx.sim.run(399);
    expect(views.size[7]).toBe(0);
    expect(views.inDegree[7]).toBe(0);  // long forgotten
    ctx.sim.run(401);
    expect(views.size[7]).toBe(8);      // the bootstrap peer's view plus itself
    ctx.sim.run(400 + 10 * PERIOD);
    expect(views.inDegree[7]).toBeGreaterThan(3); // it advertised itself in its shuffles
  });
});
