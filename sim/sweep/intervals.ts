/**
 * 95% confidence intervals over a point's replicates, one method per metric domain, each
 * staying inside its domain (docs/sweep-statistics.md gives the reasons and sources).
 */
import { DOMAIN_BOUNDS, type MetricDomain } from '../run/domains.js';
import { exp, ln, logistic, logit, tQuantile975, Z975 } from './special.js';

/**
 * - `wilson`: Wilson score interval of a proportion of yes/no outcomes.
 * - `logit-t`: Student t on the logit scale, mapped back (fractions).
 * - `logit-t-squeezed`: the same after Smithson & Verkuilen's squeeze, as some value was 0 or 1.
 * - `log-t`: Student t on the log scale, mapped back (quantities ≥ 0).
 * - `log-t-started`: the same on log(x + c), c half the smallest positive value, as some value was 0.
 * - `t`: Student t (unbounded metrics, and values outside their declared domain).
 * - `none`: no interval (an input, or a single replicate of a continuous metric).
 */
export type IntervalMethod = 'wilson' | 'logit-t' | 'logit-t-squeezed' | 'log-t' | 'log-t-started' | 't' | 'none';

export interface Interval {
  low: number | null;
  high: number | null;
  method: IntervalMethod;
}

const mean = (xs: readonly number[]): number => {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
};

/** Student t interval of the mean of `xs` (at least two values). */
export function studentT(xs: readonly number[]): [number, number] {
  const n = xs.length;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  const half = tQuantile975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return [m - half, m + half];
}

/** Wilson score interval for `successes` yes answers out of `n` (Wilson 1927). */
export function wilson(successes: number, n: number): [number, number] {
  const z2 = Z975 * Z975;
  const p = successes / n;
  const centre = (successes + z2 / 2) / (n + z2);
  const half = (Z975 / (n + z2)) * Math.sqrt(n * p * (1 - p) + z2 / 4);
  // At 0 or n successes the bound on that side is exactly 0 or 1; floating point may miss it.
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === n ? 1 : Math.min(1, centre + half)];
}

/** Student t on a transformed scale, mapped back through `back` (monotone increasing). */
function transformedT(xs: readonly number[], to: (x: number) => number, back: (y: number) => number): [number, number] {
  const [lo, hi] = studentT(xs.map(to));
  return [back(lo), back(hi)];
}

/**
 * Logit-scale t interval of fractions in [0, 1]. A 0 or 1 has no logit: then every value
 * is squeezed to (x(n − 1) + 1/2)/n first (Smithson & Verkuilen 2006) and the bounds mapped
 * back through the inverse squeeze, clipped to [0, 1] (clipping to where the value must
 * lie never lowers coverage).
 */
export function logitT(xs: readonly number[]): { bounds: [number, number]; squeezed: boolean } {
  const n = xs.length;
  const squeezed = xs.some((x) => x === 0 || x === 1);
  if (!squeezed) return { bounds: transformedT(xs, logit, logistic), squeezed };
  const squeeze = (x: number) => (x * (n - 1) + 0.5) / n;
  const unsqueeze = (y: number) => Math.min(1, Math.max(0, (y * n - 0.5) / (n - 1)));
  return { bounds: transformedT(xs, (x) => logit(squeeze(x)), (y) => unsqueeze(logistic(y))), squeezed };
}

/**
 * Log-scale t interval of quantities ≥ 0. A 0 has no logarithm: then the interval is
 * taken on log(x + c), c half the smallest positive value (a started logarithm, Tukey
 * 1977), and the lower bound clipped at 0.
 */
export function logT(xs: readonly number[]): { bounds: [number, number]; started: boolean } {
  const started = xs.some((x) => x === 0);
  if (!started) return { bounds: transformedT(xs, ln, exp), started };
  let smallest = Infinity;
  for (const x of xs) if (x > 0 && x < smallest) smallest = x;
  const c = smallest / 2;
  return { bounds: transformedT(xs, (x) => ln(x + c), (y) => Math.max(0, exp(y) - c)), started };
}

/** The 95% interval of the mean of one metric's replicate values, by its domain. */
export function intervalOf(domain: MetricDomain, xs: readonly number[]): Interval {
  const n = xs.length;
  if (domain === 'input' || n === 0) return { low: null, high: null, method: 'none' };
  const [lowest, highest] = DOMAIN_BOUNDS[domain];
  const inDomain = xs.every((x) => x >= lowest && x <= highest);
  if (domain === 'proportion' && xs.every((x) => x === 0 || x === 1)) {
    let yes = 0;
    for (const x of xs) yes += x;
    const [low, high] = wilson(yes, n);
    return { low, high, method: 'wilson' };
  }
  const method: IntervalMethod = !inDomain || domain === 'real' ? 't'
    : domain === 'fraction' || domain === 'proportion' ? 'logit-t' : 'log-t';
  // One value says nothing about the spread of the next.
  if (n < 2) return { low: null, high: null, method: 'none' };
  // Replicates that all agree: a zero-width interval at their value, on any scale.
  if (xs.every((x) => x === xs[0])) return { low: xs[0], high: xs[0], method };
  if (method === 't') {
    const [low, high] = studentT(xs);
    return { low, high, method };
  }
  if (method === 'logit-t') {
    const { bounds, squeezed } = logitT(xs);
    return { low: bounds[0], high: bounds[1], method: squeezed ? 'logit-t-squeezed' : 'logit-t' };
  }
  const { bounds, started } = logT(xs);
  return { low: bounds[0], high: bounds[1], method: started ? 'log-t-started' : 'log-t' };
}
