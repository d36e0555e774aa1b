/**
 * Joins the partitions' shares of each broadcast into the result a one-thread run gives:
 * counters are summed, and the informings are replayed in global (time, tie) order, the
 * order in which a one-thread run records them, to rebuild the timeline, the trace and
 * the last round and time. Mirrors BroadcastEngine.record and .snapshot.
 */
import { planBroadcasts } from '../component.js';
import { TRACE_MAX_PEERS } from '../engine.js';
import { broadcastResult } from '../result.js';
import { Phase } from '../state.js';
import type { BroadcastResult } from '../results-section.js';
import type { Scenario } from '../../../scenario/schema.js';
import type { DownLogData } from './down-log.js';
import { earlier } from './latest.js';
import type { BroadcastShare, InformLogData } from './share.js';

/** What merging orders: entries by (time, tie), then by place within an event where kept. */
type Ordered = Pick<InformLogData, 'length' | 'time' | 'tie' | 'order'>;

/**
 * Whether entry i of a comes before entry j of b, by (time, tie), then by place within the
 * event where the logs keep them (without ties, equal times are in no particular order:
 * the timeline does not depend on it; a cycle-engine round informs many peers in one event).
 */
function before(a: Ordered, i: number, b: Ordered, j: number): boolean {
  if (a.time[i] !== b.time[j]) return a.time[i] < b.time[j];
  if (a.tie === null || b.tie === null) return false;
  if (a.tie[i] !== b.tie[j]) return a.tie[i] < b.tie[j];
  return a.order !== null && b.order !== null && a.order[i] < b.order[j];
}

/**
 * The order in which the logs' entries happened, by (time, tie, place): the k-th informing
 * overall is entry `entry[k]` of log `log[k]` (at most 256 logs: one per partition).
 */
export function mergeOrder(logs: Ordered[]): { log: Uint8Array; entry: Int32Array } {
  let total = 0;
  for (const l of logs) total += l.length;
  const which = new Uint8Array(total), entry = new Int32Array(total);
  if (logs.length === 2) {
    // The common case, two partitions: a plain two-way merge.
    const a = logs[0], b = logs[1], na = a.length, nb = b.length;
    let i = 0, j = 0;
    for (let k = 0; k < total; k++) {
      if (j >= nb || (i < na && before(a, i, b, j))) {
        entry[k] = i++;
      } else {
        which[k] = 1;
        entry[k] = j++;
      }
    }
    return { log: which, entry };
  }
  const lengths = logs.map((l) => l.length);
  const at = new Int32Array(logs.length);
  for (let k = 0; k < total; k++) {
    let best = -1;
    for (let j = 0; j < logs.length; j++) {
      if (at[j] < lengths[j] && (best < 0 || before(logs[j], at[j], logs[best], at[best]))) best = j;
    }
    which[k] = best;
    entry[k] = at[best]++;
  }
  return { log: which, entry };
}



/** Time of the k-th (0-based) entry of the merge of two sorted logs, by binary search. */
export function kthTime(a: InformLogData, b: InformLogData, k: number): number {
  // Find how many of the first k + 1 entries come from a.
  let lo = Math.max(0, k + 1 - b.length), hi = Math.min(k + 1, a.length);
  while (lo < hi) {
    const i = (lo + hi) >>> 1, j = k + 1 - i;
    if (j > 0 && before(a, i, b, j - 1)) lo = i + 1;
    else hi = i;
  }
  const i = lo, j = k + 1 - lo;
  if (i === 0) return b.time[j - 1];
  if (j === 0) return a.time[i - 1];
  return before(a, i - 1, b, j - 1) ? b.time[j - 1] : a.time[i - 1];
}

/** Calls `visit` with (log, index) for every entry of `logs`, in (time, tie) order. */
export function mergeLogs(logs: InformLogData[], visit: (log: InformLogData, i: number) => void): void {
  const { log, entry } = mergeOrder(logs);
  for (let k = 0; k < log.length; k++) visit(logs[log[k]], entry[k]);
}

/**
 * shares[p][b]: partition p's share of broadcast b; `downs`: the peers that went down
 * (failures), or null. Returns the started broadcasts' results.
 */
export function mergeBroadcasts(scenario: Scenario, shares: BroadcastShare[][], downs: DownLogData | null = null): BroadcastResult[] {
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
    const logs = parts.map((p) => p.log).filter((l) => l.length > 0);
    const total = logs.reduce((sum, l) => sum + l.length, 0);
    // No churn: after the k-th informing (0-based), k + 1 peers are informed, all alive
    // without failures; with them, less those that went down holding the rumour before it.
    const events = downs === null ? 0 : downs.time.length;
    const lostBefore = downs === null ? null : downs.informed[st.id];
    let e = 0, lost = 0;
    const informedAfter = (k: number) => k + 1 - lost;
    if (first.churn) {
      mergeWithChurn(st, parts, logs, total);
      results.push(broadcastResult(st));
      continue;
    }
    if (first.timeline) {
      // Built by partition 0 as the run went (timeline-stream.ts).
      st.timeline.load(first.timeline);
    } else if (trace === null && logs.length <= 2 && events === 0) {
      // Only the changes the timeline keeps (a few thousand) are looked up.
      st.timeline.offerAll(total, logs.length === 1 ? (k) => logs[0].time[k] : (k) => kthTime(logs[0], logs[1], k), informedAfter);
    } else {
      const order = mergeOrder(logs);
      for (let k = 0; k < total; k++) {
        const log = logs[order.log[k]], i = order.entry[k];
        const time = log.time[i];
        for (; e < events && earlier(downs!.time[e], downs!.tie[e], time, log.tie![i]); e++) lost += lostBefore![e];
        st.timeline.offer(time, informedAfter(k));
        if (trace) {
          const from = log.from![i];
          trace.push([log.peer![i], time, from < 0 ? null : from]);
        }
      }
    }
    // The result is frozen when the broadcast ends (at its latest event), or at the end of
    // the run: the peers down by then are not counted as reached or alive.
    let endTime = -Infinity, endTie = 0;
    for (const p of parts) if (earlier(endTime, endTie, p.endTime, p.endTie)) { endTime = p.endTime; endTie = p.endTie; }
    const ended = !st.ticking && st.pending === 0;
    let down = 0;
    lost = 0;
    for (let d = 0; d < events; d++) {
      if (ended && !earlier(downs!.time[d], downs!.tie[d], endTime, endTie)) break;
      down += downs!.peers[d];
      lost += lostBefore![d];
    }
    st.reachedEver = total;
    st.liveInformed = total - lost;
    // The latest informing overall, and the largest round. Latest entries of one event
    // (a cycle-engine round; the origin and round 1 share the start) are in rounds that only
    // grow within it: the largest is the one-thread run's last.
    let latest: (typeof logs)[number] | null = null;
    for (const log of logs) {
      if (log.maxRound > st.maxRound) st.maxRound = log.maxRound;
      if (log.length === 0) continue;
      const tie = latest === null ? 0 : latest.lastTie;
      if (latest === null || log.lastTime > st.lastTime || (log.lastTime === st.lastTime && (log.lastTie > tie
        || (log.lastTie === tie && log.lastRound > st.lastRound)))) {
        latest = log;
        st.lastTime = log.lastTime;
        st.lastRound = log.lastRound;
      }
    }
    // No churn in a parallel run: every peer is alive at the end, but those failures took down.
    st.aliveAtEnd = n - down;
    if (ended) st.phase = Phase.Ended;
    results.push(broadcastResult(st));
  }
  return results;
}

/**
 * With churn (churn.ts): the informings and the holders going down (−1) and coming back
 * (+1), replayed in (time, tie) order, give the live count each informing offers to the
 * timeline, as BroadcastEngine.record does; the logs and counts were cut back where the
 * broadcast ended, so the last figures are those frozen there.
 */
function mergeWithChurn(st: ReturnType<typeof planBroadcasts>[number], parts: BroadcastShare[], logs: InformLogData[], total: number): void {
  const trace = st.trace;
  const holders = parts.map((p) => p.churn!.holders).filter((h) => h.length > 0);
  const changes = mergeOrder(holders);
  const order = mergeOrder(logs);
  let h = 0, net = 0;
  for (let k = 0; k < total; k++) {
    const log = logs[order.log[k]], i = order.entry[k];
    const time = log.time[i], tie = log.tie![i];
    for (; h < changes.log.length; h++) {
      const c = holders[changes.log[h]], j = changes.entry[h];
      if (!earlier(c.time[j], c.tie[j], time, tie)) break;
      net += c.delta[j];
    }
    st.timeline.offer(time, k + 1 + net);
    if (trace) {
      const from = log.from![i];
      trace.push([log.peer![i], time, from < 0 ? null : from]);
    }
  }
  for (; h < changes.log.length; h++) net += holders[changes.log[h]].delta[changes.entry[h]];
  st.reachedEver = total;
  st.liveInformed = total + net;
  st.aliveAtEnd = parts.reduce((sum, p) => sum + p.churn!.alive, 0);
  for (const log of logs) if (log.maxRound > st.maxRound) st.maxRound = log.maxRound;
  let latest: InformLogData | null = null;
  for (const log of logs) {
    if (latest === null || earlier(latest.lastTime, latest.lastTie, log.lastTime, log.lastTie)) latest = log;
  }
  if (latest !== null) {
    st.lastTime = latest.lastTime;
    st.lastRound = latest.lastRound;
  }
  if (!st.ticking && st.pending === 0) st.phase = Phase.Ended;
}
