/**
 * Churn in a split run (sim/parallel/split.ts): a peer's departure and rejoin are its own
 * events, run by its owner's thread, which alone writes its byte of the shared alive array
 * and its session totals. Each thread publishes its peers' joins minus leaves at every
 * barrier, so every thread knows how many peers are alive; counts are summed at the end.
 * An arrival is a controller event: every thread numbers the new peer, its owner
 * (parallel/partition.ts: Ownership) brings it up; the shared arrays hold every arrival
 * of the run from the start, counted in advance from the arrivals' own stream.
 */
import type { SplitContract } from '../../parallel/split.js';
import type { Results } from '../../run/results.js';
import type { SimContext } from '../../run/context.js';
import { dynamicsOf } from '../shared.js';
import { NamedStream } from '../../engine/random.js';
import { exponentialDraw } from '../../random/exponential.js';
import type { Scenario } from '../../scenario/schema.js';
import { ChurnComponent } from './component.js';
import type { ChurnResults } from './results-section.js';

interface ChurnShare {
  joins: number;
  leaves: number;
  sessions: number;
  downtimes: number;
  joinRetries: number;
  joinsAlone: number;
  /** Partition 0: every peer's session and downtime totals, summed in peer order (shared memory). */
  sessionTotal: number;
  downtimeTotal: number;
  /** Partition 0: its section (the totals read from shared memory; counts to be summed). */
  section: ChurnResults | null;
}

export const churnSplit: SplitContract = {
  refuse(scenario) {
    const churn = scenario.churn!;
    if (scenario.engine !== 'event') return 'on the cycle engine';
    if (churn.trace) return 'a replayed trace, whose steps take peers of every thread down and up at once';
    // Brand-new peers split with searches (but directory ones), peer sampling and repair
    // walks; the others' split forms hold per-peer state for the initial peers, by range.
    if (churn.arrivals > 0) {
      const others = [
        scenario.workload.broadcasts.length > 0 && 'broadcasts', scenario.aggregation && 'aggregation', churn.sync && 'churn.sync',
        scenario.failures.length > 0 && 'failures', scenario.workload.searches.some((x) => x.protocol === 'directory') && 'directory searches',
      ].filter((x): x is string => typeof x === 'string');
      if (others.length > 0) return `churn.arrivals with ${others.join(', ')}, whose split state holds the initial peers only`;
    }
    if (churn.sync) return 'churn.sync, whose answer reads the rumours another peer holds';
    if (scenario.failures.length > 0) return 'with failures';
    // Their split forms count live and informed peers on the assumption that peers go
    // down only at controller events.
    if (scenario.workload.broadcasts.length > 0) return 'with broadcasts, whose split assumes that peers go down only at controller events';
    if (scenario.workload.searches.some((x) => x.protocol === 'directory')) return 'with directory searches, whose attachments every thread keeps alike';
    if (scenario.aggregation) return 'with aggregation, whose split assumes that peers go down only at controller events';
    return null;
  },
  // Without peer sampling, joins and repairs change the overlay's links, each end its own.
  peerEventsChange: (scenario) => (scenario.overlay.sampling ? ['alive'] : ['alive', 'links']),
  linkRoom: (scenario) => scenario.overlay.maxDegree,
  arrivals: arrivalsIn,
  setup(_scenario, _threads, _blockSize, capacity) {
    return { buffers: [new SharedArrayBuffer(Math.max(8, 8 * capacity)), new SharedArrayBuffer(Math.max(8, 8 * capacity))], cells: 1, lanes: 0 };
  },
  partition(scenario, env) {
    const n = scenario.peers.count;
    // An arrival reads the peer count, the live snapshot (a refresh changes it) and the
    // search data (arrivals alone change it); only the owner changes the new peer's state.
    // So it runs among each thread's own events, ending no window, even though departures
    // change what other controller events read.
    env.sim.runInline('churn/arrive', true);
    const [sessions, downtimes] = env.buffers;
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
        if (!links) return;
        const g = context!.overlay;
        let halves = 0;
        for (let p = 0; p < g.size; p++) halves += g.deg[p];
        g.edges = halves;
      },
      started(ctx) {
        context = ctx;
      },
      // Every peer is alive at the start (no trace, no failures): the count alive is n plus
      // every thread's joins (its own arrivals included) minus its leaves.
      publish(cells, at) {
        cells[at] = component.joins - component.leaves;
      },
      gather(cells, at) {
        let alive = n;
        for (let i = 0; i < env.threads; i++) alive += cells[at(i)];
        context!.peers.aliveCount = alive;
      },
      share(ctx) {
        const membership = dynamicsOf(ctx).membership;
        const section = env.me === 0 ? (() => { const r = {} as Results; component.contribute(r, ctx); return r.churn!; })() : null;
        const data: ChurnShare = {
          joins: component.joins, leaves: component.leaves, sessions: component.sessions, downtimes: component.downtimes,
          joinRetries: membership.joinRetries, joinsAlone: membership.joinsAlone, section,
          sessionTotal: env.me === 0 ? component.sessionTotal : 0, downtimeTotal: env.me === 0 ? component.downtimeTotal : 0,
        };
        return { data };
      },
    };
  },
  merge(target, shares) {
    const parts = shares as ChurnShare[];
    const section = parts[0].section!;
    const sum = (key: 'joins' | 'leaves' | 'sessions' | 'downtimes' | 'joinRetries' | 'joinsAlone') => parts.reduce((total, p) => total + p[key], 0);
    section.joins = sum('joins');
    section.leaves = sum('leaves');
    section.joinRetries = sum('joinRetries');
    section.joinsAlone = sum('joinsAlone');
    // Partition 0 divided the totals by its own counts: the means use everyone's.
    const sessions = sum('sessions'), downtimes = sum('downtimes');
    section.meanSession = sessions > 0 ? parts[0].sessionTotal / sessions : null;
    section.meanDowntime = downtimes > 0 ? parts[0].downtimeTotal / downtimes : null;
    target.results.churn = section;
  },
};

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
