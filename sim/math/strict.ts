/**
 * The transcendental functions the simulation uses, computed in JavaScript from IEEE-754
 * basic operations only, so a seed gives the same bits on every engine: ECMA-262 leaves
 * Math.log, Math.exp, Math.pow, Math.sin, Math.cos and `**` implementation-approximated.
 * They are stdlib's ports of fdlibm / FreeBSD msun (Apache-2.0, fdlibm's Sun licence
 * kept in their sources), accurate to 1 ulp. test/math/strict-math.test.ts checks them.
 */
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibPow from '@stdlib/math-base-special-pow';
import stdlibSin from '@stdlib/math-base-special-sin';
import stdlibCos from '@stdlib/math-base-special-cos';

/** Natural logarithm (fdlibm e_log.c). */
export const ln: (x: number) => number = stdlibLn;
/** e^x (fdlibm e_exp.c). */
export const exp: (x: number) => number = stdlibExp;
/** x^y (fdlibm e_pow.c). */
export const pow: (x: number, y: number) => number = stdlibPow;
/** Sine, argument in radians (fdlibm s_sin.c). */
export const sin: (x: number) => number = stdlibSin;
/** Cosine, argument in radians (fdlibm s_cos.c). */
export const cos: (x: number) => number = stdlibCos;
