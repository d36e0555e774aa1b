import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../sim/engine/event-queue';
import { NamedStream } from '../../sim/engine/random';

describe('EventQueue', () => {
  it('pops events in (time, tie) order with their payloads, against a sorted reference', () => {
    const rng = new NamedStream(5, 'test/queue');
    const q = new EventQueue(4); // forces growth
    const ref: Array<[number, number, number]> = [];
    for (let i = 0; i < 5000; i++) {
      const time = Math.floor(rng.next() * 50); // many equal times: the tie must decide
      const tie = Math.floor(rng.next() * 1e6);
      q.push(time, tie, i % 7, i, i - 1, i * 3, i / 2);
      ref.push([time, tie, i]);
    }
    ref.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [time, tie, i] of ref) {
      expect(q.pop()).toBe(true);
      expect([q.curTime, q.curTie, q.curTarget, q.curKind, q.curSrc, q.curA, q.curB]).toEqual([time, tie, i, i % 7, i - 1, i * 3, i / 2]);
    }
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('interleaved pushes and pops (hold model) stay ordered and reuse slots', () => {
    const rng = new NamedStream(9, 'test/hold');
    const q = new EventQueue(16);
    for (let i = 0; i < 1000; i++) q.push(rng.next(), i, 0, i, -1, 0, 0);
    let last = -Infinity, tie = 1000;
    for (let i = 0; i < 20000; i++) {
      q.pop();
      expect(q.curTime).toBeGreaterThanOrEqual(last);
      last = q.curTime;
      q.push(q.curTime + rng.next(), tie++, 0, q.curTarget, -1, 0, 0);
    }
    expect(q.size).toBe(1000);
    // bytes stay bounded: slots are reused, the queue never held more than ~1000 events
    expect(q.bytes).toBeLessThanOrEqual(1024 * 64);
  });
});
