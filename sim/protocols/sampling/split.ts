/**
 * Peer sampling (Cyclon, Newscast) in a split run (sim/parallel/split.ts): the views live
 * once, in shared memory, each thread writing its own peers' (an exchange's request and
 * reply are each handled by their target's thread). So does the overlay the others read:
 * all threads rebuild it together from the views at declared instants, when no peer event runs.
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
    return null;
  },
  peerEventsChange: () => ['overlay'],
  setup(scenario, threads, _blockSize, capacity) {
    // Views for every peer id of the run, the arrivals' included.
    const n = capacity, stride = 2 * scenario.overlay.sampling!.viewSize;
    const ints = (length: number) => new SharedArrayBuffer(Math.max(4, 4 * length));
    return {
      // The views and their sizes; the partial sums; the overlay's rows (offset, degree,
      // capacity, and every entry twice at most: only the pages used take memory); the
      // protocol's per-peer state (SamplerPartition.ints).
      buffers: [ints(n * stride), ints(n), new SharedArrayBuffer(8 * PARTIALS * threads), ints(n), ints(n), ints(n), ints(n * stride),
        ints(n * PeerSamplingComponent.sharedInts(scenario.overlay.sampling!))],
      cells: 0,
      lanes: 0,
    };
  },
  partition(scenario, env) {
    const n = env.capacity, spec = scenario.overlay.sampling!;
    const [data, size, partials, offset, deg, cap, adj, state] = env.buffers;
    const ownRanges = env.ownRanges(n);
    let taken = 0;
    const sums = new Float64Array(partials);
    let fraction = 0;
    const readsOverlay = env.overlayReadDuringRun;
    const owned = new Uint8Array(n);
    for (let p = 0; p < n; p++) if (env.owns(p)) owned[p] = 1;
    const component = new PeerSamplingComponent(spec, readsOverlay, {
      lo: env.lo,
      hi: env.hi,
      data: new Int32Array(data, 0, n * 2 * spec.viewSize),
      size: new Int32Array(size, 0, n),
      rows: {
        offset: new Int32Array(offset, 0, n), deg: new Int32Array(deg, 0, n), cap: new Int32Array(cap, 0, n),
        adj: new Int32Array(adj, 0, n * 2 * spec.viewSize), owned, wait: () => env.barrier.wait(),
      },
      deadLinkFraction: () => fraction,
      ints(perPeer, fill) {
        const a = new Int32Array(state, 4 * taken, perPeer * n);
        taken += perPeer * n;
        if (fill !== 0) for (let i = 0; i < ownRanges.length; i += 2) a.fill(fill, perPeer * ownRanges[i], perPeer * ownRanges[i + 1]);
        return a;
      },
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
        // As on one thread (PeerSamplingComponent.sample), and where nobody reads it during
        // the run, for the observer (which searches a sample in one thread only) and the
        // results after the last: the views stay as they are until the engine's barrier
        // after the samples.
        component.service.syncOverlay();
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
