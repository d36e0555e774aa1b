/**
 * The overlay: an undirected simple graph over peer ids stored in typed arrays. Each peer
 * owns a run of slots in one shared pool (offset, degree, capacity); a full run moves to
 * the end of the pool with doubled capacity, so links can be added and dropped (churn,
 * repair) without an object per peer. ~(12 + 4·degree) bytes a peer when built tight.
 */

const plainInt32 = (length: number) => new Int32Array(length);

/**
 * What a protocol reads of the peers it is linked to (after PeerSim's Linkable): a peer's
 * degree, its i-th neighbour and whether it links to another. Protocols read the overlay
 * through it, never through the graph's arrays, so a family may bring its own links (a
 * DHT's routing table) and the storage may change without touching protocol code.
 */
export interface Linkable {
  /** Number of neighbours of `p`; 0 for a peer the links do not know (yet). */
  degree(p: number): number;
  /** The i-th neighbour of p (0 <= i < degree(p)). */
  neighbor(p: number, i: number): number;
  /** Whether p links to q (p < the peers the links know). */
  contains(p: number, q: number): boolean;
}

export class Graph implements Linkable {
  /** Number of peer ids (0..size-1) the graph has room for. */
  size: number;
  /** Start of each peer's run in `adj`. Re-read after mutations: arrays may be replaced. */
  offset: Int32Array;
  /** Current degree of each peer. */
  deg: Int32Array;
  /** Slots reserved for each peer's run. */
  cap: Int32Array;
  /** The pool of neighbour ids: peer p's neighbours are adj[offset[p] .. offset[p]+deg[p]). */
  adj: Int32Array;
  /** Slots of `adj` handed out so far. */
  used = 0;
  /** Number of undirected links. */
  edges = 0;
  /**
   * Told just before p's list changes (p = −1: every list, a rebuild): a split run's
   * expanding rings keep their origins' lists as of earlier instants (search/split.ts).
   */
  beforeChange: ((p: number) => void) | null = null;

  /** `alloc` makes the four arrays (e.g. over SharedArrayBuffers, for a parallel run). */
  constructor(size: number, poolCapacity = size * 4, alloc: (length: number) => Int32Array = plainInt32) {
    this.size = size;
    this.offset = alloc(size);
    this.deg = alloc(size);
    this.cap = alloc(size);
    this.adj = alloc(Math.max(16, poolCapacity));
  }

  /**
   * Builds a graph from per-peer degrees known in advance: each run gets exactly
   * `capacityOf(p)` slots, laid out contiguously (the tight CSR layout generators use).
   */
  static withCapacities(size: number, capacityOf: (p: number) => number): Graph {
    let total = 0;
    const caps = new Int32Array(size);
    for (let p = 0; p < size; p++) { caps[p] = capacityOf(p); total += caps[p]; }
    const g = new Graph(size, total);
    let o = 0;
    for (let p = 0; p < size; p++) { g.offset[p] = o; g.cap[p] = caps[p]; o += caps[p]; }
    g.used = o;
    return g;
  }

  /** withCapacities(size, () => k), without a call a peer: every run has exactly k slots. */
  static withUniformCapacity(size: number, k: number, alloc: (length: number) => Int32Array = plainInt32): Graph {
    const g = new Graph(size, size * k, alloc);
    const offset = g.offset;
    for (let p = 0, o = 0; p < size; p++, o += k) offset[p] = o;
    g.cap.fill(k);
    g.used = size * k;
    return g;
  }

  /** Bytes held by the graph's arrays. */
  get bytes(): number {
    return this.offset.byteLength + this.deg.byteLength + this.cap.byteLength + this.adj.byteLength;
  }

  /** Makes room for peer ids 0..n-1 (new peers start with no links). */
  ensureSize(n: number): void {
    if (n <= this.size) return;
    // Grow only past the arrays' length: growing on every call would compound by 1.5
    // per joining peer.
    if (n > this.offset.length) {
      const c = Math.max(n, Math.ceil(this.offset.length * 1.5));
      const grow = (a: Int32Array) => { const b = new Int32Array(c); b.set(a); return b; };
      this.offset = grow(this.offset);
      this.deg = grow(this.deg);
      this.cap = grow(this.cap);
    }
    this.size = n;
  }

  degree(p: number): number {
    return p < this.size ? this.deg[p] : 0;
  }

  /** The i-th neighbour of p (0 <= i < degree(p)). */
  neighbor(p: number, i: number): number {
    return this.adj[this.offset[p] + i];
  }

  contains(p: number, q: number): boolean {
    const o = this.offset[p], e = o + this.deg[p], adj = this.adj;
    for (let i = o; i < e; i++) if (adj[i] === q) return true;
    return false;
  }

  /** Neighbours of p as a fresh array (convenience; not for hot loops). */
  neighbors(p: number): number[] {
    const o = this.offset[p];
    return Array.from(this.adj.subarray(o, o + this.deg[p]));
  }

  /** Appends q to p's run without checks (one direction only). */
  private append(p: number, q: number): void {
    this.beforeChange?.(p);
    if (this.deg[p] === this.cap[p]) this.relocate(p, Math.max(4, this.cap[p] * 2));
    this.adj[this.offset[p] + this.deg[p]++] = q;
  }

  private relocate(p: number, newCap: number): void {
    if (this.used + newCap > this.adj.length) {
      // Compact when more than half the pool is garbage, else grow it.
      let live = 0;
      for (let i = 0; i < this.size; i++) live += this.cap[i];
      if (live + newCap <= this.adj.length / 2) this.compact();
      if (this.used + newCap > this.adj.length) {
        const b = new Int32Array(Math.max(this.adj.length * 2, this.used + newCap));
        b.set(this.adj.subarray(0, this.used));
        this.adj = b;
      }
    }
    const o = this.used;
    this.adj.copyWithin(o, this.offset[p], this.offset[p] + this.deg[p]);
    this.offset[p] = o;
    this.cap[p] = newCap;
    this.used += newCap;
  }

  /** Rewrites the pool so runs are contiguous again, dropping abandoned slots. */
  compact(): void {
    const b = new Int32Array(this.adj.length);
    let o = 0;
    for (let p = 0; p < this.size; p++) {
      b.set(this.adj.subarray(this.offset[p], this.offset[p] + this.deg[p]), o);
      this.offset[p] = o;
      o += this.cap[p];
    }
    this.adj = b;
    this.used = o;
  }

  /** Adds the undirected link p–q; false (and no change) for a self-loop or an existing link. */
  addLink(p: number, q: number): boolean {
    if (p === q || this.contains(p, q)) return false;
    this.append(p, q);
    this.append(q, p);
    this.edges++;
    return true;
  }

  /** Adds p–q without the duplicate check (generators that guarantee simplicity). */
  addLinkUnchecked(p: number, q: number): void {
    this.append(p, q);
    this.append(q, p);
    this.edges++;
  }

  private dropOne(p: number, q: number): boolean {
    const o = this.offset[p], adj = this.adj;
    const last = o + this.deg[p] - 1;
    for (let i = o; i <= last; i++) {
      if (adj[i] === q) {
        this.beforeChange?.(p);
        adj[i] = adj[last];
        this.deg[p]--;
        return true;
      }
    }
    return false;
  }

  /** Removes the link p–q; false if there was none. */
  removeLink(p: number, q: number): boolean {
    if (!this.dropOne(p, q)) return false;
    this.dropOne(q, p);
    this.edges--;
    return true;
  }

  // One-sided changes, for links made and dropped by messages (dynamics/walk.ts,
  // membership.ts): each end changes its own list at its own event, so for a latency a
  // link may be held by one end only. `edges` counts pairs held by at least one end.

  /** p lists q (no self-loop, no duplicate); false when nothing changed. */
  addHalf(p: number, q: number): boolean {
    if (p === q || this.contains(p, q)) return false;
    this.append(p, q);
    if (!this.contains(q, p)) this.edges++;
    return true;
  }

  /** p stops listing q; false when it did not. */
  removeHalf(p: number, q: number): boolean {
    if (!this.dropOne(p, q)) return false;
    if (!this.contains(q, p)) this.edges--;
    return true;
  }

  /** p drops its own list (a departing peer); the others keep theirs. Returns the former list. */
  clearOwn(p: number): number[] {
    const former = this.neighbors(p);
    this.clearRun(p);
    for (const q of former) if (!this.contains(q, p)) this.edges--;
    return former;
  }

  /**
   * p stops listing q, and `edges` is left as it is: a split run's thread changes only its
   * own peers' lists of a shared overlay, then recounts (recountHalves).
   */
  dropOwn(p: number, q: number): boolean {
    return this.dropOne(p, q);
  }

  /**
   * Sets `edges` to the number of entries over all lists (each link held at both ends counts
   * twice): nonzero exactly when some peer lists another, all a split run's threads can agree on.
   */
  recountHalves(): void {
    let halves = 0;
    for (let p = 0; p < this.size; p++) halves += this.deg[p];
    this.edges = halves;
  }

  /** Removes every link of p (a crash); returns the former neighbours. */
  isolate(p: number): number[] {
    const former = this.neighbors(p);
    for (const q of former) this.dropOne(q, p);
    this.edges -= former.length;
    this.clearRun(p);
    return former;
  }

  /** p's list becomes empty, nothing else counted (a crash in a split run's shared overlay). */
  clearRun(p: number): void {
    if (this.deg[p] > 0) this.beforeChange?.(p);
    this.deg[p] = 0;
  }
}
