/**
 * Trace-driven churn (`churn.trace`): replays an availability trace exactly. Run time
 * t = (trace time − traceOffset) × traceScale; with traceLoop the window from traceOffset to
 * the trace's last end repeats. No randomness: the trace decides every join and leave.
 */
import { CONTROLLER } from '../../../engine/simulator.js';
import type { Component, SimContext } from '../../../run/context.js';
import type { Results } from '../../../run/results.js';
import type { ChurnSpec } from '../schema.js';
import { churnResults } from '../component.js';
import { dynamicsOf } from '../../shared.js';
import { traceOf } from './store.js';
import { summarizeTrace } from './summary.js';
import type { Trace } from './trace.js';

/**
 * Simulated peer i < trace peers replays trace peer ids[i] (trace.ts: numbered by first
 * session). At time 0 the peers whose session covers traceOffset are online and the other
 * trace peers go down at once, as though they had left before the run (not counted as
 * leaves); peers beyond the trace stay online all run and never churn. Then one controller
 * event per distinct boundary time applies, in this order, every leave (session end) and
 * every join (session start) due then: sessions that touch (one ends when the next begins)
 * are a leave and a rejoin at the same instant, and the number online after each instant
 * equals the trace's. A join brings a peer back even if a scheduled failure crashed it.
 */
export class TraceChurnComponent implements Component {
  /**
   * Its steps are controller events: in a split run every thread runs them alike, each
   * taking down and bringing back its own peers (membership.ts; churn/split.ts).
   */
  readonly parallel = 'safe';
  joins = 0;
  leaves = 0;
  /** Always 0: the trace defines the population. */
  readonly arrivals = 0;
  sessions = 0;
  sessionTotal = 0;
  downtimes = 0;
  downtimeTotal = 0;
  private trace!: Trace;
  private offset = 0;
  private scale = 1;
  /** Run-time length of one loop iteration (0 without traceLoop). */
  private period = 0;
  /** The next session (trace order) to join, and its loop iteration. */
  private next = 0;
  private iteration = 0;
  /** Pending leaves of the peers online, soonest first (ties: lower peer first). */
  private readonly leaving = new LeaveHeap();
  private since = new Float64Array(0);

  constructor(private readonly spec: ChurnSpec) {}

  start(ctx: SimContext): void {
    const { sim, peers } = ctx;
    const membership = dynamicsOf(ctx).membership;
    this.trace = traceOf(this.spec.trace as string);
    this.offset = this.spec.traceOffset;
    this.scale = this.spec.traceScale;
    const { end, lastEnd: last } = this.trace;
    if (this.spec.traceLoop && last > this.offset) this.period = (last - this.offset) * this.scale;
    const tracePeers = this.trace.ids.length;
    this.since = new Float64Array(tracePeers);
    // Online at time 0: the sessions that cover traceOffset (their run time is 0).
    const online = new Uint8Array(tracePeers);
    this.skipEmpty();
    while (this.next < end.length && this.iteration === 0 && this.joinTime() === 0) {
      const i = this.next;
      online[this.trace.peer[i]] = 1;
      this.leaving.push(this.leaveTime(i), this.trace.peer[i]);
      this.advance();
    }
    const away: number[] = [];
    for (let p = 0; p < tracePeers; p++) if (!online[p]) away.push(p);
    membership.crash(away);
    const step = sim.registerKind('trace/step', () => {
      const now = sim.now;
      const leaving: number[] = [];
      while (this.leaving.size > 0 && this.leaving.topTime() <= now) {
        const p = this.leaving.pop();
        if (peers.alive[p] === 1) {
          leaving.push(p);
          this.sessions++;
          this.sessionTotal += now - this.since[p];
          this.since[p] = now;
        }
      }
      if (leaving.length > 0) {
        membership.crash(leaving);
        this.leaves += leaving.length;
      }
      while (this.next < end.length && this.joinTime() <= now) {
        const i = this.next, p = this.trace.peer[i];
        if (peers.alive[p] !== 1) {
          this.downtimes++;
          this.downtimeTotal += now - this.since[p];
          this.since[p] = now;
          membership.rejoin(p);
          this.joins++;
        }
        this.leaving.push(this.leaveTime(i), p);
        this.advance();
      }
      this.scheduleNext(ctx, step);
    });
    this.scheduleNext(ctx, step);
  }

  /** Run time of the next session's join: its start, clipped at traceOffset, in this iteration. */
  private joinTime(): number {
    const start = this.trace.start[this.next];
    return (Math.max(start, this.offset) - this.offset) * this.scale + (this.iteration > 0 ? this.iteration * this.period : 0);
  }

  private leaveTime(i: number): number {
    return (this.trace.end[i] - this.offset) * this.scale + (this.iteration > 0 ? this.iteration * this.period : 0);
  }

  /** Moves to the next session that ends after traceOffset, wrapping round with traceLoop. */
  private advance(): void {
    this.next++;
    this.skipEmpty();
  }

  private skipEmpty(): void {
    const { end } = this.trace;
    for (;;) {
      while (this.next < end.length && end[this.next] <= this.offset) this.next++;
      if (this.next < end.length || this.period === 0) return;
      this.next = 0;
      this.iteration++;
    }
  }

  private scheduleNext(ctx: SimContext, step: number): void {
    const next = Math.min(
      this.next < this.trace.end.length ? this.joinTime() : Infinity,
      this.leaving.size > 0 ? this.leaving.topTime() : Infinity);
    // Scheduled even past the end of the run, so the run lasts its duration while the trace has more.
    if (next < Infinity) ctx.sim.at(next, step, 0, CONTROLLER);
  }

  contribute(results: Results, ctx: SimContext): void {
    results.churn = {
      ...churnResults(this, ctx),
      trace: {
        peers: this.trace.ids.length,
        stablePeers: Math.max(0, ctx.scenario.peers.count - this.trace.ids.length),
        scale: this.spec.traceScale,
        offset: this.spec.traceOffset,
        loop: this.spec.traceLoop,
        summary: summarizeTrace(this.trace),
      },
    };
  }
}

/** A binary min-heap of (time, peer), ties broken by the lower peer; at most one entry a peer online. */
class LeaveHeap {
  size = 0;
  private time = new Float64Array(64);
  private peer = new Uint32Array(64);

  topTime(): number {
    return this.time[0];
  }

  push(t: number, p: number): void {
    if (this.size === this.time.length) {
      const time = new Float64Array(this.size * 2), peer = new Uint32Array(this.size * 2);
      time.set(this.time); peer.set(this.peer);
      this.time = time; this.peer = peer;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(t, p, parent)) break;
      this.time[i] = this.time[parent]; this.peer[i] = this.peer[parent];
      i = parent;
    }
    this.time[i] = t; this.peer[i] = p;
  }

  /** Removes the first entry and returns its peer. */
  pop(): number {
    const top = this.peer[0];
    const n = --this.size;
    const t = this.time[n], p = this.peer[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.before(this.time[child + 1], this.peer[child + 1], child)) child++;
      if (!this.before(this.time[child], this.peer[child], -1, t, p)) break;
      this.time[i] = this.time[child]; this.peer[i] = this.peer[child];
      i = child;
    }
    this.time[i] = t; this.peer[i] = p;
    return top;
  }

  /** Whether (t, p) comes before entry j (or before (t2, p2) when j is -1). */
  private before(t: number, p: number, j: number, t2 = this.time[j], p2 = this.peer[j]): boolean {
    return t < t2 || (t === t2 && p < p2);
  }
}
