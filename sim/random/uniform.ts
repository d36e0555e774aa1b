/** Uniform on [min, max): one uniform per draw. */
import type { RandomSource } from '../engine/random.js';
import type { ContinuousSampler } from './continuous.js';

export class UniformSampler implements ContinuousSampler {
  readonly mean: number;
  constructor(readonly min: number, readonly max: number) {
    this.mean = (min + max) / 2;
  }
  sample(rng: RandomSource): number {
    return this.min + (this.max - this.min) * rng.next();
  }
  below(x: number): number {
    if (x <= this.min) return 0;
    if (x >= this.max) return 1;
    return (x - this.min) / (this.max - this.min);
  }
}
