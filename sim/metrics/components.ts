/**
 * Connected components of the overlay among alive peers: the size of the largest one and
 * its fraction of a given denominator (SPEC §3 largestComponentFraction).
 */
import type { Graph } from '../overlay/graph.js';
import { liveMask } from './alive-peers.js';

export interface ComponentStats {
  /** Peers in the largest connected component (0 when no peer is alive). */
  largest: number;
  /** largest / denominator (0 when the denominator is 0). */
  fraction: number;
  /** Number of connected components, isolated peers included. */
  components: number;
  /** Alive peers considered. */
  peers: number;
}

/**
 * Only alive peers and links between alive peers count. `denominator` defaults to the
 * number of alive peers; after a failure, pass the number alive before it (SPEC §3).
 *
 * Each component is found by a BFS that is direction-optimising (Beamer et al. 2012): a
 * level whose frontier holds more than n/16 peers is found bottom-up, each peer not yet
 * reached looking for one neighbour in the frontier (it stops at the first), instead of
 * the frontier offering itself to all its neighbours. At 10^6 peers of degree 8: ~0.1 s
 * instead of ~0.3 s.
 */
export function largestComponent(graph: Graph, aliveMask?: Uint8Array | null, denominator?: number): ComponentStats {
  const n = graph.size;
  const alive = liveMask(graph, aliveMask);
  // No links: every alive peer is a component of its own.
  if (graph.edges === 0) {
    let peers = n;
    if (alive) for (let p = 0; p < n; p++) if (alive[p] !== 1) peers--;
    return componentStats(peers > 0 ? 1 : 0, peers, peers, denominator);
  }
  const { offset, deg, adj } = graph;
  // level[p]: BFS level of p in its component, -1 while not reached.
  const level = new Int32Array(n).fill(-1);
  let frontier = new Int32Array(n), next = new Int32Array(n);
  const bottomUpAbove = n / 16;
  let largest = 0, components = 0, peers = 0;
  for (let s = 0; s < n; s++) {
    if (level[s] >= 0 || (alive && alive[s] !== 1)) continue;
    components++;
    level[s] = 0;
    frontier[0] = s;
    let size = 1, width = 1;
    for (let l = 0; width > 0; l++) {
      let nextWidth = 0;
      if (width <= bottomUpAbove) {
        for (let f = 0; f < width; f++) {
          const p = frontier[f];
          for (let i = offset[p], e = i + deg[p]; i < e; i++) {
            const q = adj[i];
            if (level[q] >= 0 || (alive && alive[q] !== 1)) continue;
            level[q] = l + 1;
            next[nextWidth++] = q;
          }
        }
      } else {
        // Peers of earlier components have levels too, but none of them is a neighbour.
        for (let v = 0; v < n; v++) {
          if (level[v] >= 0 || (alive && alive[v] !== 1)) continue;
          for (let i = offset[v], e = i + deg[v]; i < e; i++) {
            if (level[adj[i]] === l) {
              level[v] = l + 1;
              next[nextWidth++] = v;
              break;
            }
          }
        }
      }
      size += nextWidth;
      width = nextWidth;
      const t = frontier; frontier = next; next = t;
    }
    peers += size;
    if (size > largest) largest = size;
  }
  return componentStats(largest, components, peers, denominator);
}

/**
 * The statistics of an overlay known to be connected among its `peers` alive peers (one
 * component holding them all), as largestComponent would find them: the overlay summary
 * knows this when every BFS of its path-length estimate reached every alive peer.
 */
export function connectedStats(peers: number, denominator?: number): ComponentStats {
  return componentStats(peers, peers > 0 ? 1 : 0, peers, denominator);
}

function componentStats(largest: number, components: number, peers: number, denominator?: number): ComponentStats {
  const denom = denominator ?? peers;
  return { largest, fraction: denom > 0 ? largest / denom : 0, components, peers };
}
