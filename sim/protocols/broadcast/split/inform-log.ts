/**
 * The informings of one broadcast in one partition, in that partition's event order. The
 * main thread merges the partitions' logs by (time, tie), the order a one-thread run
 * follows, to rebuild the broadcast's timeline (16 bytes an informing: time, tie) and,
 * for small runs that keep a trace, who informed whom (peer, from: 8 bytes more) and the
 * informing's place within its event (a cycle-engine round informs many peers in one
 * event). The round of each informing is not kept: only the largest, and that of the latest.
 */
import type { InformLogData } from './share.js';

export class InformLog {
  length = 0;
  /** Largest round of an informing, and round of the latest one. */
  maxRound = 0;
  lastRound = 0;
  private time: Float64Array;
  private tie: Float64Array;
  private peer: Int32Array | null;
  private from: Int32Array | null;
  private order: Float64Array | null;

  /** `capacity`: room to start with (it grows as needed, up to `most` entries). */
  constructor(capacity: number, readonly withPeers: boolean, private readonly most = Infinity) {
    const c = Math.max(16, capacity);
    this.time = new Float64Array(c);
    this.tie = new Float64Array(c);
    this.peer = withPeers ? new Int32Array(c) : null;
    this.from = withPeers ? new Int32Array(c) : null;
    this.order = withPeers ? new Float64Array(c) : null;
  }

  /** `order`: the informing's place within its event (tie), where one event informs several peers. */
  push(time: number, tie: number, peer: number, from: number, round: number, order = 0): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.tie[i] = tie;
    if (this.peer !== null) {
      this.peer[i] = peer;
      this.from![i] = from;
      this.order![i] = order;
    }
    if (round > this.maxRound) this.maxRound = round;
    this.lastRound = round;
  }

  private grow(): void {
    const c = Math.max(this.time.length + 1, Math.min(this.time.length * 2, this.most));
    const f = (a: Float64Array) => { const b = new Float64Array(c); b.set(a); return b; };
    const i = (a: Int32Array) => { const b = new Int32Array(c); b.set(a); return b; };
    this.time = f(this.time);
    this.tie = f(this.tie);
    if (this.peer !== null) {
      this.peer = i(this.peer);
      this.from = i(this.from!);
      this.order = f(this.order!);
    }
  }

  /** The log's arrays (valid up to `length`), to be transferred: do not use the log after. */
  data(): InformLogData {
    return {
      length: this.length,
      maxRound: this.maxRound,
      lastRound: this.lastRound,
      time: this.time,
      tie: this.tie,
      peer: this.peer,
      from: this.from,
      order: this.order,
    };
  }
}
