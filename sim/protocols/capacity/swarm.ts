/**
 * The swarm: whom each peer exchanges chunks with. Either a snapshot of the overlay at the
 * start, or K random peers per peer handed out by a tracker (BitTorrent), as two-way links.
 * Stored tight (CSR): peer p's neighbours are adj[offset[p] .. offset[p+1]).
 */
import type { NamedStream } from '../../engine/random.js';
import { Graph, type Linkable } from '../../overlay/graph.js';

export interface Swarm {
  /** offset[p]..offset[p+1] delimit p's neighbours in `adj`; length peers + 1. */
  offset: Int32Array;
  adj: Int32Array;
  /** Largest neighbour count. */
  maxDegree: number;
}

/** Packs peers 0..n-1 of `graph` (and their links to peers below n) into a tight swarm. */
export function swarmFromGraph(graph: Linkable, n: number): Swarm {
  const offset = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) {
    let d = 0;
    for (let i = 0, deg = graph.degree(p); i < deg; i++) if (graph.neighbor(p, i) < n) d++;
    offset[p + 1] = offset[p] + d;
  }
  const adj = new Int32Array(offset[n]);
  let maxDegree = 0;
  for (let p = 0; p < n; p++) {
    let o = offset[p];
    for (let i = 0, deg = graph.degree(p); i < deg; i++) {
      const q = graph.neighbor(p, i);
      if (q < n) adj[o++] = q;
    }
    maxDegree = Math.max(maxDegree, offset[p + 1] - offset[p]);
  }
  return { offset, adj, maxDegree };
}

/**
 * A tracker's swarm: each peer in turn asks for K distinct random peers and connects to
 * those it is not yet connected to; links are two-way, so the mean degree is about 2K
 * (every peer when n - 1 <= K). Draws from the scenario-level stream `rng`.
 */
export function trackerSwarm(n: number, k: number, rng: NamedStream): Swarm {
  const g = new Graph(n, n * 2 * Math.min(k, Math.max(0, n - 1)) + 16);
  if (n - 1 <= k) {
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) g.addLinkUnchecked(p, q);
  } else {
    for (let p = 0; p < n; p++) {
      // Draw until K new links (a peer already linked is drawn again), with a cap on retries.
      let drawn = 0, attempts = 0;
      while (drawn < k && attempts < 8 * k) {
        attempts++;
        let q = rng.int(n - 1);
        if (q >= p) q++;
        if (g.addLink(p, q)) drawn++;
      }
    }
  }
  return swarmFromGraph(g, n);
}
