/**
 * The partial views of a peer-sampling protocol, for every peer, in flat typed arrays,
 * kept in step with the overlay graph (the views ARE the overlay while sampling is on).
 */
import type { Graph } from '../../overlay/graph.js';
import type { PeerTable } from '../../run/peers.js';

/**
 * A split run's overlay while peer sampling runs: one CSR (Graph's layout) in shared memory,
 * with room for every entry twice (2 × viewSize slots a peer); each thread writes its own
 * peers' runs. `owned[p] === 1` where this thread owns p (a byte a peer, arrivals included).
 */
export interface SharedRows {
  offset: Int32Array;
  deg: Int32Array;
  cap: Int32Array;
  adj: Int32Array;
  owned: Uint8Array;
  /** Waits for every thread of the run. */
  wait(): void;
}

/**
 * Layout: one Int32Array `data` with STRIDE = 2·viewSize Int32s a peer (a peer's whole
 * view is contiguous, so an exchange touches few cache lines):
 *   data[p·STRIDE + i]             id of entry i: the peer it points at (never p, never twice)
 *   data[p·STRIDE + viewSize + i]  age of entry i in exchange periods (0 = just created by its subject)
 * for 0 <= i < size[p] (Int32); entries are unordered and removal moves the last entry
 * into the hole. With the counters below, 8 + 8·viewSize bytes a peer.
 *
 * Overlay rule: the undirected link p–q is in `graph` exactly while q is in view(p) or p
 * is in view(q). Every change goes through add / removeAt / replaceAt / clear. In `live`
 * mode they update the graph at once. The samplers use the lazy mode: changes only mark
 * the graph stale, and `syncOverlay()` rebuilds it from the views at declared instants (a
 * refresh of global knowledge, a sample, a failure, the results: docs/dynamics.md), which
 * also lets a split run's threads rebuild their own from the shared views; keeping the
 * graph in step would cost two thirds of an exchange besides. Either way a reader sees the
 * same links (maybe in another order).
 *
 * Counters kept on every change: inDegree[q] (views that hold q), `entries` (all entries),
 * `deadEntries` (entries pointing at a peer that is down). Only live peers hold entries
 * (a crashed peer's own view is cleared), so these are the live views' figures. A split
 * run keeps none of them (each thread would know only its own changes): it counts from
 * the views where it needs them (countEntries, countInDegrees).
 */
export class ViewTable {
  readonly viewSize: number;
  readonly stride: number;
  data: Int32Array;
  size: Int32Array;
  inDegree: Int32Array;
  /** Entries over all views. */
  entries = 0;
  /** Entries that point at a peer that is down (dead links not yet detected). */
  deadEntries = 0;
  private capacity: number;
  /** The graph lags behind the views (lazy mode only). */
  private stale = false;
  /** A split run's shared overlay rows (see SharedRows); null: the graph is this thread's own. */
  private readonly rows: SharedRows | null;
  /** The counters are kept (not in a split run). */
  private readonly tally: boolean;
  /** Per-peer scratch of a shared rebuild, kept between rebuilds (4 bytes a peer each). */
  private fillAt: Int32Array | null = null;
  private seen: Int32Array | null = null;

  constructor(
    viewSize: number,
    capacity: number,
    private readonly graph: Graph,
    private readonly peers: PeerTable,
    /** Update the graph at every change (true), or only on `syncOverlay()` (false). */
    readonly live = true,
    /**
     * `data` and `size` where they live elsewhere (a split run's shared memory, each thread
     * writing its own peers' views): they do not grow then, and the counters above stay
     * zero (the split counts by scanning: `countEntries`). With `rows`, the graph is
     * rebuilt into them by all threads together (syncOverlay).
     */
    shared?: { data: Int32Array; size: Int32Array; rows?: SharedRows },
  ) {
    this.viewSize = viewSize;
    this.stride = 2 * viewSize;
    this.capacity = Math.max(1, capacity);
    this.data = shared?.data ?? new Int32Array(this.capacity * this.stride);
    this.size = shared?.size ?? new Int32Array(this.capacity);
    this.inDegree = new Int32Array(shared ? 0 : this.capacity);
    this.rows = shared?.rows ?? null;
    this.tally = !shared;
  }

  /** Entries of the views of peers [lo, hi), and those pointing at a peer down in `alive`. */
  countEntries(lo: number, hi: number, alive: Uint8Array): { entries: number; dead: number } {
    const data = this.data, size = this.size, stride = this.stride;
    let entries = 0, dead = 0;
    for (let p = lo; p < hi; p++) {
      const base = p * stride, k = size[p];
      entries += k;
      for (let i = base; i < base + k; i++) if (alive[data[i]] !== 1) dead++;
    }
    return { entries, dead };
  }

  /** How many views hold each peer (0..n-1), counted from the views themselves. */
  countInDegrees(n: number): Int32Array {
    const counts = new Int32Array(n), data = this.data, size = this.size, stride = this.stride;
    for (let p = 0; p < Math.min(n, this.capacity); p++) {
      for (let i = p * stride, e = i + size[p]; i < e; i++) counts[data[i]]++;
    }
    return counts;
  }

  /** The graph no longer matches the views (a split run: other threads changed theirs). */
  markStale(): void {
    this.stale = true;
  }

  /** Bytes held by the views. */
  get bytes(): number {
    return this.data.byteLength + this.size.byteLength + this.inDegree.byteLength;
  }

  /** Makes room for peers 0..n-1 (new peers start with an empty view). */
  ensureSize(n: number): void {
    if (n <= this.capacity) return;
    const c = Math.max(n, Math.ceil(this.capacity * 1.5));
    const grow = (a: Int32Array, len: number) => { const b = new Int32Array(len); b.set(a); return b; };
    this.data = grow(this.data, c * this.stride);
    this.size = grow(this.size, c);
    this.inDegree = grow(this.inDegree, c);
    this.capacity = c;
  }

  /** Index (0..size-1) of q in p's view, or -1. */
  indexOf(p: number, q: number): number {
    const base = p * this.stride, data = this.data;
    for (let i = 0, n = this.size[p]; i < n; i++) if (data[base + i] === q) return i;
    return -1;
  }

  contains(p: number, q: number): boolean {
    return this.indexOf(p, q) >= 0;
  }

  id(p: number, i: number): number {
    return this.data[p * this.stride + i];
  }

  age(p: number, i: number): number {
    return this.data[p * this.stride + this.viewSize + i];
  }

  setAge(p: number, i: number, age: number): void {
    this.data[p * this.stride + this.viewSize + i] = age;
  }

  /** Adds one to the age of every entry of p's view. */
  ageAll(p: number): void {
    const a = p * this.stride + this.viewSize, data = this.data;
    for (let i = a, e = a + this.size[p]; i < e; i++) data[i]++;
  }

  /** Index of the entry with the highest age in p's view (the first such), or -1 when empty. */
  oldest(p: number): number {
    const a = p * this.stride + this.viewSize, data = this.data;
    let best = -1, bestAge = -1;
    for (let i = 0, n = this.size[p]; i < n; i++) if (data[a + i] > bestAge) { bestAge = data[a + i]; best = i; }
    return best;
  }

  /** Appends q (with `age`) to p's view; false when full, q is p, or q is already there. */
  add(p: number, q: number, age: number): boolean {
    const n = this.size[p];
    if (n >= this.viewSize || q === p || this.indexOf(p, q) >= 0) return false;
    const base = p * this.stride;
    this.data[base + n] = q;
    this.data[base + this.viewSize + n] = age;
    this.size[p] = n + 1;
    this.counted(q, +1);
    if (this.live) this.graph.addLink(p, q); else this.stale = true;
    return true;
  }

  /** Removes entry i of p's view (the last entry takes its place). */
  removeAt(p: number, i: number): void {
    const base = p * this.stride, c = this.viewSize, last = this.size[p] - 1, data = this.data;
    const q = data[base + i];
    data[base + i] = data[base + last];
    data[base + c + i] = data[base + c + last];
    this.size[p] = last;
    this.dropped(p, q);
  }

  /** Puts q (with `age`) in place of entry i of p's view. q must not be in the view already. */
  replaceAt(p: number, i: number, q: number, age: number): void {
    const slot = p * this.stride + i;
    const old = this.data[slot];
    this.data[slot] = q;
    this.data[slot + this.viewSize] = age;
    this.counted(q, +1);
    if (this.live) this.graph.addLink(p, q); else this.stale = true;
    this.dropped(p, old);
  }

  /**
   * Sets p's view from scratch without touching the graph (the first views, built from
   * the graph; `trimOverlay` then drops the links no view holds). p's view must be empty.
   */
  fill(p: number, ids: ArrayLike<number>, count: number): void {
    const base = p * this.stride;
    for (let i = 0; i < count; i++) {
      const q = ids[i];
      this.data[base + i] = q;
      this.data[base + this.viewSize + i] = 0;
      this.counted(q, +1);
    }
    this.size[p] = count;
  }

  /** Drops the links of the graph that no view holds (after `fill`). */
  trimOverlay(): void {
    if (!this.live) { this.stale = true; return; }
    const g = this.graph;
    const drop: number[] = [];
    for (let p = 0; p < g.size; p++) {
      for (let i = 0, d = g.degree(p); i < d; i++) {
        const q = g.neighbor(p, i);
        if (q > p && !this.contains(p, q) && !this.contains(q, p)) drop.push(p, q);
      }
    }
    for (let i = 0; i < drop.length; i += 2) g.removeLink(drop[i], drop[i + 1]);
  }

  /**
   * Brings the graph in line with the views (lazy mode; nothing to do in live mode):
   * rebuilds it in place, each peer's run holding its view then the peers whose views
   * hold it, duplicates removed. O(peers + entries). With shared rows, every thread of
   * the split run must call it at the same point (see rebuildShared).
   */
  syncOverlay(): void {
    if (!this.stale) return;
    this.stale = false;
    this.graph.beforeChange?.(-1);
    if (this.rows) { this.rebuildShared(this.rows); return; }
    const g = this.graph, n = g.size, data = this.data, stride = this.stride;
    const count = this.countRuns(new Int32Array(n), n);
    const views = Math.min(n, this.capacity);
    const offset = new Int32Array(n);
    let total = 0;
    for (let p = 0; p < n; p++) { offset[p] = total; total += count[p]; }
    const adj = new Int32Array(Math.max(16, total));
    const fillAt = offset.slice();
    for (let p = 0; p < views; p++) {
      const base = p * stride;
      for (let i = 0, k = this.size[p]; i < k; i++) {
        const q = data[base + i];
        adj[fillAt[p]++] = q;
        adj[fillAt[q]++] = p;
      }
    }
    const deg = new Int32Array(n);
    const seen = new Int32Array(n); // seen[q] === p + 1: q already in p's run
    let links = 0;
    for (let p = 0; p < n; p++) {
      deg[p] = dedupRun(adj, offset[p], count[p], seen, p);
      links += deg[p];
    }
    adopt(g, { offset, deg, cap: count, adj }, total, links);
  }

  /**
   * The rebuild of syncOverlay into one CSR that all threads share: every thread counts
   * every peer's run (so all compute the same offsets), then, once no thread reads the old
   * rows, fills and dedups its own peers' runs (the same entries in the same order as one
   * thread's rebuild: all views scanned in peer order), and waits for the others' before
   * anyone reads. Views must not change meanwhile (no peer event runs: a declared instant).
   */
  private rebuildShared(rows: SharedRows): void {
    const g = this.graph, n = g.size, data = this.data, size = this.size, stride = this.stride, owned = rows.owned;
    const views = Math.min(n, this.capacity);
    const at = this.countRuns((this.fillAt ??= new Int32Array(this.capacity)).fill(0, 0, n), n);
    const { offset, deg, cap, adj } = rows;
    // Nobody reads the old rows from here (beforeChange has noted what it keeps).
    rows.wait();
    let total = 0;
    for (let p = 0; p < n; p++) {
      const c = at[p];
      if (owned[p] === 1) { offset[p] = total; cap[p] = c; }
      at[p] = total;
      total += c;
    }
    for (let p = 0; p < views; p++) {
      const base = p * stride, k = size[p], mine = owned[p] === 1;
      for (let i = base; i < base + k; i++) {
        const q = data[i];
        if (mine) adj[at[p]++] = q;
        if (owned[q] === 1) adj[at[q]++] = p;
      }
    }
    const seen = (this.seen ??= new Int32Array(this.capacity)); // seen[q] === p + 1: q already in p's run
    seen.fill(0, 0, n);
    for (let p = 0; p < n; p++) if (owned[p] === 1) deg[p] = dedupRun(adj, offset[p], cap[p], seen, p);
    rows.wait();
    let links = 0;
    for (let p = 0; p < n; p++) links += deg[p];
    adopt(g, rows, total, links);
  }

  /** Adds to counts[p] the length of p's run before duplicates go (its view, the views holding it); returns counts. */
  private countRuns(counts: Int32Array, n: number): Int32Array {
    const data = this.data, size = this.size, stride = this.stride;
    for (let p = 0, views = Math.min(n, this.capacity); p < views; p++) {
      const base = p * stride, k = size[p];
      counts[p] += k;
      for (let i = base; i < base + k; i++) counts[data[i]]++;
    }
    return counts;
  }

  /** Empties p's view (a crash loses it). */
  clear(p: number): void {
    while (this.size[p] > 0) this.removeAt(p, this.size[p] - 1);
  }

  /** Call right after q went down: entries pointing at q become dead links. */
  peerDown(q: number): void {
    if (this.tally) this.deadEntries += this.inDegree[q];
  }

  /** Call right after q came back up: entries pointing at q are live again. */
  peerUp(q: number): void {
    if (this.tally) this.deadEntries -= this.inDegree[q];
  }

  /** Bookkeeping after q left p's view: counters, then the overlay link unless q still holds p. */
  private dropped(p: number, q: number): void {
    this.counted(q, -1);
    if (!this.live) this.stale = true;
    else if (this.indexOf(q, p) < 0) this.graph.removeLink(p, q);
  }

  private counted(q: number, delta: number): void {
    if (!this.tally) return;
    this.inDegree[q] += delta;
    this.entries += delta;
    if (this.peers.alive[q] !== 1) this.deadEntries += delta;
  }
}

/**
 * Keeps the first of each id in p's run adj[o, o + count), in order, at its start; returns
 * how many are kept. seen[q] === p + 1 marks q as already in the run (no other run's mark).
 */
function dedupRun(adj: Int32Array, o: number, count: number, seen: Int32Array, p: number): number {
  let w = o;
  for (let i = o, e = o + count; i < e; i++) {
    const q = adj[i];
    if (seen[q] === p + 1) continue;
    seen[q] = p + 1;
    adj[w++] = q;
  }
  return w - o;
}

/** Makes the rebuilt arrays g's: `used` slots handed out, `links` entries over all runs (each link twice). */
function adopt(g: Graph, a: { offset: Int32Array; deg: Int32Array; cap: Int32Array; adj: Int32Array }, used: number, links: number): void {
  g.offset = a.offset;
  g.deg = a.deg;
  g.cap = a.cap;
  g.adj = a.adj;
  g.used = used;
  g.edges = links / 2;
}
