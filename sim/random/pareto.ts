/** Pareto (type I): scale / U^(1/shape) >= scale; mean infinite for shape <= 1. */
import type { RandomSource } from '../engine/random.js';
import type { ContinuousSampler } from './continuous.js';
import { pow } from '../math/strict.js';

export class ParetoSampler implements ContinuousSampler {
  readonly min: number;
  readonly mean: number;
  constructor(readonly scale: number, readonly shape: number) {
    this.min = scale;
    this.mean = shape > 1 ? (shape * scale) / (shape - 1) : Infinity;
  }
  sample(rng: RandomSource): number {
    // 1 − U lies in (0, 1]: draws are finite and never below `scale`.
    return this.scale / pow(1 - rng.next(), 1 / this.shape);
  }
  below(x: number): number {
    return x <= this.scale ? 0 : 1 - pow(this.scale / x, this.shape);
  }
}
