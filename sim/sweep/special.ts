/**
 * The special functions behind the sweep's intervals, over the deterministic ln and exp of
 * sim/math/, so that a sweep's intervals are the same bits on every engine.
 */
import { exp, ln } from '../math/strict.js';

export { exp, ln };

/** log(p / (1 - p)), for 0 < p < 1. */
export const logit = (p: number): number => ln(p / (1 - p));

/** The inverse of logit, written so that neither tail overflows. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}

/** The 0.975 quantile of the standard normal (z of a two-sided 95% interval). */
export const Z975 = 1.959963984540054;

// The 0.975 quantiles of Student's t for 1..30 degrees of freedom (scipy.stats.t.ppf, 17 digits).
const T975 = [
  12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
  2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
  2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
  2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
  2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245, 2.0595385527532972,
  2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703, 2.0422724563012378,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: a table up to 30, then
 * the Cornish-Fisher expansion in 1/df (Abramowitz & Stegun 26.7.5), within 1e-7 there.
 * Only + − × ÷, so it is the same on every machine.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30 && Number.isInteger(df)) return T975[df - 1];
  const x = Z975;
  const x2 = x * x, x3 = x2 * x, x5 = x3 * x2, x7 = x5 * x2, x9 = x7 * x2;
  const g1 = (x3 + x) / 4;
  const g2 = (5 * x5 + 16 * x3 + 3 * x) / 96;
  const g3 = (3 * x7 + 19 * x5 + 17 * x3 - 15 * x) / 384;
  const g4 = (79 * x9 + 776 * x7 + 1482 * x5 - 1920 * x3 - 945 * x) / 92160;
  return x + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}
