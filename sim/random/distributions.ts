/**
 * Samplers for the distributions a scenario names (SPEC §2), one class per file; this
 * module builds them from a resolved `Dist` and re-exports them.
 */
import type { Dist } from '../scenario/dsl.js';
import type { ContinuousSampler } from './continuous.js';
import { ConstantSampler } from './constant.js';
import { UniformSampler } from './uniform.js';
import { ExponentialSampler } from './exponential.js';
import { NormalSampler } from './normal.js';
import { LognormalSampler } from './lognormal.js';
import { ParetoSampler } from './pareto.js';
import { WeibullSampler } from './weibull.js';
import { RankSampler } from './ranks.js';

export type { Sampler } from './types.js';
export type { ContinuousSampler } from './continuous.js';
export { ConstantSampler, UniformSampler, ExponentialSampler, NormalSampler, LognormalSampler, ParetoSampler, WeibullSampler, RankSampler };
export { standardNormal } from './normal.js';
export { clampNonNegative } from './clamp.js';

/**
 * A sampler for a continuous distribution (parameters already in SI units). Each draw
 * uses a fixed number of uniforms (constant 0, normal and lognormal 2, the others 1), so
 * streams stay aligned. Zipf describes ranks: use makeRankSampler.
 */
export function makeSampler(dist: Dist): ContinuousSampler {
  switch (dist.dist) {
    case 'constant': return new ConstantSampler(dist.value);
    case 'uniform': return new UniformSampler(dist.min, dist.max);
    case 'exponential': return new ExponentialSampler(dist.mean);
    case 'normal': return new NormalSampler(dist.mean, dist.sd);
    case 'lognormal': return new LognormalSampler(dist.median, dist.sigma);
    case 'pareto': return new ParetoSampler(dist.scale, dist.shape);
    case 'weibull': return new WeibullSampler(dist.scale, dist.shape);
    case 'zipf': throw new Error('random/distributions: zipf is a distribution over ranks; use makeRankSampler(dist, n)');
  }
}

/**
 * Ranks 0..n−1 (rank 0 the most popular item): zipf draws rank k with probability
 * ∝ 1/(k+1)^exponent; any other distribution gives rank floor(x) of a draw x, clamped to
 * [0, n−1]. One uniform per draw; O(n) memory.
 */
export function makeRankSampler(dist: Dist, n: number): RankSampler {
  if (dist.dist === 'zipf') return RankSampler.zipf(dist.exponent, n);
  return RankSampler.fromDistribution(makeSampler(dist), n);
}
