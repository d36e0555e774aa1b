/** The constant "distribution": every draw is `value` and consumes no randomness. */
import type { RandomSource } from '../engine/random.js';
import type { ContinuousSampler } from './continuous.js';

export class ConstantSampler implements ContinuousSampler {
  readonly min: number;
  readonly mean: number;
  constructor(readonly value: number) {
    this.min = value;
    this.mean = value;
  }
  sample(_rng: RandomSource): number {
    return this.value;
  }
  below(x: number): number {
    return this.value < x ? 1 : 0;
  }
}
