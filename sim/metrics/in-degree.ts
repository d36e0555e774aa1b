/**
 * In-degree statistics of a directed "who knows whom" relation (peer-sampling views):
 * mean, spread and extremes of the number of views that hold each alive peer.
 */

export interface InDegreeStats {
  /** Alive peers counted. */
  peers: number;
  mean: number;
  /** Population standard deviation. */
  sd: number;
  min: number;
  max: number;
}

/**
 * `inDegree[q]` = number of views holding q, for q < count; only peers with alive[q] === 1
 * are counted. All zero when no peer is alive.
 */
export function viewInDegreeStats(inDegree: Int32Array, alive: Uint8Array, count: number): InDegreeStats {
  let peers = 0, sum = 0, sumSq = 0, min = Infinity, max = 0;
  for (let q = 0; q < count; q++) {
    if (alive[q] !== 1) continue;
    const d = inDegree[q];
    peers++;
    sum += d;
    sumSq += d * d;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (peers === 0) return { peers: 0, mean: 0, sd: 0, min: 0, max: 0 };
  const mean = sum / peers;
  return { peers, mean, sd: Math.sqrt(Math.max(0, sumSq / peers - mean * mean)), min, max };
}
