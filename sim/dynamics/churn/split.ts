/**
 * Churn in a split run (sim/parallel/split.ts): a peer's departure and rejoin are its own
 * events, run by its owner's thread, which alone writes its byte of the shared alive array,
 * its session totals and its anti-entropy state (`sync`: each side of an exchange reads
 * only its own rumours). Each thread publishes its peers' joins minus leaves at every
 * barrier, so every thread knows how many peers are alive; counts are summed at the end.
 * An arrival is a controller event: every thread numbers the new peer, its owner
 * (parallel/partition.ts: Ownership) brings it up; the shared arrays hold every arrival
 * of the run from the start, counted in advance from the arrivals' own stream. Every family
 * splits beside arrivals: each acts for its own peers by `env.owns`, arrivals included.
 */
import type { PartitionEnv, SplitContract, SplitPart } from '../../parallel/split.js';
import { TraceChurnComponent } from './trace/replay.js';
import type { Results } from '../../run/results.js';
import type { SimContext } from '../../run/context.js';
import { dynamicsOf } from '../shared.js';
import { NamedStream } from '../../engine/random.js';
import { exponentialDraw } from '../../random/exponential.js';
import type { Scenario } from '../../scenario/schema.js';
import { ChurnComponent } from './component.js';
import type { ChurnResults } from './results-section.js';

/** What every churn split counts: joins (by the joining peer's thread) and anti-entropy. */
interface JoinShare {
  /** Partition 0: its section (counts to be summed). */
  section: ChurnResults | null;
  joinRetries: number;
  joinsAlone: number;
  /** Anti-entropy: resynchronisations, rumours pulled, peers still resynchronising. */
  resyncs: number;
  rumoursPulled: number;
  resyncPending: number;
  /** Partition 0: every peer's resync times, summed in peer order (shared memory). */
  resyncTimeTotal: number;
}

interface ChurnShare extends JoinShare {
  joins: number;
  leaves: number;
  sessions: number;
  downtimes: number;
  /** Partition 0: every peer's session and downtime totals, summed in peer order (shared memory). */
  sessionTotal: number;
  downtimeTotal: number;
}

export const churnSplit: SplitContract = {
  // A trace's steps are controller events, which every thread applies to its own copy of
  // who is alive (membership.ts, crashOwn and rejoin).
  changesMembership: (scenario) => Boolean(scenario.churn!.trace),
  // Without peer sampling, joins and repairs change the overlay's links, each end its own.
  // Drawn sessions' departures and rejoins are peers' events; a trace's are not.
  peerEventsChange: (scenario) => [...(scenario.churn!.trace ? [] : ['alive' as const]), ...(scenario.overlay.sampling ? [] : ['links' as const])],
  linkRoom: (scenario) => scenario.overlay.maxDegree,
  arrivals: arrivalsIn,
  setup(_scenario, _threads, _blockSize, capacity) {
    // Every peer's session, downtime and (anti-entropy) resync totals.
    return { buffers: [0, 1, 2].map(() => new SharedArrayBuffer(Math.max(8, 8 * capacity))), cells: 1, lanes: 0 };
  },
  partition(scenario, env) {
    if (scenario.churn!.trace) return tracePart(scenario, env);
    const n = scenario.peers.count;
    // An arrival reads the peer count, the live snapshot (a refresh changes it) and the
    // search data (arrivals alone change it); only the owner changes the new peer's state.
    // So it runs among each thread's own events, ending no window, even though departures
    // change what other controller events read.
    env.sim.runInline('churn/arrive', true);
    const [sessions, downtimes, resyncs] = env.buffers;
    const component = new ChurnComponent(scenario.churn!, {
      lo: env.lo, hi: env.hi, owns: env.owns, mayMark: () => env.sim.atWindowStart,
      sessionTime: new Float64Array(sessions, 0, env.capacity), downtimeTime: new Float64Array(downtimes, 0, env.capacity),
    });
    let context: SimContext | null = null;
    const links = !scenario.overlay.sampling;
    return {
      components: [component],
      // A refresh, a search's launch read who is alive, which departures change.
      peersChangeWhatControllersRead: true,
      // The observer reads the links of every thread's peers at the samples.
      readsSharedState: links,
      sampling() {
        // Each thread's count of links is its own changes' (each judged by a glance at
        // the other end mid-window); what is read of it at a sample, whether there is any
        // link at all, is read from the runs' lengths instead.
        if (links) context!.overlay.recountHalves();
      },
      started(ctx) {
        context = ctx;
        dynamicsOf(ctx).membership.sync?.shareResyncTimes(new Float64Array(resyncs, 0, env.capacity));
      },
      // Every peer is alive at the start (no trace): the count alive is n plus every
      // thread's joins (its own arrivals included) minus its leaves and its peers that
      // failures crashed.
      publish(cells, at) {
        cells[at] = component.joins - component.leaves - dynamicsOf(context!).membership.crashedHere;
      },
      gather(cells, at) {
        let alive = n;
        for (let i = 0; i < env.threads; i++) alive += cells[at(i)];
        context!.peers.aliveCount = alive;
      },
      share(ctx) {
        const data: ChurnShare = {
          ...joinShare(ctx, env.me, component),
          joins: component.joins, leaves: component.leaves, sessions: component.sessions, downtimes: component.downtimes,
          sessionTotal: env.me === 0 ? component.sessionTotal : 0, downtimeTotal: env.me === 0 ? component.downtimeTotal : 0,
        };
        return { data };
      },
    };
  },
  merge(target, shares) {
    if (target.scenario.churn!.trace) {
      target.results.churn = mergeJoins(shares as JoinShare[]);
      return;
    }
    const parts = shares as ChurnShare[];
    const section = mergeJoins(parts);
    const sum = (key: 'sessions' | 'downtimes' | 'joins' | 'leaves') => parts.reduce((total, p) => total + p[key], 0);
    section.joins = sum('joins');
    section.leaves = sum('leaves');
    // Partition 0 divided the totals by its own counts: the means use everyone's.
    const sessions = sum('sessions'), downtimes = sum('downtimes');
    section.meanSession = sessions > 0 ? parts[0].sessionTotal / sessions : null;
    section.meanDowntime = downtimes > 0 ? parts[0].downtimeTotal / downtimes : null;
    target.results.churn = section;
  },
};

/**
 * A replayed trace: its steps are controller events that every thread runs, each taking
 * down and bringing back up its own peers (membership.ts), so its counts are the same in
 * every thread; the joins (walks, retries) are the rejoining peers' threads'.
 */
function tracePart(scenario: Scenario, env: PartitionEnv): SplitPart {
  const component = new TraceChurnComponent(scenario.churn!);
  const links = !scenario.overlay.sampling;
  let context: SimContext | null = null;
  return {
    components: [component],
    // The joins' walks change links, which a step reads.
    peersChangeWhatControllersRead: links,
    // The observer reads the links of every thread's peers at the samples.
    readsSharedState: links,
    started(ctx) {
      context = ctx;
      dynamicsOf(ctx).membership.sync?.shareResyncTimes(new Float64Array(env.buffers[2], 0, env.capacity));
    },
    sampling() {
      if (links) context!.overlay.recountHalves();
    },
    share(ctx) {
      return { data: joinShare(ctx, env.me, component) };
    },
  };
}

/** The counts every churn split shares; joins (and resyncs) are counted by the joining peer's thread. */
function joinShare(ctx: SimContext, me: number, component: { contribute(r: Results, ctx: SimContext): void }): JoinShare {
  const membership = dynamicsOf(ctx).membership;
  const sync = membership.sync;
  const section = me === 0 ? (() => { const r = {} as Results; component.contribute(r, ctx); return r.churn!; })() : null;
  return {
    section, joinRetries: membership.joinRetries, joinsAlone: membership.joinsAlone,
    // Each thread's anti-entropy state holds its own peers' only.
    resyncs: sync?.resyncs ?? 0, rumoursPulled: sync?.rumoursPulled ?? 0, resyncPending: sync?.pending ?? 0,
    resyncTimeTotal: me === 0 && sync ? sync.resyncTimeTotal : 0,
  };
}

/** Partition 0's section with the joins' and anti-entropy's counts of every thread. */
function mergeJoins(parts: JoinShare[]): ChurnResults {
  const section = parts[0].section!;
  const sum = (key: 'joinRetries' | 'joinsAlone' | 'resyncs' | 'rumoursPulled' | 'resyncPending') => parts.reduce((total, p) => total + p[key], 0);
  section.joinRetries = sum('joinRetries');
  section.joinsAlone = sum('joinsAlone');
  section.resyncs = sum('resyncs');
  section.rumoursPulled = sum('rumoursPulled');
  section.resyncPending = sum('resyncPending');
  section.meanResyncTime = section.resyncs > 0 ? parts[0].resyncTimeTotal / section.resyncs : null;
  return section;
}

/**
 * How many peers arrive in the run: the arrival instants drawn in advance, as the churn
 * component draws them (exponential gaps from the scenario stream 'churn/arrivals', which
 * nothing else reads), up to the end. The shared arrays of a split run hold that many more.
 */
export function arrivalsIn(scenario: Scenario): number {
  const rate = scenario.churn?.arrivals ?? 0;
  if (!(rate > 0) || scenario.churn!.trace) return 0;
  const gaps = new NamedStream(scenario.seed, 'churn/arrivals');
  let count = 0;
  for (let t = exponentialDraw(gaps, 1 / rate); t <= scenario.duration; t += exponentialDraw(gaps, 1 / rate)) count++;
  return count;
}
