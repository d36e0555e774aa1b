/**
 * How many replicas each item gets (Cohen & Shenker, SIGCOMM 2002): uniform, proportional
 * to its query probability q_i, or proportional to √q_i, all at the same total storage.
 */

export type ReplicationStrategy = 'uniform' | 'proportional' | 'square-root';

/** Weight an item of query probability q gets under each strategy. */
function weight(strategy: ReplicationStrategy, q: number): number {
  switch (strategy) {
    case 'uniform': return 1;
    case 'proportional': return q;
    case 'square-root': return Math.sqrt(q);
  }
}

/**
 * Integer replica counts r_i for items of query probabilities `q` on `peers` peers, with
 * Σ r_i = round(ratio · peers · items) (the same total storage for every strategy) and
 * r_i ∝ weight(q_i) within bounds: at most `peers` (one copy per peer), and at least 1
 * whenever the storage allows every item a copy (Cohen & Shenker's allocations keep
 * every item findable; with less storage than items the lower bound is 0).
 *
 * The real-valued allocation clamp(λ·w_i, lo, peers) is found by bisection on λ, then
 * rounded by largest remainder (ties to the lower rank), so the result is deterministic.
 */
export function replicaCounts(
  q: Float64Array,
  strategy: ReplicationStrategy,
  ratio: number,
  peers: number,
): Int32Array {
  const m = q.length;
  const counts = new Int32Array(m);
  if (m === 0 || peers === 0) return counts;
  const total = Math.min(Math.round(ratio * peers * m), peers * m);
  const lo = total >= m ? 1 : 0;
  const hi = peers;
  const w = new Float64Array(m);
  let wMax = 0;
  for (let i = 0; i < m; i++) {
    w[i] = weight(strategy, q[i]);
    if (w[i] > wMax) wMax = w[i];
  }
  const allocated = (lambda: number): number => {
    let sum = 0;
    for (let i = 0; i < m; i++) sum += Math.min(hi, Math.max(lo, lambda * w[i]));
    return sum;
  };
  // Bisection: allocated(λ) is non-decreasing, from m·lo at λ = 0 to m·hi for λ large.
  let a = 0;
  let b = 1;
  if (wMax > 0) {
    while (allocated(b) < total && b < 1e300) b *= 2;
    for (let it = 0; it < 200; it++) {
      const mid = (a + b) / 2;
      if (mid === a || mid === b) break;
      if (allocated(mid) < total) a = mid; else b = mid;
    }
  }
  const lambda = b;
  const frac = new Float64Array(m);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const x = Math.min(hi, Math.max(lo, lambda * w[i]));
    counts[i] = Math.floor(x);
    frac[i] = x - counts[i];
    sum += counts[i];
  }
  let deficit = total - sum;
  if (deficit !== 0) {
    const order = Array.from({ length: m }, (_, i) => i);
    // Largest remainder first when adding, smallest first when removing; ties by rank.
    order.sort((i, j) => (deficit > 0 ? frac[j] - frac[i] : frac[i] - frac[j]) || i - j);
    for (let pass = 0; pass < 2 && deficit !== 0; pass++) {
      for (const i of order) {
        if (deficit > 0 && counts[i] < hi) { counts[i]++; deficit--; }
        else if (deficit < 0 && counts[i] > lo) { counts[i]--; deficit++; }
        if (deficit === 0) break;
      }
    }
  }
  return counts;
}
