/**
 * Same scenario and seed, same results (byte for byte); another seed, other results. And
 * eliding the arrival of known duplicates (the default without churn) changes nothing but
 * the number of events: every count, time and trace entry is identical.
 */
import { describe, expect, it } from 'vitest';
import { BroadcastComponent, planBroadcasts } from '../../../sim/protocols/broadcast/component';
import { Graph } from '../../../sim/overlay/graph';
import { NamedStream } from '../../../sim/engine/random';
import { makeTestContext, runComponents } from '../../helpers/context';
import { broadcastSpec, MIXED_BROADCASTS } from './run-broadcast';

function randomGraph(n: number, links: number): Graph {
  const g = new Graph(n);
  const rng = new NamedStream(9, 'test/graph');
  while (g.edges < links) g.addLink(rng.int(n), rng.int(n));
  return g;
}

const SPECS = MIXED_BROADCASTS;

function run(seed: number, elide?: boolean, latency: number | { dist: 'uniform'; min: number; max: number } = { dist: 'uniform', min: 0.1, max: 1.5 }) {
  const ctx = makeTestContext({ n: 400, seed, graph: randomGraph(400, 1200), latency, loss: 0.05 });
  for (let p = 0; p < 400; p += 25) ctx.peers.setAlive(p, false); // offline throughout
  const r = runComponents(ctx, [new BroadcastComponent(SPECS, { elide })]);
  return { broadcasts: r.broadcasts!, events: ctx.sim.events, sent: ctx.transport.sent };
}

describe('determinism', () => {
  it('same seed: identical results; another seed: different results', () => {
    const a = run(11), b = run(11), c = run(12);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(c.broadcasts)).not.toBe(JSON.stringify(a.broadcasts));
    expect(a.broadcasts).toHaveLength(8);
  });

  for (const latency of [0.125, { dist: 'uniform' as const, min: 0.1, max: 1.5 }]) {
    it(`eliding known duplicates changes only the event count (latency ${JSON.stringify(latency)})`, () => {
      const on = run(3, true, latency), off = run(3, false, latency);
      expect(JSON.stringify(on.broadcasts)).toBe(JSON.stringify(off.broadcasts));
      expect(on.sent).toBe(off.sent);
      expect(on.events).toBeLessThan(off.events);
    });
  }

  it('plans broadcasts in start order, list order breaking ties', () => {
    const plan = planBroadcasts([
      broadcastSpec({ at: 2 }), broadcastSpec({ at: 0, count: 3, every: 1 }), broadcastSpec({ at: 1 }),
    ], 100);
    expect(plan.map((s) => [s.start, s.specIndex])).toEqual([[0, 1], [1, 1], [1, 2], [2, 0], [2, 1]]);
  });
});
