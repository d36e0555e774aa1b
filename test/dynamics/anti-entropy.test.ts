/**
 * Anti-entropy on rejoin (`churn.sync`, issue 6 §1, §6): a returning peer pulls the rumours
 * it missed from a neighbour through the transport, and with churn every live peer ends up
 * with every rumour.
 */
import { describe, expect, it } from 'vitest';
import { NamedStream } from '../../sim/engine/random';
import { CONTROLLER } from '../../sim/engine/simulator';
import { dynamicsOf } from '../../sim/dynamics/shared';
import { randomRegular } from '../../sim/overlay/generators/random-regular';
import type { SimContext } from '../../sim/run/context';
import { RUMOUR_LEDGER, type RumourLedger } from '../../sim/services/rumour-ledger';
import { buildComponents } from '../../sim/run/components';
import { graphOf, makeTestContext, runComponents } from '../helpers/context';

/** A ledger over a fixed set of (peer, rumour) pairs, recording deliveries. */
class FakeLedger implements RumourLedger {
  delivered: Array<[number, number]> = [];
  constructor(private readonly rumours: number, private readonly held: Set<string>) {}
  count(): number { return this.rumours; }
  has(peer: number, rumour: number): boolean { return this.held.has(`${peer}/${rumour}`); }
  deliver(peer: number, rumour: number): void {
    this.held.add(`${peer}/${rumour}`);
    this.delivered.push([peer, rumour]);
  }
}

describe('anti-entropy: exact, on a tiny overlay', () => {
  it('a returning peer gets exactly the rumours its neighbour holds, after request + reply', () => {
    // Square 0–1–2–3–0; latency 0.1 s. Peers 0, 1, 2 hold rumours 0 and 2 (of 3); 3 holds
    // none. 3 leaves at t = 1 and comes back at t = 2.
    const ctx = makeTestContext({
      n: 4, latency: 0.1, graph: graphOf(4, [[0, 1], [1, 2], [2, 3], [3, 0]]),
      scenario: { overlay: { degree: 2 }, churn: { sync: true } },
    });
    const held = new Set(['0/0', '0/2', '1/0', '1/2', '2/0', '2/2']);
    const ledger = new FakeLedger(3, held);
    ctx.services.provide(RUMOUR_LEDGER, ledger);
    const membership = dynamicsOf(ctx).membership;
    const leave = ctx.sim.registerKind('test/leave', () => membership.crash([3]));
    const back = ctx.sim.registerKind('test/back', () => membership.rejoin(3));
    ctx.sim.at(1, leave, 0, CONTROLLER);
    ctx.sim.at(2, back, 0, CONTROLLER);
    ctx.sim.run(100);
    expect(ctx.peers.alive[3]).toBe(1);
    expect(ledger.delivered).toEqual([[3, 0], [3, 2]]);
    const sync = membership.sync!;
    expect(sync.resyncs).toBe(1);
    expect(sync.rumoursPulled).toBe(2);
    // Rejoin: walk to the bootstrap peer (1 hop), 5 random hops, the offer back (1), then
    // the sync request and reply (2): at least 9 latencies, a whole number of them.
    const hops = sync.resyncTimeTotal / 0.1;
    expect(hops).toBeGreaterThanOrEqual(9 - 1e-9);
    expect(Math.abs(hops - Math.round(hops))).toBeLessThan(1e-9);
    expect(ctx.overlay.degree(3)).toBeGreaterThan(0);
  });
});

/**
 * Churn + push broadcasts over a random 6-regular overlay of 400 peers, for 1000 s, with
 * overlay repair: without it a peer whose neighbours all left is cut off, and no gossip
 * over the overlay can reach it (sync or not).
 */
function churnWithRumours(sync: boolean, seed: number, sampling = false): { ctx: SimContext; pending: number } {
  const n = 400;
  const graph = randomRegular(n, { degree: 6 }, new NamedStream(seed, 'overlay'));
  const ctx = makeTestContext({
    n, seed, graph, latency: { dist: 'uniform', min: 0.02, max: 0.12 },
    scenario: {
      duration: 1000,
      overlay: sampling
        ? { model: 'random-regular', degree: 6, sampling: { protocol: 'cyclon', period: 5, viewSize: 6, shuffleLength: 3 } }
        : { model: 'random-regular', degree: 6, repair: true },
      churn: { session: { dist: 'exponential', mean: 300 }, downtime: { dist: 'exponential', mean: 100 }, sync },
      workload: { broadcasts: { at: 10, count: 4, every: 200, protocol: 'push', period: 1, maxRounds: 60, targets: 'neighbours' } },
    },
  });
  runComponents(ctx, buildComponents(ctx.scenario), 1000);
  const s = dynamicsOf(ctx).membership.sync;
  return { ctx, pending: s ? s.pending : 0 };
}

/** Live peers missing at least one rumour. */
function missing(ctx: SimContext): number {
  const ledger = ctx.services.require(RUMOUR_LEDGER);
  let count = 0;
  for (let p = 0; p < ctx.peers.count; p++) {
    if (ctx.peers.alive[p] !== 1) continue;
    for (let r = 0; r < ledger.count(); r++) if (!ledger.has(p, r)) { count++; break; }
  }
  return count;
}

describe('anti-entropy: end to end with churn and broadcasts', () => {
  it('with sync, every live peer ends up with every rumour', () => {
    for (const seed of [1, 2]) {
      const { ctx, pending } = churnWithRumours(true, seed);
      expect(ctx.services.require(RUMOUR_LEDGER).count()).toBe(4);
      // Only a peer that came back in the last instants (its answer still in flight) may lack one.
      expect(missing(ctx)).toBeLessThanOrEqual(pending);
      expect(pending).toBeLessThanOrEqual(2);
      const sync = dynamicsOf(ctx).membership.sync!;
      expect(sync.resyncs).toBeGreaterThan(500);
      expect(sync.rumoursPulled).toBeGreaterThan(100);
    }
  });

  it('with sync over Cyclon views (the views are the overlay), every live peer ends up with every rumour', () => {
    const { ctx, pending } = churnWithRumours(true, 3, true);
    expect(missing(ctx)).toBeLessThanOrEqual(pending);
    expect(dynamicsOf(ctx).membership.sync!.resyncs).toBeGreaterThan(500);
  });

  it('without sync, peers that were away during a broadcast never get it', () => {
    const { ctx } = churnWithRumours(false, 1);
    expect(missing(ctx)).toBeGreaterThan(50);
  });
});
