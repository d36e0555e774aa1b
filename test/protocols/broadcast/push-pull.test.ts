/**
 * Push-pull gossip, uniform targets: every informed peer pushes and every uninformed peer
 * pulls each round, so both sides of an exchange end up informed if either was. All n are
 * informed in log3 n + O(log log n) rounds (Karp, Schindelhauer, Shenker & Vöcking 2000,
 * "Randomized rumor spreading", FOCS), far fewer than push's log2 n + ln n.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { meanOverSeeds, runBroadcast } from './run-broadcast';

const SEEDS = 30;
const log3 = (n: number) => Math.log(n) / Math.log(3);

describe('push-pull, uniform (Karp et al. 2000)', () => {
  const mean: Record<number, number> = {};
  let push10k = NaN;
  let allReached = true;
  beforeAll(() => {
    for (const n of [1000, 10_000]) {
      mean[n] = meanOverSeeds(SEEDS, (seed) => {
        const r = runBroadcast({ n, seed, spec: { protocol: 'push-pull' } });
        allReached &&= r.allReached;
        return r.rounds ?? NaN;
      });
    }
    push10k = meanOverSeeds(SEEDS, (seed) => runBroadcast({ n: 10_000, seed }).rounds ?? NaN);
  });

  it('reaches every peer in every run', () => {
    expect(allReached).toBe(true);
  });

  it('mean rounds lie between log3 n and log3 n + 2 ln ln n', () => {
    // Measured: about log3 n + 2 at both sizes (2 ln ln n is 3.9 and 4.4 here).
    for (const n of [1000, 10_000]) {
      expect(mean[n]).toBeGreaterThan(log3(n));
      expect(mean[n]).toBeLessThan(log3(n) + 2 * Math.log(Math.log(n)));
    }
  });

  it('grows by about log3 10 ≈ 2.10 from 1,000 to 10,000 peers (± 0.5)', () => {
    // Per-run sd ≈ 0.5, so the difference of two 30-seed means has sd ≈ 0.12; the
    // O(log log n) term may add up to a few tenths between these sizes.
    expect(Math.abs(mean[10_000] - mean[1000] - log3(10))).toBeLessThan(0.5);
  });

  it('needs far fewer rounds than push (at 10,000 peers: less than half)', () => {
    expect(mean[10_000]).toBeLessThan(push10k / 2);
  });
});
