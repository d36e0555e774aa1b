/** The theory curves the report draws, against their closed forms and published results. */
import { describe, expect, it } from 'vitest';
import { degreeDistributionTheory, distMean, distMin, gamma, infectAndDieCoverage, meanFieldRounds } from '../../viz/theory';
import { capacityLowerBound } from '../../sim/protocols/capacity/bounds';

const roundsToAll = (curve: number[]) => curve.length - 1;

describe('meanFieldRounds', () => {
  it('push takes about log2 n + ln n rounds (Pittel 1987): the step from n = 10^4 to 10^6 is log2 100 + ln 100', () => {
    const small = roundsToAll(meanFieldRounds('push', 1, 1e4, 0, 1000));
    const large = roundsToAll(meanFieldRounds('push', 1, 1e6, 0, 1000));
    // log2(100) + ln(100) = 11.25; the mean-field recursion rounds to whole rounds: ±1.5.
    expect(large - small).toBeGreaterThanOrEqual(11.25 - 1.5);
    expect(large - small).toBeLessThanOrEqual(11.25 + 1.5);
    // And the absolute count at 10^4: log2 n + ln n = 22.5, within the O(1) term (±3).
    expect(Math.abs(small - 22.5)).toBeLessThanOrEqual(3);
  });

  it('push-pull finishes in far fewer rounds than push, about log3 n + O(log log n) (Karp et al. 2000)', () => {
    const n = 1e6;
    const pushPull = roundsToAll(meanFieldRounds('push-pull', 1, n, 0, 1000));
    const push = roundsToAll(meanFieldRounds('push', 1, n, 0, 1000));
    expect(pushPull).toBeLessThan(push * 0.75);
    // log3(10^6) = 12.6; O(log log n) allowance of 2·log2(log2 n) ≈ 8.6.
    expect(pushPull).toBeGreaterThanOrEqual(12);
    expect(pushPull).toBeLessThanOrEqual(12.6 + 8.6);
  });

  it('is monotone, starts at 1/n and ends within half a peer of everyone', () => {
    for (const protocol of ['push', 'pull', 'push-pull'] as const) {
      const curve = meanFieldRounds(protocol, 2, 1000, 0.1, 500);
      expect(curve[0]).toBeCloseTo(1 / 1000, 12);
      for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeGreaterThanOrEqual(curve[i - 1]);
      expect((1 - curve[curve.length - 1]) * 1000).toBeLessThan(0.5);
    }
  });

  it('loss slows push down, and maxRounds cuts the curve', () => {
    expect(roundsToAll(meanFieldRounds('push', 1, 1e4, 0.3, 1000))).toBeGreaterThan(roundsToAll(meanFieldRounds('push', 1, 1e4, 0, 1000)));
    expect(meanFieldRounds('push', 1, 1e4, 0, 5)).toHaveLength(6);
  });
});

describe('infectAndDieCoverage', () => {
  it('solves p = 1 - e^{-f p}: about 0.797 for f = 2, nothing for f <= 1', () => {
    const p = infectAndDieCoverage(2);
    expect(p).toBeCloseTo(0.7968, 4);
    expect(Math.abs(p - (1 - Math.exp(-2 * p)))).toBeLessThan(1e-10);
    expect(infectAndDieCoverage(1)).toBe(0);
    expect(infectAndDieCoverage(4)).toBeCloseTo(0.9802, 4);
  });
});

describe('degreeDistributionTheory', () => {
  it('barabasi-albert: 2m(m+1)/(k(k+1)(k+2)) sums to 1 over k >= m (tail beyond kMax ~ m(m+1)/kMax^2)', () => {
    const pts = degreeDistributionTheory('barabasi-albert', 6, 0, 10_000)!;
    expect(pts[0][0]).toBe(3);
    const sum = pts.reduce((a, [, f]) => a + f, 0);
    expect(sum).toBeGreaterThan(1 - 12 / 1e8 - 1e-9);
    expect(sum).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('erdos-renyi: Poisson(c), mean c', () => {
    const pts = degreeDistributionTheory('erdos-renyi', 4, 0, 60)!;
    expect(pts.reduce((a, [, f]) => a + f, 0)).toBeCloseTo(1, 10);
    expect(pts.reduce((a, [k, f]) => a + k * f, 0)).toBeCloseTo(4, 10);
  });

  it('claims nothing for other models', () => {
    expect(degreeDistributionTheory('random-regular', 4, 4, 4)).toBeNull();
    expect(degreeDistributionTheory('watts-strogatz', 4, 2, 8)).toBeNull();
  });
});

describe('distributions and capacity bounds', () => {
  it('gamma, means and minimums', () => {
    expect(gamma(5)).toBeCloseTo(24, 10);
    expect(gamma(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(distMean({ dist: 'weibull', scale: 3, shape: 1 })).toBeCloseTo(3, 10);
    expect(distMean({ dist: 'lognormal', median: 1, sigma: 0 })).toBe(1);
    expect(distMean({ dist: 'pareto', scale: 1, shape: 1 })).toBeNull();
    expect(distMean({ dist: 'uniform', min: 2, max: 4 })).toBe(3);
    expect(distMin({ dist: 'uniform', min: 2, max: 4 })).toBe(2);
    expect(distMin({ dist: 'exponential', mean: 2 })).toBe(0);
  });

  it('Kurose & Ross §2.5: client-server max(NF/us, F/dmin), P2P max(F/us, F/dmin, NF/(us + N u))', () => {
    const p = { file: 100e6, serverUpload: 12.5e6, meanPeerUpload: 250e3, minPeerDownload: 1.25e6 };
    expect(capacityLowerBound('client-server', 10, p)).toBeCloseTo(80, 10);
    expect(capacityLowerBound('client-server', 1000, p)).toBeCloseTo(8000, 10);
    expect(capacityLowerBound('p2p', 10, p)).toBeCloseTo(80, 10);
    expect(capacityLowerBound('p2p', 1000, p)).toBeCloseTo(1e11 / (12.5e6 + 250e6), 6);
    expect(capacityLowerBound('p2p', 1000, { ...p, minPeerDownload: 0 })).toBeCloseTo(1e11 / 262.5e6, 6);
  });
});
