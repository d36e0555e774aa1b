/**
 * Statistical checks of the samplers. Each draws N values from a fixed seed and compares
 * against closed-form theory; tolerances are 4 standard errors of the estimate (the
 * standard error computed from the theoretical variance), so a correct sampler fails with
 * probability ~6e-5 per check for a random seed, and the seeds are fixed anyway.
 */
import { describe, expect, it } from 'vitest';
import { NamedStream, type RandomSource } from '../../sim/engine/random.js';
import { makeSampler, makeRankSampler, clampNonNegative } from '../../sim/random/distributions.js';
import { gamma, normalCdf } from '../../sim/random/special.js';
import type { Dist } from '../../sim/scenario/dsl.js';

const N = 20_000;
const Z = 4; // standard errors allowed

function draws(dist: Dist, n = N, seed = 7): Float64Array {
  const sampler = makeSampler(dist);
  const rng = new NamedStream(seed, `test/${dist.dist}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sampler.sample(rng);
  return out;
}
const meanOf = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fractionBelow = (xs: Float64Array, x: number) => xs.filter((v) => v < x).length / xs.length;

/** Mean within Z standard errors and the theoretical median splitting the draws in half. */
function checkMoments(dist: Dist, mean: number, variance: number, median: number) {
  const xs = draws(dist);
  const se = Math.sqrt(variance / N);
  expect(Math.abs(meanOf(xs) - mean), `mean ${meanOf(xs)} vs ${mean} (se ${se})`).toBeLessThan(Z * se);
  expect(Math.abs(fractionBelow(xs, median) - 0.5)).toBeLessThan(Z * Math.sqrt(0.25 / N));
  expect(makeSampler(dist).mean).toBeCloseTo(mean, 10);
  return xs;
}

/** Counts the uniforms a draw takes. */
class Counting implements RandomSource {
  calls = 0;
  private readonly inner = new NamedStream(1, 'count');
  next(): number {
    this.calls++;
    return this.inner.next();
  }
}

describe('special functions', () => {
  it('gamma and the normal CDF match known values', () => {
    expect(gamma(5)).toBeCloseTo(24, 10);
    expect(gamma(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(gamma(1 + 1 / 0.6)).toBeCloseTo(1.5045754, 6); // Γ(2.6667)
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249979, 6);
  });
});

describe('continuous distributions', () => {
  it('constant', () => {
    const xs = draws({ dist: 'constant', value: 0.05 }, 10);
    expect([...xs].every((x) => x === 0.05)).toBe(true);
    expect(makeSampler({ dist: 'constant', value: 0.05 })).toMatchObject({ min: 0.05, mean: 0.05 });
  });
  it('uniform: mean (a+b)/2, variance (b−a)²/12, draws in [a, b)', () => {
    const xs = checkMoments({ dist: 'uniform', min: 2, max: 6 }, 4, 16 / 12, 4);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThan(6);
    expect(makeSampler({ dist: 'uniform', min: 2, max: 6 }).min).toBe(2);
  });
  it('exponential: mean m, variance m², median m·ln 2', () => {
    const xs = checkMoments({ dist: 'exponential', mean: 3 }, 3, 9, 3 * Math.LN2);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(makeSampler({ dist: 'exponential', mean: 3 }).min).toBe(0);
  });
  it('normal: mean μ, variance σ², P(X < μ+σ) = Φ(1)', () => {
    const xs = checkMoments({ dist: 'normal', mean: 10, sd: 2 }, 10, 4, 10);
    expect(Math.abs(fractionBelow(xs, 12) - 0.8413447)).toBeLessThan(Z * Math.sqrt(0.8413 * 0.1587 / N));
    const variance = xs.reduce((a, x) => a + (x - 10) ** 2, 0) / N;
    // Var of the sample variance of a normal is 2σ⁴/N.
    expect(Math.abs(variance - 4)).toBeLessThan(Z * Math.sqrt(2 * 16 / N));
    expect(makeSampler({ dist: 'normal', mean: 10, sd: 2 }).min).toBe(-Infinity);
  });
  it('lognormal: mean m·e^(σ²/2), variance (e^(σ²)−1)·m²·e^(σ²), median m', () => {
    const m = 2;
    const s2 = 0.25;
    const xs = checkMoments({ dist: 'lognormal', median: m, sigma: 0.5 }, m * Math.exp(s2 / 2), (Math.exp(s2) - 1) * m * m * Math.exp(s2), m);
    expect(Math.min(...xs)).toBeGreaterThan(0);
  });
  it('pareto: mean shape·scale/(shape−1), median scale·2^(1/shape), draws >= scale', () => {
    const scale = 1.5;
    const shape = 3;
    const variance = (scale * scale * shape) / ((shape - 1) ** 2 * (shape - 2));
    const xs = checkMoments({ dist: 'pareto', scale, shape }, (shape * scale) / (shape - 1), variance, scale * 2 ** (1 / shape));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(scale);
    expect(makeSampler({ dist: 'pareto', scale, shape }).min).toBe(scale);
  });
  it('pareto with shape <= 1 has an infinite mean', () => {
    expect(makeSampler({ dist: 'pareto', scale: 1, shape: 1 }).mean).toBe(Infinity);
    expect(makeSampler({ dist: 'pareto', scale: 1, shape: 0.5 }).mean).toBe(Infinity);
    // Still a proper distribution: half the draws below scale·2^(1/shape).
    const xs = draws({ dist: 'pareto', scale: 1, shape: 0.5 });
    expect(Math.abs(fractionBelow(xs, 4) - 0.5)).toBeLessThan(Z * Math.sqrt(0.25 / N));
    expect([...xs].every(Number.isFinite)).toBe(true);
  });
  it('weibull: mean λΓ(1+1/k), variance λ²(Γ(1+2/k) − Γ(1+1/k)²), median λ(ln 2)^(1/k)', () => {
    for (const k of [0.6, 2]) {
      const lambda = 40;
      const g1 = gamma(1 + 1 / k);
      const g2 = gamma(1 + 2 / k);
      const xs = checkMoments({ dist: 'weibull', scale: lambda, shape: k }, lambda * g1, lambda * lambda * (g2 - g1 * g1), lambda * Math.LN2 ** (1 / k));
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    }
  });
  it('each draw takes a fixed number of uniforms', () => {
    const expected: Array<[Dist, number]> = [
      [{ dist: 'constant', value: 1 }, 0], [{ dist: 'uniform', min: 0, max: 1 }, 1], [{ dist: 'exponential', mean: 1 }, 1],
      [{ dist: 'normal', mean: 0, sd: 1 }, 2], [{ dist: 'lognormal', median: 1, sigma: 1 }, 2],
      [{ dist: 'pareto', scale: 1, shape: 2 }, 1], [{ dist: 'weibull', scale: 1, shape: 2 }, 1],
    ];
    for (const [dist, uniforms] of expected) {
      const rng = new Counting();
      const sampler = makeSampler(dist);
      for (let i = 0; i < 1000; i++) sampler.sample(rng);
      expect(rng.calls, dist.dist).toBe(1000 * uniforms);
    }
  });
  it('is deterministic for a seed and differs between seeds', () => {
    const dist: Dist = { dist: 'normal', mean: 0, sd: 1 };
    expect([...draws(dist, 100, 3)]).toEqual([...draws(dist, 100, 3)]);
    expect([...draws(dist, 100, 3)]).not.toEqual([...draws(dist, 100, 4)]);
  });
  it('zipf is not a continuous sampler', () => {
    expect(() => makeSampler({ dist: 'zipf', exponent: 1 })).toThrow(/makeRankSampler/);
  });
});

describe('clampNonNegative', () => {
  it('clamps a normal latency at 0 with the mean of the clamped draws', () => {
    const mu = 0.01;
    const sd = 0.05;
    const sampler = clampNonNegative(makeSampler({ dist: 'normal', mean: mu, sd }));
    const rng = new NamedStream(11, 'clamp');
    const xs = Float64Array.from({ length: N }, () => sampler.sample(rng));
    expect(Math.min(...xs)).toBe(0);
    expect(sampler.min).toBe(0);
    // E[max(X,0)] = μΦ(μ/σ) + σφ(μ/σ) = 0.01·Φ(0.2) + 0.05·φ(0.2) = 0.025345 here.
    expect(sampler.mean).toBeCloseTo(0.025345, 5);
    const m = meanOf(xs);
    const sdEmpirical = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / N);
    expect(Math.abs(m - sampler.mean)).toBeLessThan(Z * sdEmpirical / Math.sqrt(N));
    // About Φ(−μ/σ) = 42% of the draws are clamped.
    expect(Math.abs(xs.filter((x) => x === 0).length / N - normalCdf(-mu / sd))).toBeLessThan(Z * Math.sqrt(0.25 / N));
  });
  it('returns samplers that cannot go below 0 unchanged', () => {
    const exponential = makeSampler({ dist: 'exponential', mean: 1 });
    expect(clampNonNegative(exponential)).toBe(exponential);
    expect(clampNonNegative(makeSampler({ dist: 'uniform', min: -1, max: 3 })).mean).toBeCloseTo(9 / 8, 12);
    expect(clampNonNegative(makeSampler({ dist: 'constant', value: -2 })).mean).toBe(0);
  });
});

describe('rank samplers', () => {
  it('zipf: rank frequencies follow 1/k^s normalised', () => {
    const n = 100;
    const draws = 100_000;
    for (const s of [1, 0.6]) {
      const sampler = makeRankSampler({ dist: 'zipf', exponent: s }, n);
      let harmonic = 0;
      for (let k = 1; k <= n; k++) harmonic += k ** -s;
      const counts = new Float64Array(n);
      const rng = new NamedStream(5, `zipf/${s}`);
      for (let i = 0; i < draws; i++) counts[sampler.sample(rng)]++;
      for (let rank = 0; rank < n; rank++) {
        const p = (rank + 1) ** -s / harmonic;
        expect(sampler.probability(rank)).toBeCloseTo(p, 12);
        expect(Math.abs(counts[rank] / draws - p), `s=${s} rank ${rank}`).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / draws));
      }
    }
  });
  it('zipf with exponent 0 is uniform, and probabilities sum to 1', () => {
    const sampler = makeRankSampler({ dist: 'zipf', exponent: 0 }, 7);
    for (let k = 0; k < 7; k++) expect(sampler.probability(k)).toBeCloseTo(1 / 7, 12);
    expect(sampler.probability(7)).toBe(0);
    const big = makeRankSampler({ dist: 'zipf', exponent: 1.2 }, 1_000_000);
    let total = 0;
    for (let k = 0; k < big.n; k += 1) total += big.probability(k);
    expect(total).toBeCloseTo(1, 9);
    const rng = new NamedStream(1, 'big');
    for (let i = 0; i < 1000; i++) {
      const r = big.sample(rng);
      expect(Number.isInteger(r) && r >= 0 && r < big.n).toBe(true);
    }
  });
  it('other distributions: rank floor(x), clamped to [0, n−1]', () => {
    const uniform = makeRankSampler({ dist: 'uniform', min: 0, max: 10 }, 10);
    for (let k = 0; k < 10; k++) expect(uniform.probability(k)).toBeCloseTo(0.1, 12);
    // Exponential of mean 3 over 5 ranks: P(k) = e^(−k/3) − e^(−(k+1)/3), the last rank takes the tail.
    const exponential = makeRankSampler({ dist: 'exponential', mean: 3 }, 5);
    const expected = [0, 1, 2, 3].map((k) => Math.exp(-k / 3) - Math.exp(-(k + 1) / 3));
    expected.push(Math.exp(-4 / 3));
    const counts = new Float64Array(5);
    const rng = new NamedStream(9, 'ranks');
    for (let i = 0; i < N; i++) counts[exponential.sample(rng)]++;
    expected.forEach((p, k) => {
      expect(exponential.probability(k)).toBeCloseTo(p, 12);
      expect(Math.abs(counts[k] / N - p)).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / N));
    });
    const constant = (value: number) => makeRankSampler({ dist: 'constant', value }, 10).sample(rng);
    expect([constant(3), constant(3.7), constant(50), constant(-2)]).toEqual([3, 3, 9, 0]);
    // A normal's negative half lands on rank 0.
    expect(makeRankSampler({ dist: 'normal', mean: 0, sd: 1 }, 4).probability(0)).toBeCloseTo(normalCdf(1), 6);
  });
  it('is deterministic for a seed', () => {
    const sampler = makeRankSampler({ dist: 'zipf', exponent: 1 }, 1000);
    const run = (seed: number) => {
      const rng = new NamedStream(seed, 'det');
      return Array.from({ length: 50 }, () => sampler.sample(rng));
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });
  it('rejects a bad number of ranks', () => {
    expect(() => makeRankSampler({ dist: 'zipf', exponent: 1 }, 0)).toThrow(/integer >= 1/);
  });
});
