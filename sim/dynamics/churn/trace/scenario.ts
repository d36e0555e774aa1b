/**
 * What `churn.trace` changes in a scenario as it loads (file.ts's hooks): `peers.count` taken
 * from the trace when omitted (and checked when given), and `churn.traceOffset` inside the
 * trace. The scenario loader has already resolved the path and read the trace.
 */
import type { ErrorAt } from '../../../families/files.js';
import type { Scenario } from '../../../scenario/schema.js';
import type { Trace } from './trace.js';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Before validation, on the raw mapping (--set applied): fills in or checks `peers.count`. */
export function applyTrace(raw: Record<string, unknown>, trace: Trace, path: string, at: ErrorAt): void {
  const tracePeers = trace.ids.length;
  if (tracePeers === 0) throw at(['churn', 'trace'], `the trace ${path} has no session to replay`);
  if (raw.peers === undefined || raw.peers === null) raw.peers = {};
  const peers = raw.peers;
  if (!isMapping(peers)) return; // the validator says what is wrong with it
  if (peers.count === undefined) {
    peers.count = tracePeers;
  } else if (typeof peers.count === 'number' && peers.count < tracePeers) {
    throw at(['peers', 'count'], `the trace ${path} has ${tracePeers} distinct peers, more than peers.count (${peers.count}): leave peers.count out to take it from the trace, or give at least ${tracePeers} (peers beyond the trace stay online)`);
  }
}

/** Sessions a run may replay at most (a looped trace, scaled down, could ask for billions). */
export const MAX_REPLAYED_SESSIONS = 1e9;

/**
 * After validation: a traceOffset at or past the trace's last session end would replay
 * nothing, and a looped trace must not replay more than MAX_REPLAYED_SESSIONS sessions.
 */
export function checkTraceWindow(scenario: Scenario, trace: Trace, fail: ErrorAt): void {
  const churn = scenario.churn;
  if (!churn?.trace) return;
  const last = trace.lastEnd;
  if (churn.traceOffset >= last) {
    throw fail(['churn', 'traceOffset'], `the trace ${churn.trace} ends at ${last} s (trace time), so an offset of ${churn.traceOffset} s would replay nothing`);
  }
  if (churn.traceLoop) {
    const repeats = scenario.duration / ((last - churn.traceOffset) * churn.traceScale);
    const replayed = repeats * trace.start.length;
    if (replayed > MAX_REPLAYED_SESSIONS) {
      throw fail(['churn', 'traceScale'], `looping the trace ${Math.ceil(repeats)} times would replay about ${replayed.toExponential(1)} sessions, more than ${MAX_REPLAYED_SESSIONS.toExponential(0)}: raise traceScale or shorten the duration`);
    }
  }
}
