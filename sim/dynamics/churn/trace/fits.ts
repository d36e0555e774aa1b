/**
 * Maximum-likelihood fits of session lengths (exponential and Weibull), empirical
 * quantiles and CDFs: what `trace-summary` prints and the report draws. Deterministic math
 * (sim/math/strict.ts), so the fits in a results file are the same on every engine.
 */
import { exp, ln } from '../../../math/strict.js';

export interface WeibullFit { shape: number; scale: number; logLikelihood: number }
export interface ExponentialFit { mean: number; logLikelihood: number }

/** Exponential MLE: the rate is 1 / sample mean. Needs a non-empty sample of positive values. */
export function fitExponential(x: ArrayLike<number>): ExponentialFit {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i];
  const mean = sum / x.length;
  return { mean, logLikelihood: -x.length * (ln(mean) + 1) };
}

/**
 * Weibull MLE. The shape k solves the profile-likelihood equation
 *   g(k) = Σ xᵢᵏ ln xᵢ / Σ xᵢᵏ − 1/k − mean(ln xᵢ) = 0,
 * g increasing in k (Cohen 1965), found by Newton steps kept inside a bracket that
 * bisection narrows; then scale = (mean xᵢᵏ)^(1/k). Powers are taken relative to the
 * largest value so that xᵏ cannot overflow. Needs at least 2 distinct positive values.
 */
export function fitWeibull(x: ArrayLike<number>): WeibullFit {
  const n = x.length;
  const logs = new Float64Array(n);
  let maxLog = -Infinity, meanLog = 0;
  for (let i = 0; i < n; i++) {
    logs[i] = ln(x[i]);
    meanLog += logs[i];
    if (logs[i] > maxLog) maxLog = logs[i];
  }
  meanLog /= n;
  // g(k) and g'(k) with u = ln x − ln max, so every weight exp(k·u) is in (0, 1].
  const evaluate = (k: number): { g: number; dg: number; sumW: number } => {
    let s0 = 0, s1 = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = logs[i] - maxLog;
      const w = exp(k * u);
      s0 += w; s1 += w * u; s2 += w * u * u;
    }
    const m1 = s1 / s0;
    return { g: m1 + maxLog - 1 / k - meanLog, dg: s2 / s0 - m1 * m1 + 1 / (k * k), sumW: s0 };
  };
  let lo = 1e-3, hi = 1;
  while (evaluate(hi).g < 0 && hi < 1e3) { lo = hi; hi *= 2; }
  let k = 0.5 * (lo + hi);
  for (let iteration = 0; iteration < 200; iteration++) {
    const { g, dg } = evaluate(k);
    if (g > 0) hi = k; else lo = k;
    if (Math.abs(g) < 1e-12 || hi - lo < 1e-12 * k) break;
    const next = k - g / dg;
    k = next > lo && next < hi ? next : 0.5 * (lo + hi);
  }
  const { sumW } = evaluate(k);
  const logScale = maxLog + ln(sumW / n) / k;
  const scale = exp(logScale);
  // ln L = n ln k − n k ln λ + (k − 1) Σ ln x − Σ (x/λ)^k, and Σ (x/λ)^k = n at the MLE.
  const logLikelihood = n * ln(k) - n * k * logScale + (k - 1) * meanLog * n - n;
  return { shape: k, scale, logLikelihood };
}

export function weibullCdf(x: number, fit: { shape: number; scale: number }): number {
  return x <= 0 ? 0 : 1 - exp(-exp(fit.shape * ln(x / fit.scale)));
}

export function exponentialCdf(x: number, fit: { mean: number }): number {
  return x <= 0 ? 0 : 1 - exp(-x / fit.mean);
}

/** Quantile p of an ascending sample, linear between order statistics (R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[sorted.length - 1];
}

/** Fraction of an ascending sample <= x. */
export function empiricalCdf(sorted: ArrayLike<number>, x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo / sorted.length;
}

/** `count` points from a to b (> a > 0), evenly spaced on a log scale. */
export function logSpaced(a: number, b: number, count: number): number[] {
  const la = ln(a), lb = ln(b);
  return Array.from({ length: count }, (_, i) => exp(la + ((lb - la) * i) / (count - 1)));
}
