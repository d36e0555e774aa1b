/**
 * Newscast peer sampling (Jelasity, Kowalczyk, van Steen, "Newscast computing", 2003;
 * the (rand, healer, push-pull) protocol of Jelasity et al., "Gossip-based peer sampling",
 * ACM TOCS 2007): exchange whole views with a random neighbour, keep the freshest.
 */
import type { SimContext } from '../../run/context.js';
import type { SamplingSpec } from './schema.js';
import { GossipSampler, type SamplerPartition } from './sampler.js';

/**
 * Each period, peer P adds one to the age of every entry (ages count periods, so they
 * play the role of Newscast's timestamps), picks a uniformly random entry Q, and sends Q
 * its view plus a fresh entry for itself. Q answers with its own view (as it was before
 * merging) plus a fresh entry for itself, then merges; P merges the answer. Merge: the
 * union of the view and the received entries, without the merging peer, each id once at
 * its lowest age; keep the viewSize youngest, ties broken at random. A dead peer never
 * refreshes its entry, so its entries grow old and are pushed out (the "healer").
 */
export class Newscast extends GossipSampler {
  private readonly candId: Int32Array;
  private readonly candKey: Float64Array;
  private readonly order: Int32Array;
  /** stamp[q] === current merge number when q is a candidate; where[q] is its index. */
  private stamp: Int32Array;
  private where: Int32Array;
  private merges = 0;

  constructor(ctx: SimContext, spec: SamplingSpec, overlayReadDuringRun = true, partition: SamplerPartition | null = null) {
    super(ctx, spec, spec.viewSize + 1, overlayReadDuringRun, partition);
    const m = 2 * spec.viewSize + 2;
    this.candId = new Int32Array(m);
    this.candKey = new Float64Array(m);
    this.order = new Int32Array(m);
    const cap = ctx.peers.alive.length;
    this.stamp = new Int32Array(cap);
    this.where = new Int32Array(cap);
  }

  protected override grow(c: number): void {
    const s = new Int32Array(c); s.set(this.stamp); this.stamp = s;
    const w = new Int32Array(c); w.set(this.where); this.where = w;
  }

  protected activeStep(p: number): void {
    const views = this.views;
    views.ageAll(p);
    const q = views.id(p, this.rng.int(p, views.size[p]));
    this.exchanges++;
    this.sendEntries(p, q, this.request, this.snapshot(p));
  }

  protected onRequest(q: number, p: number, slot: number): void {
    const answer = this.snapshot(q);
    this.merge(q, slot);
    this.sendEntries(q, p, this.reply, answer);
  }

  protected onReply(p: number, _q: number, slot: number): void {
    this.merge(p, slot);
  }

  /** A payload with a fresh entry for p followed by p's whole view. */
  private snapshot(p: number): number {
    const views = this.views;
    const slot = this.msgs.compose();
    this.msgs.push(slot, p, 0);
    for (let i = 0, n = views.size[p]; i < n; i++) this.msgs.push(slot, views.id(p, i), views.age(p, i));
    return slot;
  }

  private merge(p: number, slot: number): void {
    const views = this.views, msgs = this.msgs;
    const mark = ++this.merges;
    let m = 0;
    const consider = (id: number, age: number) => {
      if (id === p) return;
      if (this.stamp[id] === mark) {
        const j = this.where[id];
        if (age < Math.floor(this.candKey[j])) this.candKey[j] = age + (this.candKey[j] % 1);
        return;
      }
      this.stamp[id] = mark;
      this.where[id] = m;
      this.candId[m] = id;
      // The fractional part is a random tie-break among entries of equal age.
      this.candKey[m] = age + this.rng.next(p) * 0.5;
      m++;
    };
    for (let i = 0, n = views.size[p]; i < n; i++) consider(views.id(p, i), views.age(p, i));
    for (let i = 0, k = msgs.count(slot); i < k; i++) consider(msgs.id(slot, i), msgs.age(slot, i));
    // Insertion sort of the (at most 2·viewSize+1) candidates by key.
    const order = this.order, key = this.candKey;
    for (let i = 0; i < m; i++) {
      let j = i;
      while (j > 0 && key[order[j - 1]] > key[i]) { order[j] = order[j - 1]; j--; }
      order[j] = i;
    }
    const keep = Math.min(m, views.viewSize);
    // Mark the kept candidates with -mark, then drop the others from the view (backwards,
    // since removal moves the last entry into the hole) and refresh the ages of the kept.
    for (let i = 0; i < keep; i++) this.stamp[this.candId[order[i]]] = -mark;
    for (let i = views.size[p] - 1; i >= 0; i--) {
      const id = views.id(p, i);
      if (this.stamp[id] !== -mark) views.removeAt(p, i);
      else views.setAge(p, i, Math.floor(key[this.where[id]]));
    }
    for (let i = 0; i < keep; i++) {
      const c = order[i];
      const id = this.candId[c];
      if (views.indexOf(p, id) < 0) views.add(p, id, Math.floor(key[c]));
    }
  }
}
