/**
 * Who learns what, and when (docs/dynamics.md): a departure reaches the neighbours by leave
 * notices, a latency later; bootstrap contacts come from a live snapshot rebuilt at every
 * multiple of network.knowledgeRefresh and after a failure.
 */
import { describe, expect, it } from 'vitest';
import { CONTROLLER } from '../../sim/engine/simulator';
import { dynamicsOf } from '../../sim/dynamics/shared';
import { LiveSnapshot } from '../../sim/dynamics/knowledge';
import { PeerTable } from '../../sim/run/peers';
import { graphOf, makeTestContext } from '../helpers/context';

const longChurn = { churn: { session: '1000000s', downtime: '1000000s' }, overlay: { degree: 2 } };

describe('leave notices', () => {
  it('a departing peer drops its own links at once; each neighbour drops its half when the notice arrives, one latency later', () => {
    const ring: Array<[number, number]> = [[0, 1], [1, 2], [2, 3], [3, 0]];
    const ctx = makeTestContext({ n: 4, latency: 0.05, graph: graphOf(4, ring), scenario: longChurn });
    const membership = dynamicsOf(ctx).membership;
    const leave = ctx.sim.registerKind('test/leave', () => membership.leave(0));
    ctx.sim.at(1, leave, 0, CONTROLLER);
    ctx.sim.run(1.04);
    expect(ctx.overlay.degree(0)).toBe(0);
    expect(ctx.overlay.contains(1, 0)).toBe(true);
    expect(ctx.overlay.contains(3, 0)).toBe(true);
    // The pair is still counted while one end holds it.
    expect(ctx.overlay.edges).toBe(4);
    ctx.sim.run(1.06);
    expect(ctx.overlay.contains(1, 0)).toBe(false);
    expect(ctx.overlay.contains(3, 0)).toBe(false);
    expect(ctx.overlay.degree(1)).toBe(1);
    expect(ctx.overlay.edges).toBe(2);
  });
});

describe('the live snapshot', () => {
  it('copies who is alive when rebuilt, and no later change or arrival until the next rebuild', () => {
    const peers = new PeerTable(5);
    const snapshot = new LiveSnapshot(peers);
    snapshot.rebuild();
    peers.setAlive(2, false);
    peers.create();
    expect(Array.from(snapshot.live.subarray(0, snapshot.count))).toEqual([1, 1, 1, 1, 1]);
    expect(snapshot.count).toBe(5);
    snapshot.rebuild();
    expect(Array.from(snapshot.live.subarray(0, snapshot.count))).toEqual([1, 1, 0, 1, 1, 1]);
    expect(snapshot.count).toBe(6);
  });

  it('is rebuilt at every multiple of network.knowledgeRefresh (default 1 s) under churn, and after each failure', () => {
    const ctx = makeTestContext({ n: 8, scenario: longChurn });
    const membership = dynamicsOf(ctx).membership;
    ctx.sim.run(3.5);
    // Once when created, then at 1, 2 and 3 s.
    expect(membership.snapshot.rebuilds).toBe(4);
    const fail = ctx.sim.registerKind('test/fail', () => membership.crash([5]));
    ctx.sim.at(3.7, fail, 0, CONTROLLER);
    ctx.sim.run(3.8);
    expect(membership.snapshot.rebuilds).toBe(5);
    expect(membership.snapshot.live[5]).toBe(0);
  });
});
