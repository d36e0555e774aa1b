/**
 * The informings of one broadcast in one partition, in that partition's event order. The
 * main thread merges the partitions' logs by (time, tie), the order a one-thread run
 * follows, to rebuild the broadcast's timeline. That needs only the times (8 bytes an
 * informing): the k-th informing's time does not depend on how equal times are ordered.
 * The tie-breaks (8 bytes more) are kept where the order of equal times matters: with
 * failures or churn (a peer going down and an informing at one instant) and for small
 * runs that keep a trace, which also keep who informed whom (peer, from) and the
 * informing's place within its event (a cycle-engine round informs many peers in one
 * event). The round of each informing is kept only with churn, where anti-entropy may
 * inform peers after the broadcast ended and the log is cut back (truncateAfter); else
 * only the largest, and that of the latest (with its tie-break).
 */
import type { InformLogData } from './share.js';

export class InformLog {
  length = 0;
  /** Largest round of an informing, and round of the latest one. */
  maxRound = 0;
  lastRound = 0;
  /** Time and tie-break of the latest informing. */
  lastTime = 0;
  lastTie = 0;
  private time: Float64Array;
  private tie: Float64Array | null;
  private peer: Int32Array | null;
  private from: Int32Array | null;
  private order: Float64Array | null;
  /** Per informing, its round: only where the log may be cut back (truncateAfter). */
  private round: Int32Array | null;

  /**
   * `capacity`: room to start with (it grows as needed, up to `most` entries); `withTies`:
   * keep every informing's tie-break (always with peers); `withTimes` false: count the
   * informings only (their times go to a TimelineStream); `withRounds`: keep every
   * informing's round too, so that the log can be cut back (truncateAfter).
   */
  constructor(
    capacity: number, readonly withPeers: boolean, private readonly most = Infinity, withTies = true,
    private readonly withTimes = true, withRounds = false,
  ) {
    const c = withTimes ? Math.max(16, capacity) : 0;
    this.time = new Float64Array(c);
    this.tie = withTies || withPeers ? new Float64Array(c) : null;
    this.peer = withPeers ? new Int32Array(c) : null;
    this.from = withPeers ? new Int32Array(c) : null;
    this.order = withPeers ? new Float64Array(c) : null;
    this.round = withRounds ? new Int32Array(c) : null;
  }

  /** `order`: the informing's place within its event (tie), where one event informs several peers. */
  push(time: number, tie: number, peer: number, from: number, round: number, order = 0): void {
    if (round > this.maxRound) this.maxRound = round;
    this.lastRound = round;
    this.lastTime = time;
    this.lastTie = tie;
    if (!this.withTimes) {
      this.length++;
      return;
    }
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    if (this.tie !== null) this.tie[i] = tie;
    if (this.peer !== null) {
      this.peer[i] = peer;
      this.from![i] = from;
      this.order![i] = order;
    }
    if (this.round !== null) this.round[i] = round;
  }

  /**
   * Drops the informings after (time, tie), the latest ones (the log is in event order), and
   * restores the figures of the latest one kept; returns how many it dropped. Needs ties and
   * rounds (the constructor's `withTies`, `withRounds`).
   */
  truncateAfter(time: number, tie: number): number {
    const times = this.time, ties = this.tie!, rounds = this.round!;
    let k = this.length;
    while (k > 0 && (times[k - 1] > time || (times[k - 1] === time && ties[k - 1] > tie))) k--;
    const dropped = this.length - k;
    if (dropped === 0) return 0;
    this.length = k;
    this.maxRound = 0;
    for (let i = 0; i < k; i++) if (rounds[i] > this.maxRound) this.maxRound = rounds[i];
    this.lastRound = k > 0 ? rounds[k - 1] : 0;
    this.lastTime = k > 0 ? times[k - 1] : 0;
    this.lastTie = k > 0 ? ties[k - 1] : 0;
    return dropped;
  }

  private grow(): void {
    const c = Math.max(this.time.length + 1, Math.min(this.time.length * 2, this.most));
    const f = (a: Float64Array) => { const b = new Float64Array(c); b.set(a); return b; };
    const i = (a: Int32Array) => { const b = new Int32Array(c); b.set(a); return b; };
    this.time = f(this.time);
    if (this.tie !== null) this.tie = f(this.tie);
    if (this.peer !== null) {
      this.peer = i(this.peer);
      this.from = i(this.from!);
      this.order = f(this.order!);
    }
    if (this.round !== null) this.round = i(this.round);
  }

  /** The log's arrays (valid up to `length`), to be transferred: do not use the log after. */
  data(): InformLogData {
    return {
      length: this.length,
      maxRound: this.maxRound,
      lastRound: this.lastRound,
      lastTime: this.lastTime,
      lastTie: this.lastTie,
      time: this.time,
      tie: this.tie,
      peer: this.peer,
      from: this.from,
      order: this.order,
    };
  }
}
