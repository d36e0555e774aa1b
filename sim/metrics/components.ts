/**
 * Connected components of the overlay among alive peers: the size of the largest one and
 * its fraction of a given denominator (SPEC §3 largestComponentFraction). Iterative BFS.
 */
import type { Graph } from '../overlay/graph.js';

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
 */
export function largestComponent(graph: Graph, alive?: Uint8Array | null, denominator?: number): ComponentStats {
  const n = graph.size;
  const { offset, deg, adj } = graph;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let largest = 0, components = 0, peers = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s] || (alive && alive[s] !== 1)) continue;
    components++;
    seen[s] = 1;
    queue[0] = s;
    let head = 0, tail = 1;
    while (head < tail) {
      const p = queue[head++];
      for (let i = offset[p], e = i + deg[p]; i < e; i++) {
        const q = adj[i];
        if (seen[q] || (alive && alive[q] !== 1)) continue;
        seen[q] = 1;
        queue[tail++] = q;
      }
    }
    peers += tail;
    if (tail > largest) largest = tail;
  }
  const denom = denominator ?? peers;
  return { largest, fraction: denom > 0 ? largest / denom : 0, components, peers };
}
