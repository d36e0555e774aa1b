/**
 * The overlay shared read-only by the threads of a parallel run: built once (from the seed,
 * as in a one-thread run) into SharedArrayBuffers, or copied into them, which each worker
 * wraps in a Graph without copying.
 */
import { Graph } from '../overlay/graph.js';

export interface SharedGraph {
  size: number;
  used: number;
  edges: number;
  offset: SharedArrayBuffer;
  deg: SharedArrayBuffer;
  cap: SharedArrayBuffer;
  adj: SharedArrayBuffer;
}

/** An Int32Array of `length` zeros over a SharedArrayBuffer of its own. */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * Int32Array.BYTES_PER_ELEMENT), 0, length);
}

/** The first `length` entries of `a` in a SharedArrayBuffer: a's own when it is exactly that. */
function share(a: Int32Array, length = a.length): SharedArrayBuffer {
  if (a.buffer instanceof SharedArrayBuffer && a.byteOffset === 0 && a.buffer.byteLength === length * Int32Array.BYTES_PER_ELEMENT) {
    return a.buffer;
  }
  const b = new SharedArrayBuffer(Math.max(1, length) * Int32Array.BYTES_PER_ELEMENT);
  new Int32Array(b).set(a.subarray(0, length));
  return b;
}

export function shareGraph(g: Graph): SharedGraph {
  return {
    size: g.size,
    used: g.used,
    edges: g.edges,
    offset: share(g.offset, g.size),
    deg: share(g.deg, g.size),
    cap: share(g.cap, g.size),
    adj: share(g.adj, g.used),
  };
}

/**
 * A copy of `g` in shared memory in which peer p's run has room for max(degree(p), room)
 * links: the threads add and drop their own peers' links in it, and no run ever moves (a
 * move takes slots from the pool all threads share). Runs of `room` slots are laid out
 * for the peers g.size..capacity-1 that arrive later (Graph.ensureSize then only counts them in).
 */
export function shareGraphWithRoom(g: Graph, room: number, capacity = g.size): SharedGraph {
  const n = g.size;
  const offset = sharedInt32(capacity), deg = sharedInt32(capacity), cap = sharedInt32(capacity);
  let total = 0;
  for (let p = 0; p < capacity; p++) {
    offset[p] = total;
    const d = p < n ? g.deg[p] : 0;
    deg[p] = d;
    cap[p] = Math.max(d, room);
    total += cap[p];
  }
  const adj = sharedInt32(Math.max(16, total));
  for (let p = 0; p < n; p++) adj.set(g.adj.subarray(g.offset[p], g.offset[p] + g.deg[p]), offset[p]);
  return { size: n, used: total, edges: g.edges, offset: offset.buffer as SharedArrayBuffer, deg: deg.buffer as SharedArrayBuffer, cap: cap.buffer as SharedArrayBuffer, adj: adj.buffer as SharedArrayBuffer };
}

/** A copy of the shared graph in this thread's own memory (for failures to change). */
export function privateGraphCopy(s: SharedGraph): Graph {
  const view = sharedGraphView(s);
  const g = new Graph(0, 0);
  g.size = view.size;
  g.offset = view.offset.slice();
  g.deg = view.deg.slice();
  g.cap = view.cap.slice();
  g.adj = view.adj.slice(0, Math.max(16, view.used));
  g.used = view.used;
  g.edges = view.edges;
  return g;
}

/**
 * A Graph over the shared arrays, as long as their buffers (a copy with room for arrivals
 * holds more runs than peers yet: Graph.ensureSize counts them in without moving anything).
 */
export function sharedGraphView(s: SharedGraph): Graph {
  const g = new Graph(0, 0);
  g.size = s.size;
  g.offset = new Int32Array(s.offset);
  g.deg = new Int32Array(s.deg);
  g.cap = new Int32Array(s.cap);
  g.adj = new Int32Array(s.adj);
  g.used = s.used;
  g.edges = s.edges;
  return g;
}
