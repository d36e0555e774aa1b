/**
 * Trace-driven churn (`churn.trace`): replays an availability trace exactly. Run time
 * t = (trace time − traceOffset) × traceScale; with traceLoop the window from traceOffset to
 * the trace's last end repeats. No randomness: the trace decides every join and leave.
 */
import { CONTROLLER } from '../../engine/simulator.js';
import type { Component, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import type { ChurnSpec } from '../../scenario/schema.js';
import { dynamicsOf } from '../shared.js';
import { loadTrace } from './load.js';
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
  readonly parallel = 'unsafe';
  joins = 0;
  leaves = 0;
  private sessions = 0;
  private sessionTotal = 0;
  private downtimes = 0;
  private downtimeTotal = 0;
  private trace!: Trace;
  /** Window sessions in run time (iteration 0): join times in trace order, leave times, and the leave order. */
  private joinAt = new Float64Array(0);
  private leaveAt = new Float64Array(0);
  private leaveOrder = new Uint32Array(0);
  private sessionPeer = new Uint32Array(0);
  /** Run-time length of one loop iteration (Infinity without traceLoop). */
  private period = Infinity;
  private since = new Float64Array(0);
  private nextJoin = 0;
  private joinIteration = 0;
  private nextLeave = 0;
  private leaveIteration = 0;

  constructor(private readonly spec: ChurnSpec) {}

  start(ctx: SimContext): void {
    const { sim, peers } = ctx;
    const membership = dynamicsOf(ctx).membership;
    this.trace = loadTrace(this.spec.trace as string);
    this.prepare();
    const tracePeers = this.trace.ids.length;
    this.since = new Float64Array(tracePeers);
    // Online at time 0: sessions whose window start is 0 (they cover traceOffset).
    const online = new Uint8Array(tracePeers);
    while (this.nextJoin < this.joinAt.length && this.joinAt[this.nextJoin] === 0) online[this.sessionPeer[this.nextJoin++]] = 1;
    const away: number[] = [];
    for (let p = 0; p < tracePeers; p++) if (!online[p]) away.push(p);
    membership.crash(away);
    if (this.nextJoin === this.joinAt.length && this.period !== Infinity) { this.nextJoin = 0; this.joinIteration = 1; }
    const step = sim.registerKind('trace/step', () => {
      const now = sim.now;
      const leaving: number[] = [];
      while (this.nextLeave < this.leaveAt.length && this.leaveTime() <= now) {
        const p = this.sessionPeer[this.leaveOrder[this.nextLeave]];
        if (peers.alive[p] === 1) {
          leaving.push(p);
          this.sessions++;
          this.sessionTotal += now - this.since[p];
          this.since[p] = now;
        }
        if (++this.nextLeave === this.leaveAt.length && this.period !== Infinity) { this.nextLeave = 0; this.leaveIteration++; }
      }
      if (leaving.length > 0) {
        membership.crash(leaving);
        this.leaves += leaving.length;
      }
      while (this.nextJoin < this.joinAt.length && this.joinTime() <= now) {
        const p = this.sessionPeer[this.nextJoin];
        if (peers.alive[p] !== 1) {
          this.downtimes++;
          this.downtimeTotal += now - this.since[p];
          this.since[p] = now;
          membership.rejoin(p);
          this.joins++;
        }
        if (++this.nextJoin === this.joinAt.length && this.period !== Infinity) { this.nextJoin = 0; this.joinIteration++; }
      }
      this.scheduleNext(ctx, step);
    });
    this.scheduleNext(ctx, step);
  }

  private joinTime(): number {
    return this.joinAt[this.nextJoin] + (this.joinIteration > 0 ? this.joinIteration * this.period : 0);
  }

  private leaveTime(): number {
    return this.leaveAt[this.leaveOrder[this.nextLeave]] + (this.leaveIteration > 0 ? this.leaveIteration * this.period : 0);
  }

  private scheduleNext(ctx: SimContext, step: number): void {
    const next = Math.min(
      this.nextJoin < this.joinAt.length ? this.joinTime() : Infinity,
      this.nextLeave < this.leaveAt.length ? this.leaveTime() : Infinity);
    if (next <= ctx.scenario.duration) ctx.sim.at(next, step, 0, CONTROLLER);
  }

  /** The window's sessions in run time, clipped at traceOffset. */
  private prepare(): void {
    const { start, end, peer } = this.trace;
    const offset = this.spec.traceOffset, scale = this.spec.traceScale;
    let last = 0;
    for (let i = 0; i < end.length; i++) if (end[i] > last) last = end[i];
    const kept: number[] = [];
    for (let i = 0; i < start.length; i++) if (end[i] > offset) kept.push(i);
    const m = kept.length;
    this.joinAt = new Float64Array(m);
    this.leaveAt = new Float64Array(m);
    this.sessionPeer = new Uint32Array(m);
    kept.forEach((i, k) => {
      this.joinAt[k] = (Math.max(start[i], offset) - offset) * scale;
      this.leaveAt[k] = (end[i] - offset) * scale;
      this.sessionPeer[k] = peer[i];
    });
    this.leaveOrder = new Uint32Array(m);
    for (let k = 0; k < m; k++) this.leaveOrder[k] = k;
    const leaveAt = this.leaveAt, sessionPeer = this.sessionPeer;
    this.leaveOrder.sort((a, b) => leaveAt[a] - leaveAt[b] || sessionPeer[a] - sessionPeer[b]);
    if (this.spec.traceLoop && m > 0 && last > offset) this.period = (last - offset) * scale;
  }

  contribute(results: Results, ctx: SimContext): void {
    const membership = dynamicsOf(ctx).membership;
    const sync = membership.sync;
    results.churn = {
      joins: this.joins,
      leaves: this.leaves,
      arrivals: 0,
      meanResyncTime: sync && sync.resyncs > 0 ? sync.resyncTimeTotal / sync.resyncs : null,
      resyncs: sync ? sync.resyncs : 0,
      resyncPending: sync ? sync.pending : 0,
      rumoursPulled: sync ? sync.rumoursPulled : 0,
      meanSession: this.sessions > 0 ? this.sessionTotal / this.sessions : null,
      meanDowntime: this.downtimes > 0 ? this.downtimeTotal / this.downtimes : null,
      joinRetries: membership.joinRetries,
      joinsAlone: membership.joinsAlone,
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
