/** The broadcast family's terms of the memory estimate (see run/memory-estimate.ts for the model). */
import type { MemoryInput, MemoryPart, MemoryTerm } from '../../families/family.js';
import type { BroadcastSpec } from './schema.js';
import { ln } from '../../math/strict.js';
import { protocolOf } from './protocols.js';

/** Broadcasts started before `duration` by one entry (component.ts planBroadcasts). */
function broadcastsOf(spec: BroadcastSpec, duration: number): number {
  if (spec.at > duration) return 0;
  if (spec.count <= 1 || spec.every <= 0) return 1;
  return Math.min(spec.count, Math.floor((duration - spec.at) / spec.every) + 1);
}

/** Expected rounds of a periodic broadcast (push: log2 n + ln n + O(1), Pittel 1987), capped by maxRounds. */
function expectedRounds(n: number, spec: BroadcastSpec): number {
  return Math.min(spec.maxRounds, Math.ceil(ln(Math.max(2, n)) * (1 / Math.LN2 + 1) + 4));
}

/** Broadcasts of one entry running at the same time, at most. */
function concurrentBroadcasts(n: number, spec: BroadcastSpec, duration: number): number {
  const started = broadcastsOf(spec, duration);
  if (started <= 1) return started;
  const lifetime = protocolOf(spec).periodic ? expectedRounds(n, spec) * spec.period : 0;
  return Math.min(started, Math.ceil(lifetime / Math.max(spec.every, 1e-9)) + 1);
}

/**
 * Broadcast messages in flight at the busiest moment, per peer (event engine), measured at
 * 2·10^5 peers with latency U(100, 500 ms) and period 1 s: pull requests are never elided
 * (1.0 × fanout: every uninformed peer asks each round); with elision, pushes carry first
 * copies only (0.19 × fanout in rounds, 0.14 × fanout/2 once) and a flood wave 0.87; without
 * it, 1.0 × fanout for pushes and 4.3 for a flood over degree 8 (0.55 × degree).
 */
function pendingPerPeer(spec: BroadcastSpec, degree: number, elide: boolean): number {
  if (spec.protocol === 'pull' || spec.protocol === 'push-pull') return spec.fanout;
  if (spec.protocol === 'flood') return elide ? 0.9 : 0.55 * degree;
  if (spec.forward === 'once') return (elide ? 0.08 : 0.15) * spec.fanout;
  return (elide ? 0.2 : 1) * spec.fanout;
}

/**
 * A bitset per broadcast (kept for anti-entropy), per running broadcast the arrival times
 * of elided duplicates (event engine, 8 B) or the round bitsets (cycle).
 */
export function broadcastMemory({ scenario, initialPeers: n0, peers: n, perPeer }: MemoryInput): MemoryPart | null {
  const specs = scenario.workload.broadcasts;
  if (specs.length === 0) return null;
  const duration = scenario.duration;
  const cycle = scenario.engine === 'cycle';
  const elide = scenario.churn === null && scenario.failures.length === 0;
  let count = 0, concurrent = 0, flood = 0, peakPending = 0, otherPending = 0;
  for (const spec of specs) {
    const c = concurrentBroadcasts(n0, spec, duration);
    count += broadcastsOf(spec, duration);
    concurrent += c;
    if (spec.protocol === 'flood') flood += c;
    // Broadcasts running together are at different stages: one is at its busiest, the
    // others count a fifth of that each.
    const busiest = n0 * pendingPerPeer(spec, scenario.overlay.degree, elide);
    otherPending += Math.max(0, c - 1) * busiest / 5;
    if (c > 0) { otherPending += Math.min(peakPending, busiest) / 5; peakPending = Math.max(peakPending, busiest); }
  }
  const terms: MemoryTerm[] = [perPeer('broadcast streams', 4), { what: `rumour bitsets (${count} broadcasts)`, bytes: (count * n) / 8 }];
  if (cycle) terms.push({ what: 'round bitsets', bytes: concurrent * n * 0.25 + flood * n * 4 });
  else if (elide) terms.push({ what: 'arrival times (elision of duplicates)', bytes: concurrent * n * 8 });
  return { terms, pendingEvents: cycle ? 0 : peakPending + otherPending };
}
