/**
 * Theory curves drawn next to simulated results in the report: mean-field gossip spread,
 * infect-and-die coverage, degree distributions of the overlay models and the capacity
 * lower bounds of client-server and P2P file distribution. Pure functions, SI units.
 */
import type { Dist } from '../sim/scenario/dsl.js';

/** A theory curve (x, y pairs) or a horizontal level, with the legend label to show. */
export type TheoryCurve =
  | { label: string; points: Array<[number, number]> }
  | { label: string; level: number };

type SpreadProtocol = 'push' | 'pull' | 'push-pull' | 'flood';

/**
 * Expected informed fraction after each round of gossip with uniform targets, in the
 * mean-field (large n) limit, from one informed peer among n. Per round an uninformed
 * peer stays uninformed when no push reaches it (probability e^{-f·i·(1-loss)}: Poisson
 * number of pushes, Pittel 1987) and, for pull, when none of its f requests lands on an
 * informed peer with both request and reply delivered ((1 - i(1-loss)^2)^f; Karp et al.
 * 2000). Entry r is the fraction after r rounds (entry 0 = 1/n); stops once fewer than
 * half a peer is expected to be uninformed, or after maxRounds.
 */
export function meanFieldRounds(protocol: Exclude<SpreadProtocol, 'flood'>, fanout: number, n: number,
  loss: number, maxRounds: number): number[] {
  const deliver = 1 - loss;
  let informed = 1 / n;
  const out = [informed];
  for (let r = 1; r <= maxRounds && (1 - informed) * n >= 0.5; r++) {
    let stay = 1 - informed;
    if (protocol === 'push' || protocol === 'push-pull') stay *= Math.exp(-fanout * informed * deliver);
    if (protocol === 'pull' || protocol === 'push-pull') stay *= (1 - informed * deliver * deliver) ** fanout;
    informed = 1 - stay;
    out.push(informed);
  }
  return out;
}

/**
 * Final covered fraction of infect-and-die push with fanout f (each peer forwards once,
 * on first receipt, to f uniform targets): the root p > 0 of p = 1 − e^{−f·p}, 0 when
 * f ≤ 1 (no giant outbreak). Found by fixed-point iteration from p = 1, which converges
 * monotonically to the largest root.
 */
export function infectAndDieCoverage(fanout: number): number {
  if (fanout <= 1) return 0;
  let p = 1;
  for (let i = 0; i < 10_000; i++) {
    const next = 1 - Math.exp(-fanout * p);
    if (Math.abs(next - p) < 1e-12) return next;
    p = next;
  }
  return p;
}

/**
 * Expected fraction of peers with each degree k in [kMin, kMax] for an overlay model, or
 * null where no simple closed form applies. erdos-renyi: Poisson(c) (Erdős–Rényi, large n);
 * barabasi-albert with m = degree/2 links per new peer: 2m(m+1)/(k(k+1)(k+2)) for k ≥ m
 * (Dorogovtsev, Mendes, Samukhin 2000; Bollobás et al. 2001).
 */
export function degreeDistributionTheory(model: string, degree: number, kMin: number, kMax: number):
  Array<[degree: number, fraction: number]> | null {
  const out: Array<[number, number]> = [];
  if (model === 'erdos-renyi' && degree > 0) {
    let logFactorial = 0;
    for (let k = 0; k <= kMax; k++) {
      if (k > 0) logFactorial += Math.log(k);
      if (k >= kMin) out.push([k, Math.exp(k * Math.log(degree) - degree - logFactorial)]);
    }
    return out;
  }
  if (model === 'barabasi-albert') {
    const m = Math.max(1, Math.floor(degree / 2));
    for (let k = Math.max(m, kMin); k <= kMax; k++) out.push([k, (2 * m * (m + 1)) / (k * (k + 1) * (k + 2))]);
    return out;
  }
  return null;
}

/** Mean of a distribution, or null where it is infinite or has no closed form here. */
export function distMean(dist: Dist): number | null {
  switch (dist.dist) {
    case 'constant': return dist.value;
    case 'uniform': return (dist.min + dist.max) / 2;
    case 'exponential': return dist.mean;
    case 'normal': return dist.mean;
    case 'lognormal': return dist.median * Math.exp((dist.sigma * dist.sigma) / 2);
    case 'pareto': return dist.shape > 1 ? (dist.scale * dist.shape) / (dist.shape - 1) : null;
    case 'weibull': return dist.scale * gamma(1 + 1 / dist.shape);
    default: return null;
  }
}

/** Smallest value a distribution can take (0 where it is unbounded below or near 0). */
export function distMin(dist: Dist): number {
  switch (dist.dist) {
    case 'constant': return dist.value;
    case 'uniform': return dist.min;
    case 'pareto': return dist.scale;
    default: return 0;
  }
}

/** Γ(x) for x > 0 (Lanczos approximation, g = 7, about 15 significant digits). */
export function gamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * t ** (x + 0.5) * Math.exp(-t) * a;
}
