/**
 * Tiny broadcasts whose every message is computed by hand: paths, stars, a triangle and
 * two-peer exchanges with constant latency (0.125 s, exact in binary, so times compare
 * exactly), plus loss, offline peers, the timeline, the trace and the sampled series.
 */
import { RUMOUR_LEDGER } from '../../../sim/services/rumour-ledger';
import { describe, expect, it } from 'vitest';
import { BroadcastComponent } from '../../../sim/protocols/broadcast/component';
import type { BroadcastSpec } from '../../../sim/protocols/broadcast/schema';
import type { BroadcastResult } from '../../../sim/protocols/broadcast/results-section';
import { graphOf, makeTestContext, runComponents } from '../../helpers/context';

const L = 0.125;

function spec(over: Partial<BroadcastSpec>): BroadcastSpec {
  return {
    at: 0, count: 1, every: 30, origin: 0, protocol: 'push', forward: 'rounds',
    fanout: 1, period: 1, maxRounds: 200, targets: 'uniform', ...over,
  };
}

function run(n: number, b: Partial<BroadcastSpec>, opts: { links?: Array<[number, number]>; loss?: number; elide?: boolean; down?: number[] } = {}): BroadcastResult {
  const ctx = makeTestContext({ n, graph: graphOf(n, opts.links ?? []), latency: L, loss: opts.loss ?? 0 });
  for (const p of opts.down ?? []) ctx.peers.setAlive(p, false);
  const r = runComponents(ctx, [new BroadcastComponent([spec(b)], { elide: opts.elide })]);
  expect(r.broadcasts).toHaveLength(1);
  return r.broadcasts![0];
}

// Every case runs with and without elision of known duplicates: the results must agree.
for (const elide of [true, false]) {
  describe(`exact tiny broadcasts (elide ${elide})`, () => {
    it('flood on a path 0-1-2-3 from 0: one message a link, hop count 3', () => {
      const r = run(4, { protocol: 'flood', at: 1 }, { links: [[0, 1], [1, 2], [2, 3]], elide });
      expect(r).toMatchObject({
        origin: 0, start: 1, protocol: 'flood', reached: 4, alive: 4, coverage: 1, allReached: true,
        rounds: 3, completionTime: 3 * L, messages: 3, duplicates: 0, lost: 0, dropped: 0,
      });
      expect(r.timeline).toEqual({ time: [1, 1 + L, 1 + 2 * L, 1 + 3 * L], informed: [1, 2, 3, 4] });
      expect(r.trace).toEqual([[0, 1, null], [1, 1 + L, 0], [2, 1 + 2 * L, 1], [3, 1 + 3 * L, 2]]);
    });

    it('flood on a star from a leaf: 1 message in, 3 out, 2 hops', () => {
      const r = run(5, { protocol: 'flood', origin: 1 }, { links: [[0, 1], [0, 2], [0, 3], [0, 4]], elide });
      expect(r).toMatchObject({ reached: 5, rounds: 2, completionTime: 2 * L, messages: 4, duplicates: 0 });
    });

    it('flood on a triangle: the two second-hop messages are duplicates', () => {
      const r = run(3, { protocol: 'flood' }, { links: [[0, 1], [1, 2], [0, 2]], elide });
      expect(r).toMatchObject({ reached: 3, rounds: 1, completionTime: L, messages: 4, duplicates: 2 });
    });

    it('push once (infect-and-die) on a star from the centre: every leaf pushes back once', () => {
      const r = run(5, { protocol: 'push', forward: 'once', fanout: 10, targets: 'neighbours' },
        { links: [[0, 1], [0, 2], [0, 3], [0, 4]], elide });
      expect(r).toMatchObject({ reached: 5, rounds: 1, completionTime: L, messages: 8, duplicates: 4 });
    });

    it('push rounds with two peers: one push, then the next tick sees everyone informed', () => {
      const r = run(2, { protocol: 'push' }, { elide });
      expect(r).toMatchObject({ reached: 2, rounds: 1, completionTime: L, messages: 1, duplicates: 0 });
      expect(r.trace).toEqual([[0, 0, null], [1, L, 0]]);
    });

    it('pull with two peers: a request and a reply inform in round 1 after two latencies', () => {
      const r = run(2, { protocol: 'pull' }, { elide });
      expect(r).toMatchObject({ reached: 2, rounds: 1, completionTime: 2 * L, messages: 2, duplicates: 0 });
    });

    it('push-pull with two peers: the push informs, the reply to the request is a duplicate', () => {
      // Tick 1 at t=0: 0 pushes to 1 and 1 asks 0; both arrive at L, the push first (the
      // tie-break orders by sender); 0 answers the request with a reply that is a duplicate.
      const r = run(2, { protocol: 'push-pull' }, { elide });
      expect(r).toMatchObject({ reached: 2, rounds: 1, completionTime: L, messages: 3, duplicates: 1 });
    });

    it('push with three peers on a path, neighbours: the middle peer pushes both ways at random', () => {
      const r = run(3, { protocol: 'push', targets: 'neighbours', origin: 1 }, { links: [[0, 1], [1, 2]], elide });
      expect(r.allReached).toBe(true);
      // Round 1: 1 pushes to one end. Each later round every informed peer sends one
      // message, so messages = 1 + 2·(rounds − 1) + ... exactly: sum over ticks of informed.
      expect(r.messages).toBe(r.duplicates + 2);
    });

    it('total loss: nothing arrives, the origin pushes once per round until maxRounds', () => {
      const r = run(2, { protocol: 'push', maxRounds: 5 }, { loss: 1, elide });
      expect(r).toMatchObject({
        reached: 1, alive: 2, coverage: 0.5, allReached: false, rounds: null, completionTime: null,
        messages: 5, duplicates: 0, lost: 5,
      });
    });

    it('an offline peer drops what it is sent and is not counted alive', () => {
      const r = run(3, { protocol: 'flood' }, { links: [[0, 1], [1, 2]], down: [1], elide });
      expect(r).toMatchObject({ reached: 1, alive: 2, coverage: 0.5, allReached: false, messages: 1, dropped: 1 });
    });

    it('messages to a peer offline from the start are all dropped, none counted as duplicates', () => {
      // Star centre 1 offline: origin 0 and leaves 2, 3 never hear; the push from 0 goes
      // to 1 in every round until maxRounds.
      const r = run(4, { protocol: 'push', targets: 'neighbours', maxRounds: 4 }, { links: [[0, 1], [1, 2], [1, 3]], down: [1], elide });
      expect(r).toMatchObject({ reached: 1, alive: 3, messages: 4, dropped: 4, duplicates: 0 });
    });

    it('a flood hop limit (maxRounds) stops forwarding', () => {
      const r = run(4, { protocol: 'flood', maxRounds: 2 }, { links: [[0, 1], [1, 2], [2, 3]], elide });
      expect(r).toMatchObject({ reached: 3, allReached: false, messages: 2 });
    });
  });
}

describe('broadcast component', () => {
  it('numbers broadcasts by start time, runs several at once, and samples informed[<id>]', () => {
    const ctx = makeTestContext({ n: 4, graph: graphOf(4, [[0, 1], [1, 2], [2, 3]]), latency: L });
    const c = new BroadcastComponent([
      spec({ protocol: 'flood', at: 0.25, origin: 3 }),
      spec({ protocol: 'flood', at: 0, count: 2, every: 0.125 }),
    ]);
    c.start(ctx);
    const samples: Array<Record<string, number | null>> = [];
    for (const t of [0.0625, 0.1875, 1]) {
      ctx.sim.run(t);
      const row: Record<string, number | null> = {};
      c.sample(ctx, (name, v) => { row[name] = v; });
      samples.push(row);
    }
    expect(samples[0]).toEqual({ 'informed[0]': 0.25, 'informed[1]': null, 'informed[2]': null });
    expect(samples[1]).toEqual({ 'informed[0]': 0.5, 'informed[1]': 0.25, 'informed[2]': null });
    expect(samples[2]).toEqual({ 'informed[0]': 1, 'informed[1]': 1, 'informed[2]': 1 });
    const results = { series: { time: [] } } as never as import('../../../sim/run/results').Results;
    c.contribute(results, ctx);
    expect(results.broadcasts!.map((b) => [b.id, b.spec, b.start, b.origin])).toEqual([[0, 1, 0, 0], [1, 1, 0.125, 0], [2, 0, 0.25, 3]]);
    expect(ctx.services.require(RUMOUR_LEDGER).count()).toBe(3);
    expect(ctx.services.require(RUMOUR_LEDGER).has(3, 2)).toBe(true);
  });

  it('a broadcast starting after the run is not listed', () => {
    const ctx = makeTestContext({ n: 2, latency: L, scenario: { duration: 10 } });
    const r = runComponents(ctx, [new BroadcastComponent([spec({ at: 5, count: 3, every: 4 })])]);
    expect(r.broadcasts!.map((b) => b.start)).toEqual([5, 9]);
  });

  it('anti-entropy delivery through the ledger informs a peer and counts it as synced', () => {
    const ctx = makeTestContext({ n: 3, graph: graphOf(3, [[0, 1]]), latency: L });
    const c = new BroadcastComponent([spec({ protocol: 'flood' })]);
    c.start(ctx);
    ctx.sim.run(0.5);
    expect(ctx.services.require(RUMOUR_LEDGER).has(2, 0)).toBe(false);
    ctx.services.require(RUMOUR_LEDGER).deliver(2, 0);
    expect(ctx.services.require(RUMOUR_LEDGER).has(2, 0)).toBe(true);
    const results = { series: { time: [] } } as never as import('../../../sim/run/results').Results;
    c.contribute(results, ctx);
    // The flood had ended (2 of 3) before the sync: its result is frozen at that moment.
    expect(results.broadcasts![0]).toMatchObject({ reached: 2, alive: 3, allReached: false });
  });
});
