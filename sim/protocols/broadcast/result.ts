/**
 * A broadcast's entry in the results file (SPEC §3), from its state at the end of the
 * broadcast: `alive` and `reached` are counted then, so coverage = reached / alive <= 1.
 */
import type { BroadcastResult } from './results-section.js';
import { Phase, type BroadcastState } from './state.js';

/**
 * - reached: peers alive at the end that hold the rumour (`reachedEver` also counts those
 *   that got it and left); allReached: every live peer holds it.
 * - rounds (null unless allReached): with round ticks, the round in which the last peer
 *   reached got the rumour; for push `once` and flood, the hop count of the farthest peer.
 * - completionTime (null unless allReached): when the last peer was reached, minus start.
 * - messages: every message sent (pushes, pull requests and replies), lost ones included;
 *   duplicates: messages that brought the rumour to a peer that already had it.
 */
export function broadcastResult(st: BroadcastState): BroadcastResult {
  const alive = st.aliveAtEnd;
  const reached = st.liveInformed;
  const allReached = alive > 0 && reached >= alive;
  const spec = st.spec;
  const result: BroadcastResult = {
    origin: st.origin,
    start: st.start,
    protocol: spec.protocol,
    reached,
    alive,
    coverage: alive > 0 ? reached / alive : 0,
    allReached,
    rounds: allReached ? (st.protocol.periodic ? st.lastRound : st.maxRound) : null,
    completionTime: allReached ? st.lastTime - st.start : null,
    messages: st.messages,
    duplicates: st.duplicates,
    id: st.id,
    spec: st.specIndex,
    forward: spec.forward,
    targets: spec.targets,
    fanout: spec.fanout,
    reachedEver: st.reachedEver,
    lost: st.lost,
    dropped: st.dropped,
    synced: st.synced,
    ended: st.phase === Phase.Ended,
    timeline: st.timeline.toJSON(),
  };
  if (st.trace) result.trace = st.trace.slice();
  return result;
}
