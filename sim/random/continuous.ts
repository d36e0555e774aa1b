/** A Sampler that also knows its distribution function (for rank tables and tests). */
import type { Sampler } from './types.js';

export interface ContinuousSampler extends Sampler {
  /** P(X < x). */
  below(x: number): number;
}
