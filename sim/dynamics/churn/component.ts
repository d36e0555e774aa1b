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
  /** A departure drops links of other peers, and joins and repair link peers anywhere. */
  readonly parallel = 'unsafe';
  /** (Re)joins, arrivals included. */
  joins = 0;
  leaves = 0;
  arrivals = 0;
  /** Completed sessions and downtimes (one that the end of the run cuts short is not counted). */
  sessions = 0;
  sessionTotal = 0;
  downtimes = 0;
  downtimeTotal = 0;
  private session!: Sampler;
  private downtime!: Sampler;
  private rng!: PeerStreams;
  /** When each peer's current session or downtime began. */
  private since = new Float64Array(0);

  constructor(private readonly spec: ChurnSpec) {}

  start(ctx: SimContext): void {
    const { sim, peers } = ctx;
    const membership = dynamicsOf(ctx).membership;
    // Durations cannot be negative: a normal distribution's lower tail is clamped at 0.
    this.session = clampNonNegative(makeSampler(this.spec.session));
    this.downtime = clampNonNegative(makeSampler(this.spec.downtime));
    this.rng = ctx.peerStreams('churn');
    this.since = new Float64Array(peers.alive.length);
    const leave = sim.registerKind('churn/leave', (p) => {
      if (peers.alive[p] !== 1) return;
      this.sessions++;
      this.sessionTotal += sim.now - this.since[p];
      this.since[p] = sim.now;
      membership.leave(p);
      this.leaves++;
      sim.at(sim.now + this.downtime.sample(this.rng.use(p)), rejoin, p, p);
    });
    const rejoin = sim.registerKind('churn/rejoin', (p) => {
      if (peers.alive[p] === 1) return;
      this.downtimes++;
      this.downtimeTotal += sim.now - this.since[p];
      membership.rejoin(p);
      this.joins++;
      this.beginSession(ctx, p, leave);
    });
    for (let p = 0; p < peers.count; p++) if (peers.alive[p] === 1) this.beginSession(ctx, p, leave);
    const rate = this.spec.arrivals;
    if (rate > 0) {
      const gaps = ctx.namedStream('churn/arrivals');
      const arrive = sim.registerKind('churn/arrive', () => {
        const p = membership.arrive();
        this.arrivals++;
        this.joins++;
        this.beginSession(ctx, p, leave);
        sim.at(sim.now + exponentialDraw(gaps, 1 / rate), arrive, 0, CONTROLLER);
      });
      sim.at(exponentialDraw(gaps, 1 / rate), arrive, 0, CONTROLLER);
    }
  }

  private beginSession(ctx: SimContext, p: number, leave: number): void {
    if (p >= this.since.length) {
      const s = new Float64Array(Math.max(p + 1, this.since.length * 2));
      s.set(this.since);
      this.since = s;
    }
    this.since[p] = ctx.sim.now;
    ctx.sim.at(ctx.sim.now + this.session.sample(this.rng.use(p)), leave, p, p);
  }

  contribute(results: Results, ctx: SimContext): void {
    results.churn = churnResults(this, ctx);
  }
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
