/** Powers of two computed exactly, for constants where `2 ** k` (implementation-approximated) was used. */
import { TWO_TO } from './words.js';

/** 2^k for an integer k >= 0, exactly (from words.ts's table of exact powers; Infinity from 2^1024 on). */
export function twoTo(k: number): number {
  return k >= 1024 ? Infinity : TWO_TO[1024 + k];
}
