/**
 * Churn (`churn`): every peer alternates sessions online and downtimes offline, drawn from
 * its own stream; brand-new peers arrive as a Poisson process. Reports joins, leaves and
 * the mean time a (re)joining peer takes to resynchronise its rumours.
 */
import type { PeerStreams } from '../../engine/random.js';
import { CONTROLLER } from '../../engine/simulator.js';
import { clampNonNegative, makeSampler } from '../../random/distributions.js';
import { exponentialDraw } from '../../random/exponential.js';
import type { Sampler } from '../../random/types.js';
import type { Component, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import type { ChurnSpec } from './schema.js';
import { dynamicsOf } from '../shared.js';
import type { ChurnResults } from './results-section.js';
import { grown } from '../../run/grown.js';

/**
 * A thread's part of a split run (churn/split.ts): its initial peers [lo, hi), whether it
 * owns a peer (an arrival included), and every peer's total session and downtime lengths
 * in shared memory, with room for the arrivals (each thread writes its own peers').
 */
export interface ChurnPartition {
  lo: number;
  hi: number;
  owns(p: number): boolean;
  /** Whether a thread may mark another's new peer alive now (Membership.arrive's `mark`). */
  mayMark(): boolean;
  sessionTime: Float64Array;
  downtimeTime: Float64Array;
}

/**
 * Each peer alive at time 0 starts a session then; when it ends the peer leaves (goes
 * down, membership.ts) and comes back with the same id after a downtime, and so on. Both
 * durations are drawn from the peer's own stream 'churn', so a peer's life does not depend
 * on the others. The events are the peer's own (src = the peer). New peers arrive at rate
 * `arrivals` (exponential gaps from the scenario stream 'churn/arrivals'), join like a
 * rejoining peer and then churn like the others. A peer crashed by a failure stays down:
 * its pending departure finds it down and schedules nothing.
 */
export class ChurnComponent implements Component {
  /**
   * A departure and a rejoin are the peer's own events, which change only its own state
   * (membership.ts): it splits (churn/split.ts), where that split's refusals allow.
   */
  readonly parallel = 'safe';
  /** (Re)joins, arrivals included. */
  joins = 0;
  leaves = 0;
  arrivals = 0;
  /** Completed sessions and downtimes (one that the end of the run cuts short is not counted). */
  sessions = 0;
  downtimes = 0;
  private session!: Sampler;
  private downtime!: Sampler;
  private rng!: PeerStreams;
  /** When each peer's current session or downtime began. */
  private since = new Float64Array(0);
  /**
   * Each peer's completed sessions and downtimes, in total (s): summed in peer order at the
   * end, so the totals do not depend on the order in which threads ran the peers' events.
   */
  private sessionTime: Float64Array;
  private downtimeTime: Float64Array;

  constructor(private readonly spec: ChurnSpec, private readonly partition: ChurnPartition | null = null) {
    this.sessionTime = partition?.sessionTime ?? new Float64Array(0);
    this.downtimeTime = partition?.downtimeTime ?? new Float64Array(0);
  }

  /** Total length of the completed sessions (s). */
  get sessionTotal(): number {
    return sumOf(this.sessionTime);
  }

  /** Total length of the completed downtimes (s). */
  get downtimeTotal(): number {
    return sumOf(this.downtimeTime);
  }

  start(ctx: SimContext): void {
    const { sim, peers } = ctx;
    const membership = dynamicsOf(ctx).membership;
    // Durations cannot be negative: a normal distribution's lower tail is clamped at 0.
    this.session = clampNonNegative(makeSampler(this.spec.session));
    this.downtime = clampNonNegative(makeSampler(this.spec.downtime));
    this.rng = ctx.peerStreams('churn');
    this.since = new Float64Array(peers.alive.length);
    if (!this.partition) {
      this.sessionTime = new Float64Array(peers.alive.length);
      this.downtimeTime = new Float64Array(peers.alive.length);
    }
    const leave = sim.registerKind('churn/leave', (p) => {
      if (peers.alive[p] !== 1) return;
      this.sessions++;
      this.sessionTime[p] += sim.now - this.since[p];
      this.since[p] = sim.now;
      membership.leave(p);
      this.leaves++;
      sim.at(sim.now + this.downtime.sample(this.rng.use(p)), rejoin, p, p);
    });
    const rejoin = sim.registerKind('churn/rejoin', (p) => {
      if (peers.alive[p] === 1) return;
      this.downtimes++;
      this.downtimeTime[p] += sim.now - this.since[p];
      membership.rejoin(p);
      this.joins++;
      this.beginSession(ctx, p, leave);
    });
    const [lo, hi] = this.partition ? [this.partition.lo, this.partition.hi] : [0, peers.count];
    for (let p = lo; p < hi; p++) if (peers.alive[p] === 1) this.beginSession(ctx, p, leave);
    const rate = this.spec.arrivals;
    if (rate > 0) {
      const gaps = ctx.namedStream('churn/arrivals');
      const arrive = sim.registerKind('churn/arrive', () => {
        // A controller event: every thread of a split run numbers the new peer alike, and
        // only its owner brings it up and runs its sessions (counting its join).
        const own = this.partition === null || this.partition.owns(peers.count);
        // The shared arrays hold the arrivals counted in advance (churn/split.ts): never more.
        if (this.partition && peers.count >= peers.alive.length) throw new Error('parallel: more arrivals than counted in advance');
        const p = membership.arrive(own, own || this.partition!.mayMark());
        this.arrivals++;
        if (own) {
          this.joins++;
          this.beginSession(ctx, p, leave);
        }
        sim.at(sim.now + exponentialDraw(gaps, 1 / rate), arrive, 0, CONTROLLER);
      });
      sim.at(exponentialDraw(gaps, 1 / rate), arrive, 0, CONTROLLER);
    }
  }

  private beginSession(ctx: SimContext, p: number, leave: number): void {
    // (A split run's shared totals hold every arrival from the start: they never grow.)
    if (p >= this.since.length) {
      const n = Math.max(p + 1, this.since.length * 2);
      this.since = grown(this.since, n);
      this.sessionTime = grown(this.sessionTime, n);
      this.downtimeTime = grown(this.downtimeTime, n);
    }
    this.since[p] = ctx.sim.now;
    ctx.sim.at(ctx.sim.now + this.session.sample(this.rng.use(p)), leave, p, p);
  }

  contribute(results: Results, ctx: SimContext): void {
    results.churn = churnResults(this, ctx);
  }
}

/** The sum of `values` in index order. */
function sumOf(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** What a churn component counted (drawn or replayed from a trace). */
export interface ChurnCounts {
  joins: number;
  leaves: number;
  arrivals: number;
  /** Completed sessions and downtimes, and their total lengths (s). */
  sessions: number;
  sessionTotal: number;
  downtimes: number;
  downtimeTotal: number;
}

/** The `churn` section of the results: the counts, with the membership's and anti-entropy's figures. */
export function churnResults(c: ChurnCounts, ctx: SimContext): ChurnResults {
  const membership = dynamicsOf(ctx).membership;
  const sync = membership.sync;
  return {
    joins: c.joins,
    leaves: c.leaves,
    arrivals: c.arrivals,
    meanResyncTime: sync && sync.resyncs > 0 ? sync.resyncTimeTotal / sync.resyncs : null,
    resyncs: sync ? sync.resyncs : 0,
    resyncPending: sync ? sync.pending : 0,
    rumoursPulled: sync ? sync.rumoursPulled : 0,
    meanSession: c.sessions > 0 ? c.sessionTotal / c.sessions : null,
    meanDowntime: c.downtimes > 0 ? c.downtimeTotal / c.downtimes : null,
    joinRetries: membership.joinRetries,
    joinsAlone: membership.joinsAlone,
  };
}
