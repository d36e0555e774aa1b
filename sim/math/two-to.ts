/** Powers of two computed exactly, for constants where `2 ** k` (implementation-approximated) was used. */

/** 2^k for an integer k >= 0, exactly (doubling is exact; Infinity beyond 2^1023). */
export function twoTo(k: number): number {
  let x = 1;
  for (let i = 0; i < k; i++) x *= 2;
  return x;
}
