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

describe('EventQueue layout edge cases', () => {
  it('orders equal times by tie among the four children and after the last entry (sentinels)', () => {
    // every size from 1 to 70 covers partial last groups; all times equal, so only ties decide
    for (let n = 1; n <= 70; n++) {
      const q = new EventQueue(16);
      const ties = Array.from({ length: n }, (_, i) => i);
      const rng = new NamedStream(n, 'test/queue-ties');
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [ties[i], ties[j]] = [ties[j], ties[i]];
      }
      for (const t of ties) q.push(1, t, 0, t, 0, 0, 0);
      for (let k = 0; k < n; k++) {
        expect(q.pop()).toBe(true);
        expect(q.curTie).toBe(k);
      }
      expect(q.pop()).toBe(false);
    }
  });

  it('refuses a non-finite event time instead of corrupting the heap', () => {
    const q = new EventQueue(16);
    expect(() => q.push(Infinity, 0, 0, 0, 0, 0, 0)).toThrow(RangeError);
    expect(() => q.push(NaN, 0, 0, 0, 0, 0, 0)).toThrow(RangeError);
    expect(q.size).toBe(0);
  });

  it('keeps payloads intact across growth while events are pending', () => {
    const q = new EventQueue(16);
    for (let i = 0; i < 100; i++) q.push(100 - i, i, i, i + 1, i + 2, i + 3, i + 0.5);
    for (let i = 99; i >= 0; i--) {
      q.pop();
      expect([q.curTime, q.curTie, q.curKind, q.curTarget, q.curSrc, q.curA, q.curB]).toEqual([100 - i, i, i, i + 1, i + 2, i + 3, i + 0.5]);
    }
  });
});
