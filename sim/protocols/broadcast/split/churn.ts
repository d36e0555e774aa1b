/**
 * Churn in a split broadcast run: peers leave and come back at their own events, each run
 * by its owner's thread. A partition keeps, per broadcast, its own peers down holding the
 * rumour (summed at the barriers into the live count that a tick and the series read) and a
 * log of its holders going down (−1) and coming back (+1) by (time, tie), which the merge
 * (merge.ts) replays with the informings to rebuild the timeline and the count at the end.
 * When the barriers show that a broadcast has ended (no tick left, nothing in flight
 * anywhere), it did so at its latest event over the partitions; each partition then freezes
 * its share there, as a one-thread run freezes the result: its peers alive then (from the
 * window's log of its peers' comings and goings), and without the informings that
 * anti-entropy made after it, which a one-thread run does not record.
 */
import type { SimContext } from '../../../run/context.js';
import type { PartitionSimulator } from '../../../parallel/partition-simulator.js';
import { Phase, type BroadcastState } from '../state.js';
import type { InformLog } from './inform-log.js';
import { earlier, LatestEvents } from './latest.js';
import type { HolderLogData } from './share.js';

/** This partition's peers: its initial ones [lo, hi), and (owns) its arrivals too. */
interface OwnPeers {
  readonly lo: number;
  readonly hi: number;
  owns(p: number): boolean;
}

/** One broadcast's holders of a partition going down (−1) and coming back (+1), in event order. */
class HolderLog {
  length = 0;
  private time = new Float64Array(16);
  private tie = new Float64Array(16);
  private delta = new Int8Array(16);

  push(time: number, tie: number, delta: number): void {
    if (this.length === this.time.length) {
      const grow = <T extends Float64Array | Int8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(2 * a.length);
        b.set(a);
        return b;
      };
      this.time = grow(this.time);
      this.tie = grow(this.tie);
      this.delta = grow(this.delta);
    }
    const i = this.length++;
    this.time[i] = time;
    this.tie[i] = tie;
    this.delta[i] = delta;
  }

  truncateAfter(time: number, tie: number): void {
    while (this.length > 0 && earlier(time, tie, this.time[this.length - 1], this.tie[this.length - 1])) this.length--;
  }

  data(): HolderLogData {
    return { length: this.length, time: this.time, tie: this.tie, order: null, delta: this.delta };
  }
}

export class PartitionChurn {
  /** Per broadcast: this partition's peers down holding it (downs less comebacks). */
  readonly downHere: Float64Array;
  readonly latest: LatestEvents;
  /** Per broadcast: 1 once the barriers showed it ended (its share is frozen). */
  readonly ended: Uint8Array;
  /** Per broadcast, where it ended: this partition's peers alive then, its copies by anti-entropy then. */
  readonly aliveAtEnd: Float64Array;
  readonly syncedAtEnd: Float64Array;
  /** This partition's peers alive now. */
  aliveHere = 0;
  private readonly holders: HolderLog[];
  /** This partition's peers going down (−1) and up (+1) in the window in progress. */
  private readonly windowTime: number[] = [];
  private readonly windowTie: number[] = [];
  private readonly windowDelta: number[] = [];

  constructor(ctx: SimContext, private readonly sim: PartitionSimulator, private readonly states: readonly BroadcastState[], own: OwnPeers) {
    const broadcasts = states.length;
    this.downHere = new Float64Array(broadcasts);
    this.ended = new Uint8Array(broadcasts);
    this.aliveAtEnd = new Float64Array(broadcasts);
    this.syncedAtEnd = new Float64Array(broadcasts);
    this.holders = states.map(() => new HolderLog());
    this.latest = new LatestEvents(sim, broadcasts);
    const alive = ctx.peers.alive;
    // The initial peers are this partition's range; an arrival, its owner's peerUp.
    for (let p = own.lo; p < own.hi; p++) if (alive[p] === 1) this.aliveHere++;
    ctx.peerDown.push((p) => { if (own.owns(p)) this.change(p, -1); });
    ctx.peerUp.push((p) => { if (own.owns(p)) this.change(p, 1); });
  }

  /** One of this partition's peers went down (−1) or came back (+1), at its own event. */
  private change(p: number, delta: number): void {
    const now = this.sim.now, tie = this.sim.currentTie;
    this.aliveHere += delta;
    this.windowTime.push(now);
    this.windowTie.push(tie);
    this.windowDelta.push(delta);
    for (let b = 0; b < this.states.length; b++) {
      const st = this.states[b];
      if (st.phase === Phase.Waiting || !st.has(p)) continue;
      this.downHere[b] -= delta;
      if (this.ended[b] === 0) this.holders[b].push(now, tie, delta);
    }
  }

  /**
   * After a barrier (every partition alike): broadcast b ended at (time, tie), in the window
   * just run. Freezes this partition's share there: the informings after it (copies by
   * anti-entropy, which a one-thread run gives an ended broadcast without recording them)
   * are dropped from `log`, and the broadcast is marked ended, so that later copies are
   * not recorded either.
   */
  end(b: number, time: number, tie: number, log: InformLog): void {
    const st = this.states[b];
    this.ended[b] = 1;
    this.syncedAtEnd[b] = st.synced - log.truncateAfter(time, tie);
    this.holders[b].truncateAfter(time, tie);
    let alive = this.aliveHere;
    for (let i = this.windowTime.length - 1; i >= 0 && earlier(time, tie, this.windowTime[i], this.windowTie[i]); i--) alive -= this.windowDelta[i];
    this.aliveAtEnd[b] = alive;
    st.phase = Phase.Ended;
  }

  /** After a barrier's ends: the next window's comings and goings start afresh. */
  endWindow(): void {
    this.windowTime.length = 0;
    this.windowTie.length = 0;
    this.windowDelta.length = 0;
  }

  holderLog(b: number): HolderLogData {
    return this.holders[b].data();
  }
}
