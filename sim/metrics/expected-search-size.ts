/**
 * Cohen & Shenker's expected search size (SIGCOMM 2002): with random probing of `peers`
 * peers, an item with r_i copies takes peers / r_i probes on average, so a query stream
 * with item probabilities q_i costs A = peers · Σ q_i / r_i probes per query.
 */

/**
 * Expected probes per query, peers · Σ q_i / r_i; Infinity when an item that is ever
 * asked for (q_i > 0) has no replica.
 */
export function expectedSearchSize(popularity: ArrayLike<number>, replicas: ArrayLike<number>,
  peers: number): number {
  let sum = 0;
  for (let i = 0; i < popularity.length; i++) {
    if (popularity[i] === 0) continue;
    if (replicas[i] <= 0) return Infinity;
    sum += popularity[i] / replicas[i];
  }
  return peers * sum;
}
