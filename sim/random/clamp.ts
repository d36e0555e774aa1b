/**
 * Clamping for quantities that cannot be negative (latencies, bandwidths): a normal
 * latency draw below 0 becomes 0, and the mean reported is that of the clamped draws.
 */
import type { RandomSource } from '../engine/random.js';
import type { Sampler } from './types.js';
import { ConstantSampler } from './constant.js';
import { UniformSampler } from './uniform.js';
import { NormalSampler } from './normal.js';
import { normalCdf, normalPdf } from './special.js';

/** `sampler` with every draw below 0 replaced by 0 (returned unchanged when it has none). */
export function clampNonNegative(sampler: Sampler): Sampler {
  if (sampler.min >= 0) return sampler;
  return {
    min: 0,
    mean: clampedMean(sampler),
    sample(rng: RandomSource): number {
      const x = sampler.sample(rng);
      return x > 0 ? x : 0;
    },
  };
}

/** E[max(X, 0)], known in closed form for the samplers that can go below 0. */
function clampedMean(sampler: Sampler): number {
  if (sampler instanceof NormalSampler) {
    // E[max(X,0)] = μΦ(μ/σ) + σφ(μ/σ) for X ~ N(μ, σ²).
    const z = sampler.mean / sampler.sd;
    return sampler.mean * normalCdf(z) + sampler.sd * normalPdf(z);
  }
  if (sampler instanceof UniformSampler) {
    const { min: a, max: b } = sampler;
    if (b <= 0) return 0;
    return (b * b) / (2 * (b - a));
  }
  if (sampler instanceof ConstantSampler) return Math.max(0, sampler.value);
  throw new Error('random/clamp: cannot compute the clamped mean of this sampler');
}
