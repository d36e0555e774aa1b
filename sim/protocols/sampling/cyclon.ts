/**
 * Cyclon peer sampling (Voulgaris, Gavidia, van Steen, "CYCLON: Inexpensive Membership
 * Management for Unstructured P2P Overlays", J. Network Syst. Manage. 2005): enhanced shuffling.
 */
import type { SimContext } from '../../run/context.js';
import type { SamplingSpec } from './schema.js';
import { GossipSampler, type SamplerPartition } from './sampler.js';

/**
 * Each period, peer P:
 *  1. adds one to the age of every entry of its view;
 *  2. picks Q, the entry with the highest age (the first such one in view order), and
 *     shuffleLength−1 other entries uniformly at random;
 *  3. removes Q from its view and sends Q those entries plus a fresh entry for itself (age 0).
 * Q answers with up to shuffleLength entries of its own view chosen uniformly, then merges
 * what it got; P merges the answer. Merging skips entries for the merging peer itself and
 * peers already in its view, fills empty slots first, then replaces entries it just sent.
 * A dead Q never answers: having removed Q in step 3, P has dropped that dead link.
 *
 * Per-peer state besides the views: what P sent in its last shuffle (to know which entries
 * the answer may replace), `sent` with stride shuffleLength and `partner` (-1: none).
 */
export class Cyclon extends GossipSampler {
  /** Int32s a peer of SamplerPartition.ints besides the sampler's: sent, sentCount, partner. */
  static sharedInts(spec: SamplingSpec): number {
    return shuffleLengthOf(spec) + 2;
  }

  private readonly shuffleLength: number;
  private sent: Int32Array;
  private sentCount: Int32Array;
  private partner: Int32Array;
  private readonly scratch: Int32Array;
  private readonly replaceable: Int32Array;
  private readonly answered: Int32Array;

  constructor(ctx: SimContext, spec: SamplingSpec, overlayReadDuringRun = true, partition: SamplerPartition | null = null) {
    const l = shuffleLengthOf(spec);
    super(ctx, spec, l, overlayReadDuringRun, partition);
    this.shuffleLength = l;
    const cap = ctx.peers.alive.length;
    // A split run's are shared: only a peer's owner handles its shuffle and the answer.
    this.sent = partition ? partition.ints(l, 0) : new Int32Array(cap * l);
    this.sentCount = partition ? partition.ints(1, 0) : new Int32Array(cap);
    this.partner = partition ? partition.ints(1, -1) : new Int32Array(cap).fill(-1);
    this.scratch = new Int32Array(spec.viewSize);
    this.replaceable = new Int32Array(spec.viewSize);
    this.answered = new Int32Array(l);
  }

  protected override grow(c: number): void {
    const s = new Int32Array(c * this.shuffleLength); s.set(this.sent); this.sent = s;
    const n = new Int32Array(c); n.set(this.sentCount); this.sentCount = n;
    const q = new Int32Array(c).fill(-1); q.set(this.partner); this.partner = q;
  }

  protected override forget(p: number): void {
    this.partner[p] = -1;
    this.sentCount[p] = 0;
  }

  protected activeStep(p: number): void {
    const views = this.views;
    views.ageAll(p);
    const oldest = views.oldest(p);
    const q = views.id(p, oldest);
    const slot = this.msgs.compose();
    this.msgs.push(slot, p, 0);
    const k = this.pushRandomEntries(p, slot, this.shuffleLength - 1, q, this.scratch);
    const l = this.shuffleLength;
    for (let i = 0; i < k; i++) this.sent[p * l + i] = this.msgs.id(slot, i + 1);
    this.sentCount[p] = k;
    this.partner[p] = q;
    views.removeAt(p, oldest);
    this.exchanges++;
    this.sendEntries(p, q, this.request, slot);
  }

  protected onRequest(q: number, p: number, slot: number): void {
    const answer = this.msgs.compose();
    const k = this.pushRandomEntries(q, answer, this.shuffleLength, -1, this.scratch);
    for (let i = 0; i < k; i++) this.answered[i] = this.msgs.id(answer, i);
    this.merge(q, slot, this.answered, 0, k);
    this.sendEntries(q, p, this.reply, answer);
  }

  protected onReply(p: number, q: number, slot: number): void {
    const k = this.partner[p] === q ? this.sentCount[p] : 0;
    this.merge(p, slot, this.sent, p * this.shuffleLength, k);
    this.partner[p] = -1;
    this.sentCount[p] = 0;
  }

  /**
   * Merges the entries of payload `slot` into p's view: skip p itself and peers already
   * there, fill empty slots, then overwrite entries whose ids are sent[from .. from+k).
   */
  private merge(p: number, slot: number, sent: Int32Array, from: number, k: number): void {
    const views = this.views, msgs = this.msgs;
    let r = 0;
    for (let i = 0, n = views.size[p]; i < n; i++) {
      const id = views.id(p, i);
      for (let j = from; j < from + k; j++) if (sent[j] === id) { this.replaceable[r++] = i; break; }
    }
    let next = 0;
    for (let i = 0, m = msgs.count(slot); i < m; i++) {
      const id = msgs.id(slot, i);
      if (id === p || views.indexOf(p, id) >= 0) continue;
      if (views.size[p] < views.viewSize) views.add(p, id, msgs.age(slot, i));
      else if (next < r) views.replaceAt(p, this.replaceable[next++], id, msgs.age(slot, i));
    }
  }
}

/** Entries a shuffle sends: shuffleLength, at most the view and the sender's own entry. */
function shuffleLengthOf(spec: SamplingSpec): number {
  return Math.min(spec.shuffleLength, spec.viewSize + 1);
}
