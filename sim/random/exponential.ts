/** Exponential with a given mean, by inverse CDF: −mean·ln(1 − U), one uniform per draw. */
import type { RandomSource } from '../engine/random.js';
import type { ContinuousSampler } from './continuous.js';
import { exp, ln } from '../math/strict.js';

/** One exponential draw with the given mean; 1 − U lies in (0, 1], so the logarithm is finite. */
export function exponentialDraw(rng: RandomSource, mean: number): number {
  return -mean * ln(1 - rng.next());
}

export class ExponentialSampler implements ContinuousSampler {
  readonly min = 0;
  constructor(readonly mean: number) {}
  sample(rng: RandomSource): number {
    return exponentialDraw(rng, this.mean);
  }
  below(x: number): number {
    return x <= 0 ? 0 : 1 - exp(-x / this.mean);
  }
}
