/**
 * What splits across threads today (docs/parallel.md), as the parallel tests expect it:
 * written out here, apart from the code that decides it (sim/parallel/eligibility.ts and
 * each family's split.ts), so that the tests check that code rather than restate it.
 */
import { minimumLatency } from '../../sim/parallel/eligibility';
import type { Scenario } from '../../sim/scenario/schema';

export function splitsToday(s: Scenario): boolean {
  const churn = s.churn;
  const failures = s.failures.length > 0;
  const broadcasts = s.workload.broadcasts;
  return minimumLatency(s) > 0
    // The cycle engine's rounds split, but not its aggregation nor pull replies with loss;
    // churn and peer sampling split on the event engine only.
    && (s.engine === 'event' || (!s.aggregation && !churn && !s.overlay.sampling
      && !(s.network.loss > 0 && broadcasts.some((b) => b.protocol === 'pull' || b.protocol === 'push-pull'))))
    // Chord and Kademlia: no recursive Chord lookups, no churn arrivals (churn: as below).
    && (!s.structured || !((s.structured.protocol === 'chord' && s.structured.chord.lookup === 'recursive') || (churn && churn.arrivals > 0)))
    // The super-peer directory: not with churn or peer sampling.
    && !((churn || s.overlay.sampling) && s.workload.searches.some((x) => x.protocol === 'directory'))
    && !s.capacity
    && !(failures && s.overlay.repair)
    // Peer sampling: not with failures.
    && !(s.overlay.sampling && failures)
    // Churn: drawn sessions, with or without peer sampling or repair, nothing that assumes
    // peers go down only at controller events (broadcasts, aggregation, failures), no
    // sync; brand-new peers (arrivals) or not.
    // Churn arrivals: not with the families whose split state holds the initial peers only.
    && !(churn && churn.arrivals > 0 && (broadcasts.length > 0 || s.aggregation || churn.sync || failures
      || s.workload.searches.some((x) => x.protocol === 'directory')))
    && (!churn || (!churn.trace && !churn.sync && !failures
      && broadcasts.length === 0 && !s.aggregation));
}
