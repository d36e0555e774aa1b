/**
 * Peer sampling (Cyclon, Newscast) in a split run (sim/parallel/split.ts): the views live
 * once, in shared memory, each thread writing its own peers' (an exchange's request and
 * reply are each handled by their target's thread). The overlay each thread reads is its
 * own Graph, rebuilt from all the views at declared instants, when no thread runs.
 */
import type { SplitContract } from '../../parallel/split.js';
import type { Results } from '../../run/results.js';
import type { SimContext } from '../../run/context.js';
import { PeerSamplingComponent, deadFraction } from './component.js';
import type { SamplingResults } from './results-section.js';

/** Each partition's figures at a sampling instant: entries, dead entries (Float64 pairs). */
const PARTIALS = 2;

interface SamplingShare {
  exchanges: number;
  /** Partition 0: its section (exchanges to be summed). */
  section: SamplingResults | null;
}

export const samplingSplit: SplitContract = {
  refuse(scenario) {
    if (scenario.engine !== 'event') return 'on the cycle engine';
    // A failure takes peers down at a controller event, in every thread: their views
    // (any thread's) would be cleared by all at once.
    if (scenario.failures.length > 0) return 'with failures, whose victims\' views every thread would clear';
    if (scenario.workload.searches.some((x) => x.protocol === 'directory')) return 'with directory searches, whose attachments every thread keeps alike';
    return null;
  },
  peerEventsChange: () => ['overlay'],
  setup(scenario, threads, _blockSize, capacity) {
    // Views for every peer id of the run, the arrivals' included.
    const n = capacity, stride = 2 * scenario.overlay.sampling!.viewSize;
    return {
      buffers: [new SharedArrayBuffer(Math.max(4, 4 * n * stride)), new SharedArrayBuffer(Math.max(4, 4 * n)),
        new SharedArrayBuffer(8 * PARTIALS * threads)],
      cells: 0,
      lanes: 0,
    };
  },
  partition(scenario, env) {
    const n = env.capacity, spec = scenario.overlay.sampling!;
    const [data, size, partials] = env.buffers;
    const sums = new Float64Array(partials);
    let fraction = 0;
    const readsOverlay = env.overlayReadDuringRun;
    const component = new PeerSamplingComponent(spec, readsOverlay, {
      lo: env.lo,
      hi: env.hi,
      data: new Int32Array(data, 0, n * 2 * spec.viewSize),
      size: new Int32Array(size, 0, n),
      deadLinkFraction: () => fraction,
    });
    let alive: Uint8Array | null = null;
    let ctx: SimContext | null = null;
    return {
      components: [component],
      readsSharedState: true,
      // A refresh rebuilds the overlay from every thread's views.
      peersChangeWhatControllersRead: true,
      started(context) {
        ctx = context;
        alive = context.peers.alive;
        // The overlay other protocols read from time 0: once every thread has built its
        // peers' first views (no thread changes a view before the first window's barrier).
        env.barrier.wait();
        if (readsOverlay) component.service.syncOverlay();
      },
      // The dead-link fraction of every sampling instant: each thread counts its peers'
      // views, then all read the sums (no thread changes a view meanwhile: the engine holds
      // them all at a barrier after the samples).
      sampling() {
        // This thread's peers: its range, and the arrivals dealt to it.
        const ranges = env.ownRanges(ctx!.peers.count);
        let entries = 0, dead = 0;
        for (let i = 0; i < ranges.length; i += 2) {
          const c = component.service.views.countEntries(ranges[i], ranges[i + 1], alive!);
          entries += c.entries;
          dead += c.dead;
        }
        sums[PARTIALS * env.me] = entries;
        sums[PARTIALS * env.me + 1] = dead;
        env.barrier.wait();
        entries = 0;
        dead = 0;
        for (let i = 0; i < env.threads; i++) { entries += sums[PARTIALS * i]; dead += sums[PARTIALS * i + 1]; }
        fraction = deadFraction({ entries, dead });
        // Nobody writes the sums again before every thread has read them.
        env.barrier.wait();
        // As on one thread (PeerSamplingComponent.sample); the views stay as they are until
        // the engine's barrier after the samples.
        if (readsOverlay) component.service.syncOverlay();
      },
      share(ctx) {
        const section = env.me === 0 ? (() => { const r = {} as Results; component.contribute(r, ctx); return r.sampling!; })() : null;
        return { data: { exchanges: component.service.exchanges, section } satisfies SamplingShare };
      },
    };
  },
  merge(target, shares) {
    const parts = shares as SamplingShare[];
    const section = parts[0].section!;
    section.exchanges = parts.reduce((sum, p) => sum + p.exchanges, 0);
    target.results.sampling = section;
  },
};
