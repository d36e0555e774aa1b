/**
 * Dead links: the fraction of the links held by alive peers that point at peers that are
 * down (links a crash left behind and nobody has noticed yet).
 */
import type { Graph } from '../overlay/graph.js';

/** Over alive peers' adjacency entries; 0 when alive peers hold no link. */
export function deadLinkFraction(graph: Graph, alive: Uint8Array): number {
  const { offset, deg, adj } = graph;
  let entries = 0, dead = 0;
  for (let p = 0; p < graph.size; p++) {
    if (alive[p] !== 1) continue;
    const o = offset[p], e = o + deg[p];
    entries += deg[p];
    for (let i = o; i < e; i++) if (alive[adj[i]] !== 1) dead++;
  }
  return entries > 0 ? dead / entries : 0;
}
