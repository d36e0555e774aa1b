/**
 * Thins a sorted list to at most `max` values taken at evenly spaced ranks (the first
 * and last always kept), so a CDF of millions of values can be drawn from a few thousand.
 */
export function evenQuantileSample(sorted: ArrayLike<number>, max: number): number[] {
  const n = sorted.length;
  if (n <= max) return Array.from(sorted);
  if (max <= 1) return max === 1 ? [sorted[n - 1]] : [];
  const out = new Array<number>(max);
  for (let i = 0; i < max; i++) out[i] = sorted[Math.round((i * (n - 1)) / (max - 1))];
  return out;
}
