/**
 * Infect-and-die (push, forward once), uniform targets, fanout f: every peer reached sends
 * f messages once, so a peer is missed with probability e^{−f·p} where p is the covered
 * fraction: p is the positive root of p = 1 − e^{−f·p}, the final-size relation of an SIR
 * epidemic with R0 = f (Kermack & McKendrick 1927), equivalently the giant component of a
 * random graph of mean degree f (Erdős & Rényi 1960). f = 2 → 0.797, f = 3 → 0.941.
 */
import { describe, expect, it } from 'vitest';
import { meanOverSeeds, runBroadcast } from './run-broadcast';

/** The positive root of p = 1 − e^{−f p}, by fixed-point iteration from p = 1. */
function coverageRoot(f: number): number {
  let p = 1;
  for (let i = 0; i < 1000; i++) p = 1 - Math.exp(-f * p);
  return p;
}

describe('infect-and-die coverage (p = 1 − e^{−f p})', () => {
  it('the roots are the textbook values', () => {
    expect(coverageRoot(2)).toBeCloseTo(0.7968, 4);
    expect(coverageRoot(3)).toBeCloseTo(0.9405, 4);
  });

  for (const f of [2, 3]) {
    it(`fanout ${f}: mean coverage over 10 runs of 10,000 peers is within ± 0.008 of ${coverageRoot(f).toFixed(4)}`, () => {
      // Per-run sd ≈ 0.004 (f = 2), so the 10-run mean has sd ≈ 0.0013; the finite-n bias is O(1/n).
      const mean = meanOverSeeds(10, (seed) => runBroadcast({ n: 10_000, seed, spec: { forward: 'once', fanout: f } }).coverage);
      expect(Math.abs(mean - coverageRoot(f))).toBeLessThan(0.008);
    });
  }

  it('every reached peer sends exactly f messages, and rounds is the hop count of the farthest peer', () => {
    const r = runBroadcast({ n: 10_000, seed: 7, spec: { forward: 'once', fanout: 2 } });
    expect(r.messages).toBe(2 * (r.reachedEver as number));
    expect(r.allReached).toBe(false);
    expect(r.rounds).toBeNull();
  });
});
