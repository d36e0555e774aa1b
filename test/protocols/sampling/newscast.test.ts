/**
 * Newscast (Jelasity, Kowalczyk, van Steen 2003; the (rand, healer, push-pull) protocol of
 * Jelasity et al., ACM TOCS 2007) as the overlay (issue 6 §4): consistent views, fresh
 * entries, and fast healing after a mass failure.
 */
import type { GossipSampler } from '../../../sim/protocols/sampling/sampler';
import { describe, expect, it } from 'vitest';
import { NamedStream } from '../../../sim/engine/random';
import { FailuresComponent } from '../../../sim/dynamics/failures/component';
import { dynamicsOf } from '../../../sim/dynamics/shared';
import { largestComponent } from '../../../sim/metrics/components';
import { randomRegular } from '../../../sim/overlay/generators/random-regular';
import { PeerSamplingComponent } from '../../../sim/protocols/sampling/component';
import { makeTestContext } from '../../helpers/context';
import { expectConsistentViews, linkSet, viewLinkSet } from './invariants';

const PERIOD = 10;

function setup(n: number, c: number, failures: unknown[] = [], seed = 1) {
  const graph = randomRegular(n, { degree: c }, new NamedStream(seed, 'overlay'));
  const ctx = makeTestContext({
    n, seed, graph, latency: { dist: 'uniform', min: 0.02, max: 0.12 },
    scenario: { overlay: { degree: c, sampling: { protocol: 'newscast', period: PERIOD, viewSize: c } }, failures },
  });
  new PeerSamplingComponent(ctx.scenario.overlay.sampling!, true).start(ctx);
  if (failures.length > 0) new FailuresComponent(ctx.scenario.failures).start(ctx);
  // The membership holds it as the service interface; the tests read the sampler's whole view table.
  const service = dynamicsOf(ctx).membership.sampling as GossipSampler;
  return { ctx, service, views: service.views };
}

describe('newscast', () => {
  it('keeps full, consistent views that are the overlay, holding only fresh entries', () => {
    const n = 500, c = 10;
    const { ctx, views } = setup(n, c);
    ctx.sim.run(40 * PERIOD);
    expectConsistentViews(views, ctx.peers);
    expect(linkSet(ctx.overlay)).toEqual(viewLinkSet(views, n));
    expect(views.entries).toBe(n * c);
    // Every exchange brings a fresh (age 0) entry of both parties and each peer keeps the c
    // youngest of ~2c candidates, so entries are at most a few periods old.
    let ageSum = 0, maxAge = 0;
    for (let p = 0; p < n; p++) for (let i = 0; i < c; i++) { ageSum += views.age(p, i); maxAge = Math.max(maxAge, views.age(p, i)); }
    expect(ageSum / (n * c)).toBeLessThan(3);
    expect(maxAge).toBeLessThan(15);
  });

  it('pushes dead links out within a few periods after half the peers crash', () => {
    // The healer: a crashed peer never refreshes its entry, so its entries only grow older
    // and are dropped in favour of younger ones; measured: 48% dead right after, < 1%
    // within 10 periods (n = 2000, c = 20). Bound: < 2% after 10 periods, 0 after 20.
    const n = 2000, c = 20, failAt = 20 * PERIOD;
    const { ctx, service } = setup(n, c, [{ at: failAt, fraction: 0.5 }], 2);
    ctx.sim.run(failAt + 1e-9);
    expect(service.deadLinkFraction()).toBeGreaterThan(0.45);
    ctx.sim.run(failAt + 10 * PERIOD);
    expect(service.deadLinkFraction()).toBeLessThan(0.02);
    ctx.sim.run(failAt + 20 * PERIOD);
    expect(service.deadLinkFraction()).toBe(0);
    expect(largestComponent(ctx.overlay, ctx.peers.alive).fraction).toBe(1);
  });
});
