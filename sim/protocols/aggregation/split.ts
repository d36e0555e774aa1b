/**
 * Aggregation in a split run (sim/parallel/split.ts), event engine only: the estimates,
 * busy flags and exchange numbers live once, in shared memory, each thread writing its own
 * peers' (an exchange's request and reply are each handled by their target's thread).
 * The per-cycle moments, the samples and the final summary read every peer's estimate: a
 * cycle's controller event runs in every thread at the start of a window, when every
 * thread has processed all events before it, and a barrier follows each read so that no
 * thread changes its peers before the others have read. The exchange counts are summed.
 * Under churn a peer's tick and the messages it handles read only its own liveness and the
 * live snapshot (uniform partners: global knowledge, the same in every thread); the reads of all peers (cycles, samples, the summary)
 * see the shared alive array at those same instants.
 */
import type { SplitContract } from '../../parallel/split.js';
import type { Results } from '../../run/results.js';
import { AggregationComponent } from './component.js';
import type { AggregationResults } from './results-section.js';

interface AggregationShareData {
  counts: Pick<AggregationResults, 'exchanges' | 'halfExchanges' | 'refused' | 'abandoned'>;
  /** Partition 0: its section, counts to be summed. */
  section: AggregationResults | null;
}

export const aggregationSplit: SplitContract = {
  setup(scenario) {
    const n = scenario.peers.count;
    return { buffers: [new SharedArrayBuffer(Math.max(8, 8 * n)), new SharedArrayBuffer(Math.max(1, n)), new SharedArrayBuffer(Math.max(4, 4 * n))], cells: 0, lanes: 0 };
  },
  partition(scenario, env) {
    const n = scenario.peers.count;
    const [values, busy, epoch] = env.buffers;
    const component = new AggregationComponent(scenario.aggregation!, scenario.engine, {
      lo: env.lo,
      hi: env.hi,
      values: new Float64Array(values, 0, n),
      busy: new Uint8Array(busy, 0, n),
      epoch: new Int32Array(epoch, 0, n),
      globalRead: () => env.barrier.wait(),
    });
    return {
      components: [component],
      readsSharedState: true,
      share(ctx) {
        const data: AggregationShareData = {
          counts: { ...component.exchangeCounts },
          section: env.me === 0 ? component.summary(ctx) : null,
        };
        return { data };
      },
    };
  },
  merge(target, shares) {
    const parts = shares as AggregationShareData[];
    const section = parts[0].section!;
    for (const key of ['exchanges', 'halfExchanges', 'refused', 'abandoned'] as const) {
      section[key] = parts.reduce((sum, p) => sum + p.counts[key], 0);
    }
    (target.results as Results).aggregation = section;
  },
};
