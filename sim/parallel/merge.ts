/**
 * Joins the partitions' shares of each broadcast into the result a one-thread run gives:
 * counters are summed, and the informings are replayed in global (time, tie) order, the
 * order in which a one-thread run records them, to rebuild the timeline, the trace and
 * the last round and time. Mirrors BroadcastEngine.record and .snapshot.
 */
import { planBroadcasts } from '../protocols/broadcast/component.js';
import { TRACE_MAX_PEERS } from '../protocols/broadcast/engine.js';
import { broadcastResult } from '../protocols/broadcast/result.js';
import { Phase } from '../protocols/broadcast/state.js';
import type { BroadcastResult } from '../run/results.js';
import type { Scenario } from '../scenario/schema.js';
import type { BroadcastShare, InformLogData } from './protocol.js';

/** Calls `visit` with (log, index) for every entry of `logs`, in (time, tie) order. */
export function mergeLogs(logs: InformLogData[], visit: (log: InformLogData, i: number) => void): void {
  const at = new Array<number>(logs.length).fill(0);
  for (;;) {
    let best = -1, bestTime = Infinity, bestTie = Infinity;
    for (let j = 0; j < logs.length; j++) {
      const i = at[j];
      if (i >= logs[j].length) continue;
      const time = logs[j].time[i], tie = logs[j].tie[i];
      if (best < 0 || time < bestTime || (time === bestTime && tie < bestTie)) {
        best = j; bestTime = time; bestTie = tie;
      }
    }
    if (best < 0) return;
    visit(logs[best], at[best]++);
  }
}

/** shares[p][b]: partition p's share of broadcast b. Returns the started broadcasts' results. */
export function mergeBroadcasts(scenario: Scenario, shares: BroadcastShare[][]): BroadcastResult[] {
  const n = scenario.peers.count;
  const states = planBroadcasts(scenario.workload.broadcasts, scenario.duration);
  const results: BroadcastResult[] = [];
  for (const st of states) {
    const parts = shares.map((s) => s[st.id]);
    const first = parts[0];
    if (first.phase === Phase.Waiting) continue;
    st.phase = Phase.Running;
    st.origin = first.origin;
    st.round = first.round;
    st.ticking = first.ticking;
    for (const p of parts) {
      st.messages += p.messages;
      st.duplicates += p.duplicates;
      st.lost += p.lost;
      st.dropped += p.dropped;
      st.synced += p.synced;
      st.pending += p.pending;
    }
    st.trace = n <= TRACE_MAX_PEERS ? [] : null;
    const trace = st.trace;
    mergeLogs(parts.map((p) => p.log), (log, i) => {
      const time = log.time[i], round = log.round[i], from = log.from[i];
      st.reachedEver++;
      st.liveInformed++;
      st.lastRound = round;
      st.lastTime = time;
      if (round > st.maxRound) st.maxRound = round;
      st.timeline.offer(time, st.liveInformed);
      if (trace) trace.push([log.peer[i], time, from < 0 ? null : from]);
    });
    // No churn in a parallel run: every peer is alive at the end.
    st.aliveAtEnd = n;
    if (!st.ticking && st.pending === 0) st.phase = Phase.Ended;
    results.push(broadcastResult(st));
  }
  return results;
}
