/**
 * The informings of one broadcast in one partition, in that partition's event order:
 * (time, tie, peer, from, round) in growable typed arrays, 28 bytes an informing. The main
 * thread merges the partitions' logs by (time, tie), the order a one-thread run follows.
 */
import type { InformLogData } from './protocol.js';

export class InformLog {
  length = 0;
  private time = new Float64Array(256);
  private tie = new Float64Array(256);
  private peer = new Int32Array(256);
  private from = new Int32Array(256);
  private round = new Int32Array(256);

  push(time: number, tie: number, peer: number, from: number, round: number): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.tie[i] = tie;
    this.peer[i] = peer;
    this.from[i] = from;
    this.round[i] = round;
  }

  private grow(): void {
    const c = this.time.length * 2;
    const f = (a: Float64Array) => { const b = new Float64Array(c); b.set(a); return b; };
    const i = (a: Int32Array) => { const b = new Int32Array(c); b.set(a); return b; };
    this.time = f(this.time);
    this.tie = f(this.tie);
    this.peer = i(this.peer);
    this.from = i(this.from);
    this.round = i(this.round);
  }

  /** The log, trimmed (its buffers can be transferred). */
  data(): InformLogData {
    const n = this.length;
    return {
      length: n,
      time: this.time.slice(0, n),
      tie: this.tie.slice(0, n),
      peer: this.peer.slice(0, n),
      from: this.from.slice(0, n),
      round: this.round.slice(0, n),
    };
  }
}
