/**
 * The two 32-bit words of a float64, through one shared typed-array pair (no allocation per
 * call), for the fdlibm ports beside this file.
 */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
// Typed arrays use the platform's byte order: the high word is element 1 on little-endian.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The high word (sign, exponent, 20 top mantissa bits) as a signed 32-bit integer. */
export function highWord(x: number): number {
  F64[0] = x;
  return U32[HI] | 0;
}

export function lowWord(x: number): number {
  F64[0] = x;
  return U32[LO];
}

/** The float64 whose words are `hi` and `lo`. */
export function fromWords(hi: number, lo: number): number {
  U32[HI] = hi >>> 0;
  U32[LO] = lo >>> 0;
  return F64[0];
}

/**
 * TWO_TO[k + 1024] = 2^k for k in [-1024, 1024] (2^1024 is Infinity), each exact: scaling by
 * a power of two through a product is faster than rewriting exponent bits.
 */
export const TWO_TO = new Float64Array(2049);
TWO_TO[1024] = 1;
for (let k = 1; k <= 1024; k++) {
  TWO_TO[1024 + k] = TWO_TO[1023 + k] * 2;
  TWO_TO[1024 - k] = TWO_TO[1025 - k] / 2;
}
