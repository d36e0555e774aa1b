/**
 * Per-peer typed arrays grow as peers arrive: one helper for every component that keeps them.
 */

/** `a` grown to `n` elements (contents kept, the rest `fill`); `a` itself when long enough. */
export function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, n: number, fill = 0): T {
  if (a.length >= n) return a;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
