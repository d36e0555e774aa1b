/**
 * Average local clustering coefficient (Watts & Strogatz 1998): for each peer, the
 * fraction of pairs of its neighbours that are linked, averaged over peers. Exact for
 * small overlays, estimated from a seeded sample of peers for large ones.
 */
import type { RandomSource } from '../engine/random.js';
import type { Graph } from '../overlay/graph.js';
import { alivePeers, liveMask, sampleInPlace } from './alive-peers.js';

export interface ClusteringOptions {
  /** Count only alive peers and links between alive peers. */
  alive?: Uint8Array | null;
  /** Draws the sampled peers; needed only when more than `exactLimit` peers are alive. */
  rng?: RandomSource;
  /** Up to this many alive peers every peer is measured (default 100,000). */
  exactLimit?: number;
  /** Peers sampled (without replacement) above `exactLimit` (default 20,000: standard error <= 0.0036). */
  samples?: number;
}

export interface ClusteringResult {
  /** Mean local clustering coefficient; 0 when no peer is counted. */
  value: number;
  /** Peers the mean is taken over. */
  samples: number;
  /** true when every alive peer was measured. */
  exact: boolean;
}

/**
 * Convention (NetworkX's): a peer with fewer than two neighbours has coefficient 0 and is
 * included in the average. Cost: Σ over measured peers of their neighbours' degrees.
 */
export function averageClustering(graph: Graph, options: ClusteringOptions = {}): ClusteringResult {
  const { rng, exactLimit = 100_000, samples = 20_000 } = options;
  const alive = liveMask(graph, options.alive);
  let peers = alivePeers(graph, alive);
  const exact = peers.length <= exactLimit || samples >= peers.length;
  if (!exact) {
    if (!rng) throw new Error('clustering: an rng is needed to sample peers of a large overlay');
    peers = sampleInPlace(peers, samples, rng);
  }
  const { offset, deg, adj } = graph;
  // mark[q] === p + 1 while measuring p means q is an (alive) neighbour of p.
  const mark = new Int32Array(graph.size);
  let sum = 0;
  for (let k = 0; k < peers.length; k++) {
    const p = peers[k], tag = p + 1;
    let d = 0;
    for (let i = offset[p], e = i + deg[p]; i < e; i++) {
      const q = adj[i];
      if (alive && alive[q] !== 1) continue;
      mark[q] = tag;
      d++;
    }
    if (d < 2) continue;
    let links = 0; // each link among neighbours is seen from both ends
    for (let i = offset[p], e = i + deg[p]; i < e; i++) {
      const q = adj[i];
      if (mark[q] !== tag) continue;
      for (let j = offset[q], f = j + deg[q]; j < f; j++) if (mark[adj[j]] === tag) links++;
    }
    sum += links / (d * (d - 1));
  }
  return { value: peers.length > 0 ? sum / peers.length : 0, samples: peers.length, exact };
}
