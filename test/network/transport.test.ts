import { describe, expect, it } from 'vitest';
import { Simulator } from '../../sim/engine/simulator';
import { PeerStreams } from '../../sim/engine/random';
import { Transport } from '../../sim/network/transport';
import type { Sampler } from '../../sim/random/types';

const constant = (v: number): Sampler => ({ sample: () => v, min: v, mean: v });
const uniform = (a: number, b: number): Sampler => ({ sample: (r) => a + (b - a) * r.next(), min: a, mean: (a + b) / 2 });

describe('Transport', () => {
  it('delivers each message after the drawn latency, from the sender as src', () => {
    const sim = new Simulator(4);
    const got: Array<[number, number, number, number]> = [];
    const k = sim.registerKind('msg', (to, from, a) => got.push([sim.now, to, from, a]));
    const t = new Transport(sim, constant(0.25), 0, new PeerStreams(1, 'network', 4));
    t.send(0, 1, k, 7);
    t.send(2, 3, k, 8);
    sim.run(10);
    expect(got).toEqual([[0.25, 1, 0, 7], [0.25, 3, 2, 8]]);
    expect(t.sent).toBe(2);
    expect(t.minLatency).toBe(0.25);
  });

  it('loses a fraction close to `loss` (binomial, 4 standard deviations) and counts it', () => {
    const sim = new Simulator(100);
    let delivered = 0;
    const k = sim.registerKind('msg', () => delivered++);
    const t = new Transport(sim, uniform(0.01, 0.02), 0.2, new PeerStreams(3, 'network', 100));
    const n = 50_000;
    for (let i = 0; i < n; i++) t.send(i % 100, (i + 1) % 100, k);
    sim.run(1);
    expect(delivered + t.lost).toBe(n);
    const sd = Math.sqrt(n * 0.2 * 0.8);
    expect(Math.abs(t.lost - n * 0.2)).toBeLessThan(4 * sd);
  });

  it('drawWith draws a fate from the given stream, the same as a send would, counted only when asked', () => {
    const sim = new Simulator(4);
    const t = new Transport(sim, uniform(0.01, 0.02), 0.3, new PeerStreams(5, 'network', 4));
    const a = new PeerStreams(9, 'ring', 4), b = new PeerStreams(9, 'ring', 4);
    const fates = Array.from({ length: 200 }, () => t.drawWith(a.use(2), false));
    expect(t.sent).toBe(0);
    expect(t.lost).toBe(0);
    // Another thread drawing from its own copy of the stream learns the same fates, and counts them.
    expect(Array.from({ length: 200 }, () => t.drawWith(b.use(2), true))).toEqual(fates);
    const lost = fates.filter((f) => f < 0).length;
    expect(t.sent).toBe(200);
    expect(t.lost).toBe(lost);
    expect(lost).toBeGreaterThan(0);
    for (const f of fates) if (f >= 0) expect(f >= 0.01 && f < 0.02).toBe(true);
  });
});
