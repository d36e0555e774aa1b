/**
 * What splits across threads today (docs/parallel.md), as the parallel tests expect it:
 * written out here, apart from the code that decides it (sim/parallel/eligibility.ts and
 * each family's split.ts), so that the tests check that code rather than restate it.
 */
import { arrivalsIn } from '../../sim/dynamics/churn/split';
import { minimumLatency } from '../../sim/parallel/eligibility';
import type { Scenario } from '../../sim/scenario/schema';

export function splitsToday(s: Scenario): boolean {
  const churn = s.churn;
  const broadcasts = s.workload.broadcasts;
  return minimumLatency(s) > 0
    // The cycle engine's rounds split (pull replies with loss too), but not its aggregation.
    && (s.engine === 'event' || !s.aggregation)
    && !s.capacity
    // Churn arrivals split beside every family; but a traced cycle round (at most 500
    // initial peers) keys its messages among all the run's peer ids, exact in a double.
    && !(churn && churn.arrivals > 0 && s.engine === 'cycle' && broadcasts.length > 0 && s.peers.count <= 500
      && 8 * (s.peers.count + arrivalsIn(s)) ** 3 > Number.MAX_SAFE_INTEGER);
  // Otherwise churn splits, drawn sessions or a replayed trace, with or without peer
  // sampling, repair, failures or sync, beside every family above (broadcasts to uniform
  // targets, aggregation with uniform partners, directory searches).
}
