/**
 * Special functions the distributions need for their means and CDFs: the gamma function
 * (Lanczos) and the standard normal density and CDF.
 */
import { exp, pow, sin } from '../math/strict.js';

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** Γ(x) for real x (Lanczos, g = 7: about 15 significant digits). */
export function gamma(x: number): number {
  if (x < 0.5) return Math.PI / (sin(Math.PI * x) * gamma(1 - x)); // reflection
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  return Math.sqrt(2 * Math.PI) * pow(t, z + 0.5) * exp(-t) * a;
}

/** Density of the standard normal. */
export function normalPdf(z: number): number {
  return exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Complementary error function (Numerical Recipes' erfcc, Chebyshev fit: fractional
 * error below 1.2e-7 everywhere).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
    + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** P(Z <= z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}
