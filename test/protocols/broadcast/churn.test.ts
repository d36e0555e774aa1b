/**
 * Broadcasts while peers leave and rejoin (driven here by hand, as churn and failures do:
 * mark the peer, then tell the listeners). Live counts follow, messages to offline peers
 * are dropped, coverage stays <= 1, and anti-entropy delivery informs a rejoining peer.
 */
import { RUMOUR_LEDGER } from '../../../sim/services/rumour-ledger';
import { describe, expect, it } from 'vitest';
import { CONTROLLER } from '../../../sim/engine/simulator';
import { BroadcastComponent } from '../../../sim/protocols/broadcast/component';
import type { SimContext } from '../../../sim/run/context';
import { makeTestContext, runComponents } from '../../helpers/context';
import { broadcastSpec } from './run-broadcast';

function setDown(ctx: SimContext, p: number): void {
  ctx.peers.setAlive(p, false);
  for (const f of ctx.peerDown) f(p);
}
function setUp(ctx: SimContext, p: number): void {
  ctx.peers.setAlive(p, true);
  for (const f of ctx.peerUp) f(p);
}

describe('broadcasts under churn', () => {
  it('counts alive at the end, drops messages to offline peers, and keeps coverage <= 1', () => {
    const n = 2000;
    const ctx = makeTestContext({ n, seed: 5, latency: { dist: 'uniform', min: 0.1, max: 0.5 }, scenario: { churn: {} } });
    // Peers 0..399 leave at t = 4.2 s, while round 5's messages are in flight; 0..199 come
    // back at t = 9 s (controller events).
    const leave = ctx.sim.registerKind('test/leave', () => { for (let p = 0; p < 400; p++) setDown(ctx, p); });
    const back = ctx.sim.registerKind('test/back', () => { for (let p = 0; p < 200; p++) setUp(ctx, p); });
    ctx.sim.at(4.2, leave, 0, CONTROLLER);
    ctx.sim.at(9, back, 0, CONTROLLER);
    const r = runComponents(ctx, [new BroadcastComponent([broadcastSpec({ origin: 1999 })])]).broadcasts![0];
    expect(r.alive).toBe(1800);
    expect(r.dropped).toBeGreaterThan(0);
    expect(r.coverage).toBeLessThanOrEqual(1);
    // Peers that came back keep what they had and are gossiped to again: all live reached.
    expect(r.allReached).toBe(true);
    expect(r.reached).toBe(1800);
    expect(r.reachedEver).toBeGreaterThanOrEqual(1800);
    expect(r.reachedEver).toBeLessThanOrEqual(2000);
  });

  it('sampled informed fraction follows peers leaving; sync delivery informs a returning peer', () => {
    const ctx = makeTestContext({ n: 4, latency: 0.125, scenario: { churn: { sync: true } } });
    const c = new BroadcastComponent([broadcastSpec({ origin: 0, protocol: 'push', maxRounds: 1, targets: 'neighbours' })]);
    c.start(ctx);
    ctx.sim.run(Infinity); // no neighbours: only the origin holds it
    const sample = () => { let v: number | null = null; c.sample(ctx, (_n, x) => { v = x; }); return v; };
    expect(sample()).toBe(0.25);
    setDown(ctx, 0);
    expect(sample()).toBe(0);
    setDown(ctx, 3);
    setUp(ctx, 3);
    ctx.services.require(RUMOUR_LEDGER).deliver(3, 0);
    expect(ctx.services.require(RUMOUR_LEDGER).has(3, 0)).toBe(true);
    expect(sample()).toBeCloseTo(1 / 3); // peers 1, 2, 3 alive; 3 informed
    setUp(ctx, 0);
    expect(sample()).toBeCloseTo(2 / 4);
  });
});
