/** Mean and unbiased variance of the live peers' values (two passes, for accuracy near convergence). */

export function liveMoments(values: Float64Array, alive: Uint8Array): { mean: number; variance: number; count: number } {
  const n = Math.min(values.length, alive.length);
  let count = 0, sum = 0;
  for (let p = 0; p < n; p++) if (alive[p] === 1) { count++; sum += values[p]; }
  if (count === 0) return { mean: NaN, variance: NaN, count };
  const mean = sum / count;
  let squares = 0;
  for (let p = 0; p < n; p++) if (alive[p] === 1) { const d = values[p] - mean; squares += d * d; }
  return { mean, variance: count > 1 ? squares / (count - 1) : 0, count };
}
