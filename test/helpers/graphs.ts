/** Reference graphs and a plain BFS, shared by the tests that compare against them. */
import { NamedStream } from '../../sim/engine/random';
import { Graph } from '../../sim/overlay/graph';

/** A ring (so connected) plus `chords` random links per peer. */
export function ringWithChords(n: number, chords: number, seed: number): Graph {
  const g = new Graph(n);
  for (let p = 0; p < n; p++) g.addLink(p, (p + 1) % n);
  const rng = new NamedStream(seed, 'test/chords');
  for (let p = 0; p < n; p++) for (let c = 0; c < chords; c++) g.addLink(p, rng.int(n));
  return g;
}

/** Hop distance from `source` to every peer (-1: unreachable), by a plain breadth-first search. */
export function bfs(g: Graph, source: number): Int32Array {
  const dist = new Int32Array(g.size).fill(-1);
  const queue = [source];
  dist[source] = 0;
  for (let head = 0; head < queue.length; head++) {
    const p = queue[head];
    for (const q of g.neighbors(p)) {
      if (dist[q] < 0) {
        dist[q] = dist[p] + 1;
        queue.push(q);
      }
    }
  }
  return dist;
}
