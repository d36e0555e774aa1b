/**
 * Builds a tightly laid out Graph from an edge list, and re-lays out a graph that grew by
 * relocation (churn-style generators) so each peer's run is exactly its degree long.
 */
import { Graph } from './graph.js';

/**
 * A graph with links (edges[2i], edges[2i+1]) for i < count, each run exactly its
 * degree long. The list must be simple (no self-loops, no duplicates): it is not checked.
 */
export function graphFromEdges(n: number, edges: Int32Array, count: number): Graph {
  const degree = new Int32Array(n);
  for (let i = 0; i < 2 * count; i++) degree[edges[i]]++;
  const g = Graph.withCapacities(n, (p) => degree[p]);
  for (let i = 0; i < count; i++) g.addLinkUnchecked(edges[2 * i], edges[2 * i + 1]);
  return g;
}

/** A copy of `graph` with the same neighbour order and runs exactly as long as degrees. */
export function tightCopy(graph: Graph): Graph {
  const g = Graph.withCapacities(graph.size, (p) => graph.deg[p]);
  for (let p = 0; p < graph.size; p++) {
    g.adj.set(graph.adj.subarray(graph.offset[p], graph.offset[p] + graph.deg[p]), g.offset[p]);
    g.deg[p] = graph.deg[p];
  }
  g.edges = graph.edges;
  return g;
}

/** A growable list of links (pairs of Int32), for generators whose link count is random. */
export class EdgeList {
  data: Int32Array;
  count = 0;
  constructor(expected: number) {
    this.data = new Int32Array(Math.max(16, 2 * Math.ceil(expected)));
  }
  push(p: number, q: number): void {
    if (2 * this.count + 2 > this.data.length) {
      const b = new Int32Array(this.data.length * 2);
      b.set(this.data);
      this.data = b;
    }
    this.data[2 * this.count] = p;
    this.data[2 * this.count + 1] = q;
    this.count++;
  }
}
