import { describe, expect, it } from 'vitest';
import { allocateOutbox, drainOutbox, OutboxWriter } from '../../sim/parallel/outbox';

describe('outbox', () => {
  it('hands over every record, in order, with exact fields, growing past its first buffer', () => {
    const buffer = allocateOutbox();
    const first = buffer.byteLength;
    const w = new OutboxWriter(buffer);
    const n = Math.ceil(first / 40) * 3 + 7; // about three times what the first buffer holds
    for (let r = 0; r < n; r++) w.write(1000 - r * 1e-3, r * 2 ** 29 + 5, r % 7, r, -1 + (r % 3), 0 - r | 0, r / 3);
    expect(buffer.byteLength).toBeGreaterThan(first);
    expect(w.count).toBe(n);
    expect(w.minTime).toBe(1000 - (n - 1) * 1e-3);
    const got: number[][] = [];
    drainOutbox(buffer, w.count, (...rec) => got.push(rec.slice(0, 7) as number[]));
    expect(got).toHaveLength(n);
    for (const r of [0, 1, n >> 1, n - 1]) {
      expect(got[r]).toEqual([1000 - r * 1e-3, r * 2 ** 29 + 5, r % 7, r, -1 + (r % 3), 0 - r | 0, r / 3]);
    }
    w.reset();
    expect(w.count).toBe(0);
    expect(w.minTime).toBe(Infinity);
  });
});
