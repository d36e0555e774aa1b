/** View in-degree statistics (sim/metrics/in-degree.ts) on hand-built inputs. */
import { describe, expect, it } from 'vitest';
import { viewInDegreeStats } from '../../sim/metrics/in-degree';

describe('viewInDegreeStats', () => {
  it('counts alive peers only: mean, population sd, extremes', () => {
    const inDegree = Int32Array.from([2, 4, 100, 6, 0]);
    const alive = Uint8Array.from([1, 1, 0, 1, 0]);
    const s = viewInDegreeStats(inDegree, alive, 5);
    expect(s.peers).toBe(3);
    expect(s.mean).toBe(4);
    expect(s.sd).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(s.min).toBe(2);
    expect(s.max).toBe(6);
  });

  it('looks only at the first `count` peers and is all zero when none is alive', () => {
    expect(viewInDegreeStats(Int32Array.from([5, 7]), Uint8Array.from([1, 1]), 1).mean).toBe(5);
    expect(viewInDegreeStats(Int32Array.from([5]), Uint8Array.from([0]), 1)).toEqual({ peers: 0, mean: 0, sd: 0, min: 0, max: 0 });
  });
});
