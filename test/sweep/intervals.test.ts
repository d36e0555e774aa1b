/**
 * The sweep's 95% intervals: coverage simulations on distributions whose true value is
 * known, with 3, 5 and 10 replicates, and the domain each interval must stay in.
 */
import { describe, expect, it } from 'vitest';
import { NamedStream } from '../../sim/engine/random';
import { standardNormal } from '../../sim/random/normal';
import { intervalOf, wilson } from '../../sim/sweep/intervals';
import type { MetricDomain } from '../../sim/run/domains';
import { tQuantile975 } from '../../sim/sweep/special';

const DRAWS = 4000;
const REPLICATES = [3, 5, 10];
/**
 * Tolerance on a coverage estimated from DRAWS intervals: 4 binomial standard errors,
 * 4·sqrt(c(1 − c)/DRAWS) (0.0138 at c = 0.95). A method with coverage c lands outside with
 * probability below 1e-4 (normal approximation); the seeds are fixed, so a run is reproducible.
 */
const tolerance = (c: number) => 4 * Math.sqrt((c * (1 - c)) / DRAWS) + 1e-12;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

interface Trial {
  domain: MetricDomain;
  draw: (rng: NamedStream) => number;
  truth: number;
  bounds: [number, number];
}

/** Runs DRAWS seeded experiments of n replicates; returns the share of intervals that held the truth. */
function coverage(name: string, n: number, t: Trial): { covered: number; methods: Set<string> } {
  const rng = new NamedStream(2026, `coverage/${name}/${n}`);
  let hits = 0;
  const methods = new Set<string>();
  const outside: number[][] = [];
  for (let d = 0; d < DRAWS; d++) {
    const xs = Array.from({ length: n }, () => t.draw(rng));
    const iv = intervalOf(t.domain, xs);
    methods.add(iv.method);
    const low = iv.low ?? NaN, high = iv.high ?? NaN;
    // Never missing, outside the domain or upside down.
    if (!(low >= t.bounds[0] && high <= t.bounds[1] && low <= high)) outside.push(xs);
    if (low <= t.truth && t.truth <= high) hits++;
  }
  expect(outside).toEqual([]);
  return { covered: hits / DRAWS, methods };
}

describe('coverage of each interval method at 3, 5 and 10 replicates', () => {
  // Student t is exact for normal data at every n (Student 1908): coverage 0.95.
  it.each(REPLICATES)('Student t on normal replicates (n = %i) covers the mean 95% of the time', (n) => {
    const { covered, methods } = coverage('t', n, {
      domain: 'real', draw: (r) => 10 + 2 * standardNormal(r), truth: 10, bounds: [-Infinity, Infinity],
    });
    expect([...methods]).toEqual(['t']);
    expect(Math.abs(covered - 0.95)).toBeLessThanOrEqual(tolerance(0.95));
  });

  // The logit is monotone, so the t interval of logit-normal replicates, mapped back, covers
  // logistic(μ) (their median) exactly as often as t covers μ: 0.95 at every n.
  it.each(REPLICATES)('logit-t on logit-normal fractions (n = %i) covers logistic(μ) 95% of the time, inside [0, 1]', (n) => {
    const { covered, methods } = coverage('logit', n, {
      domain: 'fraction', draw: (r) => logistic(1.5 + 0.8 * standardNormal(r)), truth: logistic(1.5), bounds: [0, 1],
    });
    expect([...methods]).toEqual(['logit-t']);
    expect(Math.abs(covered - 0.95)).toBeLessThanOrEqual(tolerance(0.95));
  });

  // Likewise on the log scale: log-normal replicates, the truth exp(μ) (median, geometric mean).
  it.each(REPLICATES)('log-t on log-normal quantities (n = %i) covers exp(μ) 95% of the time, never below 0', (n) => {
    const { covered, methods } = coverage('log', n, {
      domain: 'time', draw: (r) => Math.exp(2 + 0.7 * standardNormal(r)), truth: Math.exp(2), bounds: [0, Infinity],
    });
    expect([...methods]).toEqual(['log-t']);
    expect(Math.abs(covered - 0.95)).toBeLessThanOrEqual(tolerance(0.95));
  });

  /**
   * Wilson's coverage at small n is not 0.95 but oscillates with p; it is known exactly, as
   * the binomial probability of the outcomes whose interval holds p (Brown, Cai & DasGupta
   * 2001, Statistical Science 16:101–133, §2 and Fig. 5). The reference interval here is
   * the textbook formula, written out independently of sim/sweep.
   */
  const referenceWilson = (k: number, n: number): [number, number] => {
    const z = 1.959963984540054, p = k / n;
    const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
    return [c - h, c + h];
  };
  const choose = (n: number, k: number) => { let c = 1; for (let i = 1; i <= k; i++) c = (c * (n - i + 1)) / i; return c; };
  const exactWilsonCoverage = (n: number, p: number) => {
    let c = 0;
    for (let k = 0; k <= n; k++) {
      const [lo, hi] = referenceWilson(k, n);
      if (lo <= p && p <= hi) c += choose(n, k) * p ** k * (1 - p) ** (n - k);
    }
    return c;
  };
  for (const p of [0.2, 0.5, 0.9]) {
    it.each(REPLICATES)(`Wilson on yes/no outcomes with p = ${p} (n = %i) covers p as often as its exact coverage`, (n) => {
      const known = exactWilsonCoverage(n, p);
      const { covered, methods } = coverage(`wilson/${p}`, n, {
        domain: 'proportion', draw: (r) => (r.next() < p ? 1 : 0), truth: p, bounds: [0, 1],
      });
      expect([...methods]).toEqual(['wilson']);
      expect(Math.abs(covered - known)).toBeLessThanOrEqual(tolerance(known));
      // Wilson dips below 0.95 at some p for small n (0.896 at p = 0.2, n = 3), never far: Brown et al. 2001, Fig. 5.
      expect(known).toBeGreaterThan(0.85);
    });
  }
});

describe('values on the boundary of the domain', () => {
  // Fractions that often hit 1 (coverage of a flood) and counts that often are 0 (lost messages).
  it.each(REPLICATES)('fractions at 0 or 1 (n = %i): the squeezed interval stays inside [0, 1]', (n) => {
    const rng = new NamedStream(7, `boundary/fraction/${n}`);
    const methods = new Set<string>();
    const outside: number[][] = [];
    for (let d = 0; d < DRAWS; d++) {
      const xs = Array.from({ length: n }, () => {
        const u = rng.next();
        return u < 0.4 ? 1 : u < 0.5 ? 0 : logistic(2 + standardNormal(rng));
      });
      const iv = intervalOf('fraction', xs);
      methods.add(iv.method);
      if (!(iv.low! >= 0 && iv.high! <= 1 && iv.low! <= iv.high!)) outside.push(xs);
    }
    expect(outside).toEqual([]);
    expect(methods.has('logit-t-squeezed')).toBe(true);
  });
  it.each(REPLICATES)('counts with zeros (n = %i): the started-log interval never goes below 0', (n) => {
    const rng = new NamedStream(7, `boundary/count/${n}`);
    const methods = new Set<string>();
    const outside: number[][] = [];
    for (let d = 0; d < DRAWS; d++) {
      // Poisson(0.8) by inversion: a third or more of the draws are 0.
      const xs = Array.from({ length: n }, () => {
        let k = 0, p = Math.exp(-0.8), s = p;
        const u = rng.next();
        while (u > s) { k++; p *= 0.8 / k; s += p; }
        return k;
      });
      const iv = intervalOf('count', xs);
      methods.add(iv.method);
      if (!(iv.low! >= 0 && iv.low! <= iv.high!)) outside.push(xs);
    }
    expect(outside).toEqual([]);
    expect(methods.has('log-t-started')).toBe(true);
  });
  it('a squeezed interval around fractions of 1 and 0.98 is narrow and contains their mean', () => {
    const iv = intervalOf('fraction', [1, 1, 0.98]);
    expect(iv.method).toBe('logit-t-squeezed');
    expect(iv.low!).toBeGreaterThan(0.95);
    expect(iv.low!).toBeLessThan((1 + 1 + 0.98) / 3);
    expect(iv.high).toBe(1);
  });
});

describe('replicates that agree, and too few of them', () => {
  it('a continuous metric whose replicates all agree has a zero-width interval, whatever its domain', () => {
    for (const domain of ['real', 'fraction', 'count', 'time', 'nonNegative'] as const) {
      for (const v of domain === 'real' ? [-3, 0, 7.5] : domain === 'fraction' ? [0, 0.37, 1] : [0, 12, 0.25]) {
        expect(intervalOf(domain, [v, v, v])).toMatchObject({ low: v, high: v });
      }
    }
  });
  it('a proportion whose replicates all agree does not: 3 of 3 gives Wilson [0.44, 1]', () => {
    const iv = intervalOf('proportion', [1, 1, 1]);
    expect(iv.method).toBe('wilson');
    expect(iv.low!).toBeCloseTo(0.4385, 4);
    expect(iv.high).toBe(1);
    const none = intervalOf('proportion', [0, 0, 0]);
    expect(none.low).toBe(0);
    expect(none.high!).toBeCloseTo(0.5615, 4);
  });
  it('Wilson matches the textbook formula (Wilson 1927) at 1 of 3 and 7 of 10', () => {
    expect(wilson(1, 3)[0]).toBeCloseTo(0.0615, 4);
    expect(wilson(1, 3)[1]).toBeCloseTo(0.7923, 4);
    expect(wilson(7, 10)[0]).toBeCloseTo(0.3968, 4);
    expect(wilson(7, 10)[1]).toBeCloseTo(0.8922, 4);
  });
  it('one replicate of a continuous metric has no interval; an input never has one', () => {
    expect(intervalOf('time', [3])).toEqual({ low: null, high: null, method: 'none' });
    expect(intervalOf('input', [3, 4, 5])).toEqual({ low: null, high: null, method: 'none' });
    expect(intervalOf('proportion', [1]).method).toBe('wilson');
  });
  it('values outside the declared domain fall back to Student t rather than failing', () => {
    expect(intervalOf('fraction', [0.5, 1.2, 0.9]).method).toBe('t');
    expect(intervalOf('count', [-1, 2, 3]).method).toBe('t');
  });
});

describe('Student t quantiles', () => {
  // scipy.stats.t.ppf(0.975, df), to 10 digits.
  it.each([[1, 12.7062047362], [2, 4.3026527297], [4, 2.7764451052], [30, 2.0422724563], [31, 2.0395134464],
    [40, 2.0210753903], [60, 2.0002978220], [100, 1.9839715185], [1000, 1.9623390808]])('df = %i: %f', (df, q) => {
    expect(Math.abs(tQuantile975(df) - q)).toBeLessThan(2e-7);
  });
});
