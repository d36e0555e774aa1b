/** Test helpers: structural checks every generated overlay must pass. */
import { expect } from 'vitest';
import type { Graph } from '../../sim/overlay/graph.js';

/**
 * Asserts no self-loop, no repeated link, symmetric adjacency (q in N(p) iff p in N(q)),
 * runs inside the pool and not overlapping, and `edges` = Σ degree / 2.
 */
export function expectSimpleSymmetric(g: Graph): void {
  let sum = 0;
  const owner = new Int32Array(g.adj.length).fill(-1);
  const problems: string[] = [];
  for (let p = 0; p < g.size; p++) {
    const d = g.degree(p);
    sum += d;
    if (d > g.cap[p]) problems.push(`peer ${p}: degree ${d} > capacity ${g.cap[p]}`);
    if (g.offset[p] + g.cap[p] > g.used && g.cap[p] > 0) problems.push(`peer ${p}: run past used`);
    for (let i = g.offset[p]; i < g.offset[p] + g.cap[p]; i++) {
      if (owner[i] !== -1) problems.push(`slot ${i} shared by peers ${owner[i]} and ${p}`);
      owner[i] = p;
    }
    const seen = new Set<number>();
    for (let i = 0; i < d; i++) {
      const q = g.neighbor(p, i);
      if (q === p) problems.push(`self-loop at ${p}`);
      if (q < 0 || q >= g.size) problems.push(`peer ${p}: neighbour ${q} out of range`);
      if (seen.has(q)) problems.push(`repeated link ${p}-${q}`);
      seen.add(q);
      if (!g.contains(q, p)) problems.push(`asymmetric link ${p}->${q}`);
    }
    if (problems.length > 5) break;
  }
  expect(problems).toEqual([]);
  expect(sum).toBe(2 * g.edges);
}

/** The adjacency as sorted neighbour lists (layout-independent), for comparisons. */
export function adjacencyLists(g: Graph): number[][] {
  const lists: number[][] = [];
  for (let p = 0; p < g.size; p++) lists.push(g.neighbors(p).sort((a, b) => a - b));
  return lists;
}

/** The exact arrays (layout included): same seed must give byte-identical overlays. */
export function snapshot(g: Graph): { offset: number[]; deg: number[]; adj: number[] } {
  return {
    offset: Array.from(g.offset.subarray(0, g.size)),
    deg: Array.from(g.deg.subarray(0, g.size)),
    adj: Array.from(g.adj.subarray(0, g.used)),
  };
}

/** Degrees of all peers. */
export function degrees(g: Graph): number[] {
  return Array.from(g.deg.subarray(0, g.size));
}
