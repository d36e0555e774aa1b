/** Weibull by inverse CDF: scale·(−ln(1 − U))^(1/shape); mean scale·Γ(1 + 1/shape). */
import type { RandomSource } from '../engine/random.js';
import type { ContinuousSampler } from './continuous.js';
import { gamma } from './special.js';
import { exp, ln, pow } from '../math/strict.js';

export class WeibullSampler implements ContinuousSampler {
  readonly min = 0;
  readonly mean: number;
  constructor(readonly scale: number, readonly shape: number) {
    this.mean = scale * gamma(1 + 1 / shape);
  }
  sample(rng: RandomSource): number {
    // (−ln(1 − U))^(1/shape) as exp(ln(−ln(1 − U))/shape), faster than pow (see pareto.ts).
    return this.scale * exp(ln(-ln(1 - rng.next())) / this.shape);
  }
  below(x: number): number {
    return x <= 0 ? 0 : 1 - exp(-pow(x / this.scale, this.shape));
  }
}
