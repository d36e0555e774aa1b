/**
 * The view table (sim/protocols/sampling/views.ts), exactly, on hand-built views: the
 * overlay is the undirected union of the views in live mode and after syncOverlay in lazy
 * mode, and the counters (entries, dead entries, in-degrees) follow every change; a split
 * run's threads, each rebuilding its own peers' runs of one shared overlay, give one thread's.
 */
import { describe, expect, it } from 'vitest';
import { Graph } from '../../../sim/overlay/graph';
import { ViewTable, type SharedRows } from '../../../sim/protocols/sampling/views';
import { NamedStream } from '../../../sim/engine/random';
import { PeerTable } from '../../../sim/run/peers';
import { expectConsistentViews, linkSet, viewLinkSet } from './invariants';

function table(live: boolean, n = 5, viewSize = 3) {
  const peers = new PeerTable(n);
  const graph = new Graph(n);
  return { peers, graph, views: new ViewTable(viewSize, n, graph, peers, live) };
}

describe('ViewTable', () => {
  it('keeps the overlay equal to the union of the views at every change (live mode)', () => {
    const { peers, graph, views } = table(true);
    expect(views.add(0, 1, 0)).toBe(true);
    expect(views.add(1, 0, 2)).toBe(true);   // reciprocal: still one link
    expect(views.add(0, 0, 0)).toBe(false);  // never itself
    expect(views.add(0, 1, 5)).toBe(false);  // never twice
    expect(views.add(0, 2, 1)).toBe(true);
    expect(views.add(0, 3, 1)).toBe(true);
    expect(views.add(0, 4, 1)).toBe(false);  // full (viewSize 3)
    expect(linkSet(graph)).toEqual(['0-1', '0-2', '0-3']);
    views.removeAt(0, views.indexOf(0, 1));  // 1 still holds 0: the link stays
    expect(linkSet(graph)).toEqual(['0-1', '0-2', '0-3']);
    views.removeAt(1, 0);                    // now nobody holds it
    expect(linkSet(graph)).toEqual(['0-2', '0-3']);
    views.replaceAt(0, views.indexOf(0, 2), 4, 7);
    expect(linkSet(graph)).toEqual(['0-3', '0-4']);
    expect(views.age(0, views.indexOf(0, 4))).toBe(7);
    views.ageAll(0);
    expect(views.age(0, views.indexOf(0, 4))).toBe(8);
    expect(views.id(0, views.oldest(0))).toBe(4);
    expect(viewLinkSet(views, 5)).toEqual(linkSet(graph));
    expectConsistentViews(views, peers);
  });

  it('counts entries pointing at peers that are down as dead links', () => {
    const { peers, views } = table(true);
    views.add(0, 2, 0);
    views.add(1, 2, 0);
    views.add(1, 3, 0);
    expect(views.inDegree[2]).toBe(2);
    peers.setAlive(2, false);
    views.peerDown(2);
    expect(views.deadEntries).toBe(2);
    expectConsistentViews(views, peers);
    views.removeAt(0, 0);                    // a dead link detected and dropped
    expect(views.deadEntries).toBe(1);
    views.add(0, 2, 0);                      // a dead entry passed on by a shuffle
    expect(views.deadEntries).toBe(2);
    peers.setAlive(2, true);
    views.peerUp(2);
    expect(views.deadEntries).toBe(0);
    views.clear(1);
    expect(views.entries).toBe(1);
    expectConsistentViews(views, peers);
  });

  it('in lazy mode leaves the overlay alone until syncOverlay, which rebuilds the union', () => {
    const { graph, views, peers } = table(false, 6, 3);
    graph.addLink(4, 5); // a link no view holds: gone after the sync
    views.add(0, 1, 0);
    views.add(1, 0, 0);
    views.add(2, 0, 0);
    views.add(3, 1, 0);
    views.add(3, 2, 0);
    expect(linkSet(graph)).toEqual(['4-5']);
    views.trimOverlay();
    views.syncOverlay();
    expect(linkSet(graph)).toEqual(['0-1', '0-2', '1-3', '2-3']);
    expect(graph.edges).toBe(4);
    expect(graph.degree(0)).toBe(2);
    // The rebuilt graph still takes ordinary changes.
    expect(graph.addLink(0, 5)).toBe(true);
    expect(graph.degree(0)).toBe(3);
    expectConsistentViews(views, peers);
  });

  it('fill sets first views without touching the overlay; trimOverlay drops links no view holds', () => {
    const { graph, views } = table(true, 4, 2);
    graph.addLink(0, 1); graph.addLink(0, 2); graph.addLink(0, 3); graph.addLink(2, 3);
    views.fill(0, [1, 2], 2);
    views.fill(3, [2], 1);
    views.trimOverlay();
    expect(linkSet(graph)).toEqual(['0-1', '0-2', '2-3']);
    expect(views.inDegree[2]).toBe(2);
  });

  it('grows for new peers', () => {
    const { views } = table(true, 2, 2);
    views.ensureSize(10);
    expect(views.size.length).toBeGreaterThanOrEqual(10);
    expect(views.size[9]).toBe(0);
  });

  it('split: threads that each rebuild their own peers\' runs of one shared overlay give one thread\'s runs, in order', () => {
    const n = 300, v = 6;
    const peers = new PeerTable(n);
    const oneGraph = new Graph(n);
    const one = new ViewTable(v, n, oneGraph, peers, false);
    const rng = new NamedStream(7, 'views-test');
    const scramble = (changes: number) => {
      for (let k = 0; k < changes; k++) {
        const p = Math.floor(rng.next() * n), q = Math.floor(rng.next() * n);
        if (one.size[p] > 0 && rng.next() < 0.3) one.removeAt(p, Math.floor(rng.next() * one.size[p]));
        else one.add(p, q, 0);
      }
    };
    scramble(5 * n);
    // Two threads' tables over the same views and rows; thread t owns the 32-peer words w with
    // w mod 2 = t (as arrivals are dealt). With a wait that returns at once, running one
    // thread's rebuild after the other's is one order the barriers allow.
    const data = new Int32Array(n * 2 * v), size = new Int32Array(n);
    const rows = { offset: new Int32Array(n), deg: new Int32Array(n), cap: new Int32Array(n), adj: new Int32Array(n * 2 * v) };
    const threads = [0, 1].map((t) => {
      const owned = Uint8Array.from({ length: n }, (_, p) => ((p >> 5) % 2 === t ? 1 : 0));
      const shared: SharedRows = { ...rows, owned, wait: () => {} };
      const graph = new Graph(n);
      return { graph, views: new ViewTable(v, n, graph, peers, false, { data, size, rows: shared }) };
    });
    for (let round = 0; round < 3; round++) {
      data.set(one.data);
      size.set(one.size);
      one.syncOverlay();
      for (const t of threads) { t.views.markStale(); t.views.syncOverlay(); }
      const g = threads[1].graph; // the last to finish: its link count saw every run
      for (let p = 0; p < n; p++) expect(g.neighbors(p), `peer ${p}, round ${round}`).toEqual(oneGraph.neighbors(p));
      expect(g.edges).toBe(oneGraph.edges);
      expect(linkSet(g)).toEqual(viewLinkSet(one, n));
      scramble(n); // the next round's rebuild reuses the scratch arrays
    }
  });
});
