/**
 * Session-length fits (issue 31 §3): maximum-likelihood exponential and Weibull estimates
 * recover the parameters of samples drawn from known distributions (fixed seeds).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { empiricalCdf, fitExponential, fitWeibull, quantileSorted } from '../../../sim/dynamics/churn/trace/fits';

const N = 20_000;

function draw(seed: string, f: (u: number) => number): Float64Array {
  const rng = seedrandom(seed);
  return Float64Array.from({ length: N }, () => f(1 - rng()));
}

describe('maximum-likelihood fits', () => {
  // Asymptotic standard errors of the Weibull MLE (Cohen 1965; Lawless, Statistical Models
  // and Methods for Lifetime Data, §5.2): sd(k̂) ≈ 0.78·k/√n, sd(λ̂) ≈ 1.05·λ/(k·√n).
  // Tolerance: 4 standard errors.
  for (const [shape, scale] of [[0.5, 1000], [0.66, 295.93 * 60], [1.5, 20]] as const) {
    it(`weibull shape ${shape}, scale ${scale}: within 4 standard errors`, () => {
      const x = draw(`weibull-${shape}`, (u) => scale * Math.pow(-Math.log(u), 1 / shape));
      const fit = fitWeibull(x);
      expect(Math.abs(fit.shape - shape)).toBeLessThan(4 * 0.78 * shape / Math.sqrt(N));
      expect(Math.abs(fit.scale - scale)).toBeLessThan(4 * 1.05 * scale / (shape * Math.sqrt(N)));
    });
  }

  it('weibull of an exponential sample has shape 1 (within 4 standard errors), and the exponential mean is the sample mean', () => {
    const x = draw('exponential', (u) => -300 * Math.log(u));
    const w = fitWeibull(x), e = fitExponential(x);
    expect(Math.abs(w.shape - 1)).toBeLessThan(4 * 0.78 / Math.sqrt(N));
    // sd of the mean of an exponential sample: mean/√n.
    expect(Math.abs(e.mean - 300)).toBeLessThan(4 * 300 / Math.sqrt(N));
    expect(e.mean).toBeCloseTo(x.reduce((a, b) => a + b, 0) / N, 9);
    // Nested models: the Weibull likelihood is at least the exponential one's.
    expect(w.logLikelihood).toBeGreaterThanOrEqual(e.logLikelihood - 1e-6);
  });

  it('the Weibull estimate solves its likelihood equation exactly on a tiny sample', () => {
    const x = [1, 2, 4, 8, 30];
    const { shape: k, scale } = fitWeibull(x);
    const sk = x.reduce((a, v) => a + Math.pow(v, k), 0);
    const g = x.reduce((a, v) => a + Math.pow(v, k) * Math.log(v), 0) / sk - 1 / k - x.reduce((a, v) => a + Math.log(v), 0) / x.length;
    expect(Math.abs(g)).toBeLessThan(1e-9);
    expect(scale).toBeCloseTo(Math.pow(sk / x.length, 1 / k), 9);
  });

  it('quantiles and the empirical CDF of a sorted sample', () => {
    const s = [1, 2, 3, 4, 5];
    expect(quantileSorted(s, 0.5)).toBe(3);
    expect(quantileSorted(s, 0.25)).toBe(2);
    expect(quantileSorted(s, 0.9)).toBeCloseTo(4.6, 12);
    expect(empiricalCdf(s, 3)).toBe(0.6);
    expect(empiricalCdf(s, 0.5)).toBe(0);
  });
});
