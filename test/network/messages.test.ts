/**
 * Typed message payloads (sim/network/messages.ts): a payload composed in a pool slot
 * arrives intact through the transport, and every slot comes back, whether the message
 * was delivered or lost, so a pool stays as small as the messages in flight.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../sim/engine/simulator';
import { PeerStreams } from '../../sim/engine/random';
import { PayloadPool } from '../../sim/network/messages';
import { Transport } from '../../sim/network/transport';
import type { Sampler } from '../../sim/random/types';

const constant = (v: number): Sampler => ({ sample: () => v, min: v, mean: v });

describe('typed message payloads', () => {
  it('carry their fields intact, through pool growth, and give every slot back', () => {
    const sim = new Simulator(8);
    const t = new Transport(sim, constant(0.1), 0, new PeerStreams(1, 'network', 8));
    const pool = new PayloadPool(3, 2);
    const got: number[][] = [];
    const type = t.messageType('triple', pool, (to, from, slot) => {
      const at = slot * pool.stride;
      got.push([to, from, pool.data[at], pool.data[at + 1], pool.data[at + 2]]);
    });
    // 100 messages in flight at once: the pool grows from 2 slots, keeping what it holds.
    for (let i = 0; i < 100; i++) {
      const slot = pool.take();
      const at = slot * pool.stride;
      pool.data[at] = i; pool.data[at + 1] = -3 * i - 1; pool.data[at + 2] = 2 ** 31 - 1 - i;
      expect(t.post(i % 8, (i + 1) % 8, type, slot)).toBe(true);
    }
    expect(pool.inUse).toBe(100);
    sim.run(1);
    // (Arrivals at one instant come in the senders' order, so sort by the first field.)
    got.sort((x, y) => x[2] - y[2]);
    expect(got).toEqual(Array.from({ length: 100 }, (_, i) => [(i + 1) % 8, i % 8, i, -3 * i - 1, 2 ** 31 - 1 - i]));
    expect(pool.inUse).toBe(0);
  });

  it('give the slot of a lost message back at once', () => {
    const sim = new Simulator(2);
    const t = new Transport(sim, constant(0.1), 1, new PeerStreams(1, 'network', 2));
    const pool = new PayloadPool(1);
    let arrived = 0;
    const type = t.messageType('lost', pool, () => arrived++);
    expect(t.post(0, 1, type, pool.take())).toBe(false);
    sim.run(1);
    expect([arrived, t.lost, pool.inUse]).toEqual([0, 1, 0]);
  });
});
