/** A distribution ready to draw from, built from a scenario `Dist`. */
import type { RandomSource } from '../engine/random.js';

export interface Sampler {
  /** One draw, using one or more uniforms from `rng`. */
  sample(rng: RandomSource): number;
  /** Smallest value a draw can take (0 where unbounded below and clamped), for lookahead. */
  readonly min: number;
  /** Mean of the distribution (Infinity where it has none). */
  readonly mean: number;
}
