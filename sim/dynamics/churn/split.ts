/**
 * Churn in a split run (sim/parallel/split.ts): a peer's departure and rejoin are its own
 * events, run by its owner's thread, which alone writes its byte of the shared alive array,
 * its session totals and its anti-entropy state (`sync`: each side of an exchange reads
 * only its own rumours). Each thread publishes its peers' joins minus leaves at every
 * barrier, so every thread knows how many peers are alive; counts are summed at the end.
 */
import type { SplitContract } from '../../parallel/split.js';
import type { Results } from '../../run/results.js';
import type { SimContext } from '../../run/context.js';
import { dynamicsOf } from '../shared.js';
import { ChurnComponent } from './component.js';
import type { ChurnResults } from './results-section.js';

interface ChurnShare {
  joins: number;
  leaves: number;
  sessions: number;
  downtimes: number;
  joinRetries: number;
  joinsAlone: number;
  /** Anti-entropy: resynchronisations, rumours pulled, peers still resynchronising. */
  resyncs: number;
  rumoursPulled: number;
  resyncPending: number;
  /** Partition 0: every peer's session, downtime and resync totals, summed in peer order (shared memory). */
  sessionTotal: number;
  downtimeTotal: number;
  resyncTimeTotal: number;
  /** Partition 0: its section (the totals read from shared memory; counts to be summed). */
  section: ChurnResults | null;
}

export const churnSplit: SplitContract = {
  refuse(scenario) {
    const churn = scenario.churn!;
    if (churn.trace) return 'a replayed trace, whose steps take peers of every thread down and up at once';
    if (churn.arrivals > 0) return 'churn.arrivals, whose brand-new peers would need room in every shared array';
    if (scenario.failures.length > 0) return 'with failures';
    return null;
  },
  // Without peer sampling, joins and repairs change the overlay's links, each end its own.
  peerEventsChange: (scenario) => (scenario.overlay.sampling ? ['alive'] : ['alive', 'links']),
  linkRoom: (scenario) => scenario.overlay.maxDegree,
  setup(scenario) {
    const n = scenario.peers.count;
    // Every peer's session, downtime and (anti-entropy) resync totals.
    return { buffers: [0, 1, 2].map(() => new SharedArrayBuffer(Math.max(8, 8 * n))), cells: 1, lanes: 0 };
  },
  partition(scenario, env) {
    const n = scenario.peers.count;
    const [sessions, downtimes, resyncs] = env.buffers;
    const component = new ChurnComponent(scenario.churn!, {
      lo: env.lo, hi: env.hi, sessionTime: new Float64Array(sessions, 0, n), downtimeTime: new Float64Array(downtimes, 0, n),
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
        dynamicsOf(ctx).membership.sync?.shareResyncTimes(new Float64Array(resyncs, 0, n));
      },
      // Every peer is alive at the start (no trace, no arrivals, no failures): the count
      // alive is n plus every thread's joins minus its leaves.
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
        const sync = membership.sync;
        const section = env.me === 0 ? (() => { const r = {} as Results; component.contribute(r, ctx); return r.churn!; })() : null;
        const data: ChurnShare = {
          joins: component.joins, leaves: component.leaves, sessions: component.sessions, downtimes: component.downtimes,
          joinRetries: membership.joinRetries, joinsAlone: membership.joinsAlone, section,
          // Each thread's anti-entropy state holds its own peers' only.
          resyncs: sync?.resyncs ?? 0, rumoursPulled: sync?.rumoursPulled ?? 0, resyncPending: sync?.pending ?? 0,
          sessionTotal: env.me === 0 ? component.sessionTotal : 0, downtimeTotal: env.me === 0 ? component.downtimeTotal : 0,
          resyncTimeTotal: env.me === 0 && sync ? sync.resyncTimeTotal : 0,
        };
        return { data };
      },
    };
  },
  merge(target, shares) {
    const parts = shares as ChurnShare[];
    const section = parts[0].section!;
    type Count = 'joins' | 'leaves' | 'sessions' | 'downtimes' | 'joinRetries' | 'joinsAlone' | 'resyncs' | 'rumoursPulled' | 'resyncPending';
    const sum = (key: Count) => parts.reduce((total, p) => total + p[key], 0);
    section.joins = sum('joins');
    section.leaves = sum('leaves');
    section.joinRetries = sum('joinRetries');
    section.joinsAlone = sum('joinsAlone');
    section.resyncs = sum('resyncs');
    section.rumoursPulled = sum('rumoursPulled');
    section.resyncPending = sum('resyncPending');
    section.meanResyncTime = section.resyncs > 0 ? parts[0].resyncTimeTotal / section.resyncs : null;
    // Partition 0 divided the totals by its own counts: the means use everyone's.
    const sessions = sum('sessions'), downtimes = sum('downtimes');
    section.meanSession = sessions > 0 ? parts[0].sessionTotal / sessions : null;
    section.meanDowntime = downtimes > 0 ? parts[0].downtimeTotal / downtimes : null;
    target.results.churn = section;
  },
};
