/** Checks shared by the peer-sampling tests: what must hold of the views at any time. */
import { expect } from 'vitest';
import type { Graph } from '../../../sim/overlay/graph';
import type { ViewTable } from '../../../sim/protocols/sampling/views';
import type { PeerTable } from '../../../sim/run/peers';

/** Sorted "p-q" keys (p < q) of the links of `graph`. */
export function linkSet(graph: Graph): string[] {
  const keys: string[] = [];
  for (let p = 0; p < graph.size; p++) {
    for (let i = 0; i < graph.degree(p); i++) {
      const q = graph.neighbor(p, i);
      if (p < q) keys.push(`${p}-${q}`);
    }
  }
  return keys.sort();
}

/** Sorted "p-q" keys of the undirected union of the views. */
export function viewLinkSet(views: ViewTable, peers: number): string[] {
  const keys = new Set<string>();
  for (let p = 0; p < peers; p++) {
    for (let i = 0; i < views.size[p]; i++) {
      const q = views.id(p, i);
      keys.add(p < q ? `${p}-${q}` : `${q}-${p}`);
    }
  }
  return [...keys].sort();
}

/**
 * Views hold no self entry and no duplicate; only live peers hold entries; the counters
 * (entries, dead entries, in-degrees) match a recount.
 */
export function expectConsistentViews(views: ViewTable, peers: PeerTable): void {
  const inDegree = new Int32Array(peers.count);
  let entries = 0, dead = 0;
  for (let p = 0; p < peers.count; p++) {
    const n = views.size[p];
    expect(n).toBeLessThanOrEqual(views.viewSize);
    if (peers.alive[p] !== 1) expect(n).toBe(0);
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const q = views.id(p, i);
      expect(q).not.toBe(p);
      expect(seen.has(q)).toBe(false);
      seen.add(q);
      inDegree[q]++;
      entries++;
      if (peers.alive[q] !== 1) dead++;
    }
  }
  expect(views.entries).toBe(entries);
  expect(views.deadEntries).toBe(dead);
  expect(Array.from(views.inDegree.subarray(0, peers.count))).toEqual(Array.from(inDegree));
}
