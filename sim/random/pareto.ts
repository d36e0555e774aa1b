/** Pareto (type I): scale / U^(1/shape) >= scale; mean infinite for shape <= 1. */
import type { RandomSource } from '../engine/random.js';
import type { ContinuousSampler } from './continuous.js';
import { exp, ln, pow } from '../math/strict.js';

export class ParetoSampler implements ContinuousSampler {
  readonly min: number;
  readonly mean: number;
  constructor(readonly scale: number, readonly shape: number) {
    this.min = scale;
    this.mean = shape > 1 ? (shape * scale) / (shape - 1) : Infinity;
  }
  sample(rng: RandomSource): number {
    // scale·(1 − U)^(−1/shape) as exp(−ln(1 − U)/shape): ln and exp are 3 times as fast as
    // pow and the draw's extra rounding (~1e-14 relative) is immaterial. 1 − U lies in
    // (0, 1]: draws are finite and never below `scale`.
    return this.scale * exp(-ln(1 - rng.next()) / this.shape);
  }
  below(x: number): number {
    return x <= this.scale ? 0 : 1 - pow(this.scale / x, this.shape);
  }
}
