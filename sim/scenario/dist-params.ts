/**
 * The parameters of each distribution a scenario may name (SPEC §2), with their units and
 * ranges: read by the validator, the JSON Schema and the reference documentation.
 */
import type { DistName } from './dsl.js';
import { MAX_EXPONENT, MAX_SHAPE, MAX_SIGMA, MIN_SHAPE } from './limits.js';

export interface DistParam {
  name: string;
  /** `field`: written in the unit of the key it describes (latency → durations); `none`: a plain number. */
  unit: 'field' | 'none';
  /** Inclusive lower bound. */
  min?: number;
  /** Strict lower bound. */
  exclusiveMin?: number;
  /**
   * Inclusive upper bound of a plain parameter. A `field` parameter is bounded by the
   * key's own range instead (DistNode.max), in both directions where it has no minimum.
   */
  max?: number;
  doc: string;
}

export interface DistSpec {
  doc: string;
  params: readonly DistParam[];
  /** An example for the reference. */
  example: string;
}

export const distSpecs: Readonly<Record<DistName, DistSpec>> = {
  constant: {
    doc: 'Always `value`. A bare number or unit string is a constant too.',
    params: [{ name: 'value', unit: 'field', doc: 'The value.' }],
    example: '{ dist: constant, value: 50ms }',
  },
  uniform: {
    doc: 'Uniform between `min` and `max`.',
    params: [
      { name: 'min', unit: 'field', doc: 'Smallest value.' },
      { name: 'max', unit: 'field', doc: 'Largest value (>= min).' },
    ],
    example: '{ dist: uniform, min: 10ms, max: 90ms }',
  },
  exponential: {
    doc: 'Exponential with the given `mean` (memoryless).',
    params: [{ name: 'mean', unit: 'field', exclusiveMin: 0, doc: 'Mean (> 0).' }],
    example: '{ dist: exponential, mean: 20min }',
  },
  normal: {
    doc: 'Normal (Gaussian); where the key cannot be negative, draws below 0 are clamped to 0.',
    params: [
      { name: 'mean', unit: 'field', doc: 'Mean.' },
      { name: 'sd', unit: 'field', exclusiveMin: 0, doc: 'Standard deviation (> 0).' },
    ],
    example: '{ dist: normal, mean: 100ms, sd: 20ms }',
  },
  lognormal: {
    doc: 'Log-normal: `median · e^(sigma·Z)` with Z standard normal; mean `median · e^(sigma²/2)`.',
    params: [
      { name: 'median', unit: 'field', exclusiveMin: 0, doc: 'Median (> 0).' },
      { name: 'sigma', unit: 'none', min: 0, max: MAX_SIGMA, doc: `Standard deviation of the logarithm (a plain number from 0 to ${MAX_SIGMA}: beyond, draws and the mean overflow).` },
    ],
    example: '{ dist: lognormal, median: 1h, sigma: 1 }',
  },
  pareto: {
    doc: 'Pareto (heavy tail): values >= `scale`, P(X > x) = (scale/x)^shape; the mean is infinite for shape <= 1.',
    params: [
      { name: 'scale', unit: 'field', exclusiveMin: 0, doc: 'Smallest value (> 0).' },
      { name: 'shape', unit: 'none', min: MIN_SHAPE, max: MAX_SHAPE, doc: `Tail index (a plain number from ${MIN_SHAPE} to ${MAX_SHAPE}: a smaller one draws values past the largest double).` },
    ],
    example: '{ dist: pareto, scale: 10min, shape: 1.5 }',
  },
  weibull: {
    doc: 'Weibull: P(X > x) = e^(-(x/scale)^shape); shape < 1 gives many short and a few very long values.',
    params: [
      { name: 'scale', unit: 'field', exclusiveMin: 0, doc: 'Scale (> 0).' },
      { name: 'shape', unit: 'none', min: MIN_SHAPE, max: MAX_SHAPE, doc: `Shape (a plain number from ${MIN_SHAPE} to ${MAX_SHAPE}: a smaller one draws values past the largest double).` },
    ],
    example: '{ dist: weibull, shape: 0.6, scale: 40min }',
  },
  zipf: {
    doc: 'Zipf over ranks 1..n (n = number of items): P(rank k) ∝ 1/k^exponent; rank 1 is the most popular.',
    params: [{ name: 'exponent', unit: 'none', min: 0, max: MAX_EXPONENT, doc: `Exponent s (0 to ${MAX_EXPONENT}; 0 is uniform).` }],
    example: '{ dist: zipf, exponent: 1.0 }',
  },
};

export const distNames = Object.keys(distSpecs) as DistName[];
