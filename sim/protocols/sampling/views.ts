/**
 * The partial views of a peer-sampling protocol, for every peer, in flat typed arrays,
 * kept in step with the overlay graph (the views ARE the overlay while sampling is on).
 */
import type { Graph } from '../../overlay/graph.js';
import type { PeerTable } from '../../run/peers.js';

/**
 * Layout, with STRIDE = viewSize: peer p's entries are slots p·STRIDE .. p·STRIDE+size[p]-1
 * (unordered; removal moves the last entry into the hole) of
 *   ids[slot]   Int32  the peer the entry points at (never p itself, never twice in a view)
 *   ages[slot]  Int32  age of the entry in exchange periods (0 = just created by its subject)
 * and size[p] Int32 entries in use. 16 + 8·viewSize bytes a peer with the counters below.
 *
 * Overlay rule: the undirected link p–q is in `graph` exactly while q is in view(p) or p
 * is in view(q). Every change goes through add / removeAt / replaceAt / clear, which keep
 * that rule, so protocols that read the graph (gossip, search) see the views.
 *
 * Counters kept on every change: inDegree[q] (views that hold q), `entries` (all entries),
 * `deadEntries` (entries pointing at a peer that is down). Only live peers hold entries
 * (a crashed peer's own view is cleared), so these are the live views' figures.
 */
export class ViewTable {
  readonly stride: number;
  ids: Int32Array;
  ages: Int32Array;
  size: Int32Array;
  inDegree: Int32Array;
  /** Entries over all views. */
  entries = 0;
  /** Entries that point at a peer that is down (dead links not yet detected). */
  deadEntries = 0;
  private capacity: number;

  constructor(viewSize: number, capacity: number, private readonly graph: Graph, private readonly peers: PeerTable) {
    this.stride = viewSize;
    this.capacity = Math.max(1, capacity);
    this.ids = new Int32Array(this.capacity * viewSize);
    this.ages = new Int32Array(this.capacity * viewSize);
    this.size = new Int32Array(this.capacity);
    this.inDegree = new Int32Array(this.capacity);
  }

  /** Bytes held by the views. */
  get bytes(): number {
    return this.ids.byteLength + this.ages.byteLength + this.size.byteLength + this.inDegree.byteLength;
  }

  /** Makes room for peers 0..n-1 (new peers start with an empty view). */
  ensureSize(n: number): void {
    if (n <= this.capacity) return;
    const c = Math.max(n, Math.ceil(this.capacity * 1.5));
    const grow = (a: Int32Array, len: number) => { const b = new Int32Array(len); b.set(a); return b; };
    this.ids = grow(this.ids, c * this.stride);
    this.ages = grow(this.ages, c * this.stride);
    this.size = grow(this.size, c);
    this.inDegree = grow(this.inDegree, c);
    this.capacity = c;
  }

  /** Index (0..size-1) of q in p's view, or -1. */
  indexOf(p: number, q: number): number {
    const base = p * this.stride, ids = this.ids;
    for (let i = 0, n = this.size[p]; i < n; i++) if (ids[base + i] === q) return i;
    return -1;
  }

  contains(p: number, q: number): boolean {
    return this.indexOf(p, q) >= 0;
  }

  id(p: number, i: number): number {
    return this.ids[p * this.stride + i];
  }

  age(p: number, i: number): number {
    return this.ages[p * this.stride + i];
  }

  setAge(p: number, i: number, age: number): void {
    this.ages[p * this.stride + i] = age;
  }

  /** Adds one to the age of every entry of p's view. */
  ageAll(p: number): void {
    const base = p * this.stride, ages = this.ages;
    for (let i = base, e = base + this.size[p]; i < e; i++) ages[i]++;
  }

  /** Appends q (with `age`) to p's view; false when full, q is p, or q is already there. */
  add(p: number, q: number, age: number): boolean {
    const n = this.size[p];
    if (n >= this.stride || q === p || this.indexOf(p, q) >= 0) return false;
    const slot = p * this.stride + n;
    this.ids[slot] = q;
    this.ages[slot] = age;
    this.size[p] = n + 1;
    this.counted(q, +1);
    this.graph.addLink(p, q);
    return true;
  }

  /** Removes entry i of p's view (the last entry takes its place). */
  removeAt(p: number, i: number): void {
    const base = p * this.stride, last = base + this.size[p] - 1;
    const q = this.ids[base + i];
    this.ids[base + i] = this.ids[last];
    this.ages[base + i] = this.ages[last];
    this.size[p]--;
    this.dropped(p, q);
  }

  /** Puts q (with `age`) in place of entry i of p's view. q must not be in the view already. */
  replaceAt(p: number, i: number, q: number, age: number): void {
    const slot = p * this.stride + i;
    const old = this.ids[slot];
    this.ids[slot] = q;
    this.ages[slot] = age;
    this.counted(q, +1);
    this.graph.addLink(p, q);
    this.dropped(p, old);
  }

  /** Empties p's view (a crash loses it). */
  clear(p: number): void {
    while (this.size[p] > 0) this.removeAt(p, this.size[p] - 1);
  }

  /** Call right after q went down: entries pointing at q become dead links. */
  peerDown(q: number): void {
    this.deadEntries += this.inDegree[q];
  }

  /** Call right after q came back up: entries pointing at q are live again. */
  peerUp(q: number): void {
    this.deadEntries -= this.inDegree[q];
  }

  /** Bookkeeping after q left p's view: counters, then the overlay link unless q still holds p. */
  private dropped(p: number, q: number): void {
    this.counted(q, -1);
    if (this.indexOf(q, p) < 0) this.graph.removeLink(p, q);
  }

  private counted(q: number, delta: number): void {
    this.inDegree[q] += delta;
    this.entries += delta;
    if (this.peers.alive[q] !== 1) this.deadEntries += delta;
  }
}
