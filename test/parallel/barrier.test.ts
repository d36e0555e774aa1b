import { describe, expect, it } from 'vitest';
import { Barrier, BarrierAborted } from '../../sim/parallel/barrier';

describe('Barrier', () => {
  it('lets a single party through at once', () => {
    const b = new Barrier(Barrier.allocate(), 1);
    for (let i = 0; i < 3; i++) b.wait();
  });

  it('once aborted, throws at every wait instead of blocking', () => {
    const buffer = Barrier.allocate();
    Barrier.abortBuffer(buffer);
    const b = new Barrier(buffer, 2);
    expect(() => b.wait()).toThrow(BarrierAborted);
    expect(() => b.wait()).toThrow(BarrierAborted);
  });
});
