/**
 * The transcendental functions the simulation uses, computed in JavaScript from IEEE-754
 * basic operations only, so a seed gives the same bits on every engine: ECMA-262 leaves
 * Math.log, Math.exp, Math.pow, Math.sin, Math.cos and `**` implementation-approximated.
 * All are ports of fdlibm / FreeBSD msun, accurate to 1 ulp: ln, exp and cos (the hot ones)
 * in ln.ts, exp.ts and cos.ts, pow and sin stdlib's (Apache-2.0, fdlibm's notice kept in their sources).
 * test/math/strict-math.test.ts checks them.
 */
import stdlibPow from '@stdlib/math-base-special-pow';
import stdlibSin from '@stdlib/math-base-special-sin';

export { ln } from './ln.js';
export { exp } from './exp.js';
export { cos } from './cos.js';
/** x^y (fdlibm e_pow.c). */
export const pow: (x: number, y: number) => number = stdlibPow;
/** Sine, argument in radians (fdlibm s_sin.c). */
export const sin: (x: number) => number = stdlibSin;
