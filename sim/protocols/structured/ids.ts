/**
 * Identifiers of a `bits`-bit space, held as exact integers in doubles (bits <= 52): Chord's
 * clockwise ring distance and Kademlia's XOR distance, split into a 20-bit high and a
 * 32-bit low word so that bitwise operators apply.
 */
import type { RandomSource } from '../../engine/random.js';
import { twoTo } from '../../math/two-to.js';

const TWO_32 = 4294967296;

export class IdSpace {
  /** 2^bits: the number of IDs. */
  readonly size: number;

  constructor(readonly bits: number) {
    this.size = twoTo(bits);
  }

  /** A uniform ID (two draws, so all bits are random for any length up to 52). */
  draw(rng: RandomSource): number {
    const high = Math.floor(rng.next() * twoTo(Math.max(0, this.bits - 26)));
    const low = Math.floor(rng.next() * twoTo(Math.min(26, this.bits)));
    return (high * twoTo(Math.min(26, this.bits)) + low) % this.size;
  }

  /** Clockwise distance from a to b on the ring, in [0, size). */
  ring(a: number, b: number): number {
    const d = b - a;
    return d < 0 ? d + this.size : d;
  }

  /** x in the ring interval (a, b]; (a, a] is the whole ring. */
  inHalfOpen(x: number, a: number, b: number): boolean {
    const ab = this.ring(a, b);
    if (ab === 0) return true;
    const ax = this.ring(a, x);
    return ax > 0 && ax <= ab;
  }

  /** x in the ring interval (a, b); (a, a) is the ring without a. */
  inOpen(x: number, a: number, b: number): boolean {
    const ab = this.ring(a, b);
    const ax = this.ring(a, x);
    return ab === 0 ? ax !== 0 : ax > 0 && ax < ab;
  }

  /** a XOR b, as a double. */
  xor(a: number, b: number): number {
    const high = (Math.floor(a / TWO_32) ^ Math.floor(b / TWO_32)) >>> 0;
    const low = ((a >>> 0) ^ (b >>> 0)) >>> 0;
    return high * TWO_32 + low;
  }

  /** Number of significant bits of a non-negative integer below 2^53 (0 for 0). */
  static bitLength(x: number): number {
    const high = Math.floor(x / TWO_32);
    return high > 0 ? 64 - Math.clz32(high) : 32 - Math.clz32(x >>> 0);
  }

  /** Length of the common prefix of a and b (bits for a = b). */
  commonPrefix(a: number, b: number): number {
    return this.bits - IdSpace.bitLength(this.xor(a, b));
  }

  /** Bit i of x counted from the top (0: the most significant). */
  bit(x: number, i: number): number {
    return Math.floor(x / twoTo(this.bits - 1 - i)) % 2;
  }

  /** The IDs sharing x's first `prefix` bits form [start, start + 2^(bits − prefix)). */
  prefixStart(x: number, prefix: number): number {
    const span = twoTo(this.bits - prefix);
    return Math.floor(x / span) * span;
  }

  /** x with bit i (from the top) flipped. */
  flip(x: number, i: number): number {
    const v = twoTo(this.bits - 1 - i);
    return this.bit(x, i) === 1 ? x - v : x + v;
  }

  /** Bytes an ID takes in a message. */
  get bytes(): number {
    return Math.ceil(this.bits / 8);
  }
}

/** Index of the first element of ascending `sorted` (by ids[element]) whose ID is >= x (length if none). */
export function firstAtOrAfter(sorted: Int32Array, ids: Float64Array, x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[sorted[mid]] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
