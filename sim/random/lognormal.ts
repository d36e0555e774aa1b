/** Log-normal: median·e^(sigma·Z), Z standard normal (two uniforms per draw). */
import type { RandomSource } from '../engine/random.js';
import type { ContinuousSampler } from './continuous.js';
import { standardNormal } from './normal.js';
import { normalCdf } from './special.js';
import { exp, ln } from '../math/strict.js';

export class LognormalSampler implements ContinuousSampler {
  readonly min = 0;
  readonly mean: number;
  constructor(readonly median: number, readonly sigma: number) {
    this.mean = median * exp((sigma * sigma) / 2);
  }
  sample(rng: RandomSource): number {
    return this.median * exp(this.sigma * standardNormal(rng));
  }
  below(x: number): number {
    if (x <= 0) return 0;
    if (this.sigma === 0) return this.median < x ? 1 : 0;
    return normalCdf(ln(x / this.median) / this.sigma);
  }
}
