/**
 * Draws of item ranks 0..n−1 (rank 0 the most popular) from a precomputed cumulative
 * table: one uniform and a binary search per draw, 8 bytes of memory per rank.
 */
import type { RandomSource } from '../engine/random.js';
import type { ContinuousSampler } from './continuous.js';
import { pow } from '../math/strict.js';

export class RankSampler {
  readonly n: number;

  /** `cumulative[k]` = P(rank <= k), non-decreasing, with the last entry exactly 1. */
  private constructor(private readonly cumulative: Float64Array) {
    this.n = cumulative.length;
  }

  /** Zipf: P(rank k) ∝ 1/(k+1)^exponent for k = 0..n−1 (exponent 0 is uniform). */
  static zipf(exponent: number, n: number): RankSampler {
    const cumulative = new Float64Array(checkCount(n));
    let total = 0;
    for (let k = 0; k < n; k++) {
      total += pow(k + 1, -exponent);
      cumulative[k] = total;
    }
    for (let k = 0; k < n; k++) cumulative[k] /= total;
    cumulative[n - 1] = 1;
    return new RankSampler(cumulative);
  }

  /**
   * A continuous distribution read as ranks: a draw x gives rank floor(x), clamped to
   * [0, n−1] (so rank 0 takes every draw below 1 and rank n−1 every draw from n−1 up).
   * Computed from the distribution function, so the table is exact, not sampled.
   */
  static fromDistribution(sampler: ContinuousSampler, n: number): RankSampler {
    const cumulative = new Float64Array(checkCount(n));
    let previous = 0;
    for (let k = 0; k < n - 1; k++) {
      previous = Math.min(1, Math.max(previous, sampler.below(k + 1)));
      cumulative[k] = previous;
    }
    cumulative[n - 1] = 1;
    return new RankSampler(cumulative);
  }

  /** One rank in 0..n−1. */
  sample(rng: RandomSource): number {
    const u = rng.next();
    const c = this.cumulative;
    // Smallest k with c[k] > u; c[n−1] = 1 > u guarantees one.
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** P(rank = k). */
  probability(rank: number): number {
    if (!Number.isInteger(rank) || rank < 0 || rank >= this.n) return 0;
    return this.cumulative[rank] - (rank === 0 ? 0 : this.cumulative[rank - 1]);
  }
}

function checkCount(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`random/ranks: the number of ranks must be an integer >= 1, got ${n}`);
  return n;
}
