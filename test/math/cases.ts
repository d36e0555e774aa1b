/**
 * Fixed inputs for the deterministic-math tests: drawn with xorshift32 (integer operations
 * only, so identical everywhere) over the ranges the simulation uses and beyond.
 */
import { cos, exp, ln, pow, sin } from '../../sim/math/strict.js';

export const FUNCTIONS = { ln, exp, pow, sin, cos } as const;
export type MathName = keyof typeof FUNCTIONS;

export interface MathCase { fn: MathName; args: number[] }

/** A uniform double in [0, 1) from 53 random bits (exact: integer products and one power-of-two division). */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  const next32 = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/** `count` cases per function and range, in a fixed order. */
export function mathCases(count: number, seed = 20261206): MathCase[] {
  const u = generator(seed);
  const out: MathCase[] = [];
  const add = (fn: MathName, n: number, draw: () => number[]) => { for (let i = 0; i < n; i++) out.push({ fn, args: draw() }); };
  add('ln', count, () => [1 - u()]); // as in −ln(1 − U)
  add('ln', count, () => [u() * 1e6 + 1e-300]);
  add('exp', count, () => [-40 * u()]); // CDFs, lognormal draws
  add('exp', count, () => [(u() - 0.5) * 1400]); // to overflow and underflow
  add('pow', count, () => [1 - u(), 0.05 + 10 * u()]); // Pareto, Weibull draws
  add('pow', count, () => [1 + Math.floor(u() * 1e6), -0.1 - 3 * u()]); // Zipf weights
  add('sin', count, () => [u() * 0.5 * Math.PI]); // gamma's reflection
  add('sin', count, () => [(u() - 0.5) * 2e6]);
  add('cos', count, () => [2 * Math.PI * u()]); // Box–Muller
  add('cos', count, () => [(u() - 0.5) * 2e6]);
  return out;
}

/** The float64's bits as 16 hex digits. */
export function hex(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getUint32(0).toString(16).padStart(8, '0') + v.getUint32(4).toString(16).padStart(8, '0');
}

/** One line per case: function, input bits, output bits. */
export function mathLines(count: number): string[] {
  return mathCases(count).map((c) => {
    const f = FUNCTIONS[c.fn] as (...a: number[]) => number;
    return `${c.fn} ${c.args.map(hex).join(' ')} ${hex(f(...c.args))}`;
  });
}
