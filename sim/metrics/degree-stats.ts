/**
 * Degree statistics of the overlay (mean, spread, extremes, histogram), over alive peers
 * only when an alive mask is given, counting only links between alive peers.
 */
import type { Graph } from '../overlay/graph.js';
import { liveMask } from './alive-peers.js';

export interface DegreeStats {
  /** Peers counted (alive peers, or all peer ids of the graph). */
  peers: number;
  mean: number;
  min: number;
  max: number;
  /** Population standard deviation. */
  sd: number;
  /** [degree, number of peers with that degree], by increasing degree; no zero counts. */
  histogram: Array<[degree: number, peers: number]>;
}

/** All zero (and an empty histogram) when no peer is counted. */
export function degreeStats(graph: Graph, aliveMask?: Uint8Array | null): DegreeStats {
  const { offset, deg, adj } = graph;
  const alive = liveMask(graph, aliveMask);
  let counts = new Int32Array(64); // counts[d]: peers of degree d
  let peers = 0, sum = 0, sumSq = 0, min = Infinity, max = 0;
  for (let p = 0; p < graph.size; p++) {
    let d: number;
    if (alive) {
      if (alive[p] !== 1) continue;
      d = 0;
      for (let i = offset[p], e = i + deg[p]; i < e; i++) if (alive[adj[i]] === 1) d++;
    } else {
      d = deg[p];
    }
    peers++;
    sum += d;
    sumSq += d * d;
    if (d < min) min = d;
    if (d > max) max = d;
    if (d >= counts.length) {
      const grown = new Int32Array(Math.max(2 * counts.length, d + 1));
      grown.set(counts);
      counts = grown;
    }
    counts[d]++;
  }
  if (peers === 0) return { peers: 0, mean: 0, min: 0, max: 0, sd: 0, histogram: [] };
  const mean = sum / peers;
  const variance = Math.max(0, sumSq / peers - mean * mean);
  const histogram: Array<[number, number]> = [];
  for (let d = 0; d <= max; d++) if (counts[d] > 0) histogram.push([d, counts[d]]);
  return { peers, mean, min, max, sd: Math.sqrt(variance), histogram };
}
