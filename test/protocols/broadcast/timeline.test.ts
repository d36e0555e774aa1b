/** The bounded informed-count series: exact while short, thinned evenly when long. */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../sim/protocols/broadcast/timeline';

describe('Timeline', () => {
  it('keeps every change while there are few', () => {
    const t = new Timeline();
    for (let i = 0; i < 10; i++) t.offer(i, i + 1);
    expect(t.toJSON()).toEqual({ time: [...Array(10).keys()], informed: [...Array(10).keys()].map((i) => i + 1) });
  });

  it('keeps at most ~400 evenly spaced changes plus the first and the last', () => {
    const t = new Timeline();
    const changes = 1_000_003;
    for (let i = 0; i < changes; i++) t.offer(i / 10, i);
    const { time, informed } = t.toJSON();
    expect(time.length).toBeLessThanOrEqual(401);
    expect(time.length).toBeGreaterThan(100);
    expect(informed[0]).toBe(0);
    expect(informed[informed.length - 1]).toBe(changes - 1);
    const steps = new Set(informed.slice(1, -1).map((v, i) => v - informed[i]));
    expect(steps.size).toBe(1); // one stride between kept points
  });

  it('is empty before any change', () => {
    expect(new Timeline().toJSON()).toEqual({ time: [], informed: [] });
  });
});
