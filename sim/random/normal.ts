/**
 * Normal by Box–Muller: exactly two uniforms per draw (the second variate is dropped), so
 * a stream's position after k draws never depends on cached state.
 */
import type { RandomSource } from '../engine/random.js';
import type { ContinuousSampler } from './continuous.js';
import { normalCdf } from './special.js';
import { cos, ln } from '../math/strict.js';

/** One standard normal variate from two uniforms. */
export function standardNormal(rng: RandomSource): number {
  const radius = Math.sqrt(-2 * ln(1 - rng.next()));
  return radius * cos(2 * Math.PI * rng.next());
}

export class NormalSampler implements ContinuousSampler {
  readonly min = -Infinity;
  constructor(readonly mean: number, readonly sd: number) {}
  sample(rng: RandomSource): number {
    return this.mean + this.sd * standardNormal(rng);
  }
  below(x: number): number {
    return normalCdf((x - this.mean) / this.sd);
  }
}
