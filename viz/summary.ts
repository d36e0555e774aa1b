/**
 * The headline figures of a run or a sweep, as summary cards: a label, a value and a line
 * of detail. Pure: reads only the results, tolerates any optional section being absent.
 */
import type { BroadcastResult, Results } from '../sim/run/results.js';
import type { SweepResults } from '../sim/run/sweep-results.js';
import { formatDuration, formatNumber, formatPercent } from './format.js';

export interface Card {
  label: string;
  value: string;
  detail?: string;
  /** Section the card belongs to (used as its accent colour). */
  group: 'overlay' | 'engine' | 'broadcast' | 'search' | 'resilience' | 'churn' | 'capacity' | 'sweep';
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function broadcastCards(list: BroadcastResult[]): Card[] {
  if (list.length === 0) return [];
  if (list.length <= 3) {
    return list.map((b, i) => {
      const rounds = num(b.rounds);
      const done = num(b.completionTime);
      const parts = [`${formatNumber(b.reached)} of ${formatNumber(b.alive)} peers`];
      if (rounds !== null) parts.push(`${formatNumber(rounds)} rounds`);
      // completionTime counts from the broadcast's start.
      if (done !== null) parts.push(`done after ${formatDuration(done)}`);
      parts.push(`${formatNumber(b.messages)} messages`);
      return {
        label: `Broadcast ${list.length > 1 ? `#${i + 1} ` : ''}(${b.protocol})`,
        value: formatPercent(b.coverage),
        detail: `coverage — ${parts.join(', ')}`,
        group: 'broadcast' as const,
      };
    });
  }
  const coverage = list.reduce((s, b) => s + (num(b.coverage) ?? 0), 0) / list.length;
  const rounds = list.map((b) => num(b.rounds)).filter((r): r is number => r !== null);
  const complete = list.filter((b) => b.allReached).length;
  return [{
    label: `${list.length} broadcasts`,
    value: formatPercent(coverage),
    detail: `mean coverage — ${complete} reached every peer` +
      (rounds.length ? `, mean ${formatNumber(rounds.reduce((a, b) => a + b, 0) / rounds.length)} rounds` : ''),
    group: 'broadcast',
  }];
}

function searchCards(searches: Record<string, unknown>): Card[] {
  const cards: Card[] = [];
  const byProtocol = record(searches.byProtocol);
  const entries: Array<[string | null, Record<string, unknown>]> =
    byProtocol && Object.keys(byProtocol).length > 1
      ? Object.entries(byProtocol).map(([k, v]) => [k, record(v) ?? {}])
      : [[null, searches]];
  for (const [protocol, s] of entries.slice(0, 4)) {
    const hops = num(s.meanHopsToHit);
    const time = num(s.meanTimeToHit);
    const detail = [`success over ${formatNumber(num(s.queries))} queries`,
      `${formatNumber(num(s.messagesPerQuery))} messages/query`];
    if (hops !== null) detail.push(`${formatNumber(hops)} hops`);
    if (time !== null) detail.push(formatDuration(time) + ' to a hit');
    cards.push({ label: protocol ? `Search (${protocol})` : 'Search', value: formatPercent(num(s.successRate)),
      detail: detail.join(', '), group: 'search' });
  }
  return cards;
}

function resilienceCards(list: Array<Record<string, unknown>>): Card[] {
  return list.slice(0, 3).map((f, i) => {
    const target = typeof f.target === 'string' ? f.target : null;
    const fraction = num(f.fraction);
    const what = [fraction !== null ? formatPercent(fraction) : `${formatNumber(num(f.removed))} peers`,
      target === 'degree' ? 'attack (highest degree)' : target ?? 'failure'].join(' ');
    return {
      label: `Largest component after failure${list.length > 1 ? ` #${i + 1}` : ''}`,
      value: formatPercent(num(f.largestComponentFraction)),
      detail: `${what} at ${formatDuration(num(f.at))}; ${formatNumber(num(f.removed))} removed`,
      group: 'resilience' as const,
    };
  });
}

function capacityCards(c: Record<string, unknown>): Card[] {
  const time = num(c.distributionTime);
  const bound = num(c.lowerBound);
  const ratio = time !== null && bound !== null && bound > 0 ? time / bound : null;
  const cards: Card[] = [{
    label: `Distribution time (${typeof c.mode === 'string' ? c.mode : 'capacity'})`,
    value: formatDuration(time),
    detail: `lower bound ${formatDuration(bound)}${ratio !== null ? ` (× ${formatNumber(ratio)})` : ''}, ` +
      `${formatNumber(num(c.peers))} peers`,
    group: 'capacity',
  }];
  const server = num(c.serverUtilisation);
  const peer = num(c.peerUtilisation);
  if (server !== null || peer !== null) {
    cards.push({ label: 'Upload utilisation', value: formatPercent(peer ?? server),
      detail: [peer !== null ? 'peers (mean)' : null, server !== null ? `server ${formatPercent(server)}` : null]
        .filter(Boolean).join('; '), group: 'capacity' });
  }
  return cards;
}

/** Cards for one run, in reading order: the network, the engine, then each section present. */
export function runCards(r: Results): Card[] {
  const cards: Card[] = [];
  const o = r.overlay;
  const model = r.scenario?.overlay?.model;
  cards.push({ label: 'Peers', value: formatNumber(o?.peers ?? r.scenario?.peers?.count),
    detail: model ? `${model} overlay` : undefined, group: 'overlay' });
  if (o) {
    cards.push({ label: 'Mean degree', value: formatNumber(o.meanDegree),
      detail: `max ${formatNumber(o.maxDegree)}, clustering ${formatNumber(o.clustering)}`, group: 'overlay' });
    cards.push({ label: 'Largest component', value: formatPercent(o.largestComponentFraction),
      detail: `mean path length ${formatNumber(o.meanPathLength)}` +
        (o.pathLengthExact === false && o.pathLengthSources ? ` (${formatNumber(o.pathLengthSources)} sampled sources)` : ''),
      group: 'overlay' });
  }
  const e = r.engine;
  if (e) {
    const threads = num(e.workers) ?? 1;
    cards.push({ label: 'Events', value: formatNumber(e.events),
      detail: `${formatNumber(num(e.eventsPerSecond))} events/s over ${formatDuration(num(e.wallSeconds))} wall time` +
        (threads > 1 ? ` on ${formatNumber(threads)} threads` : ''),
      group: 'engine' });
    cards.push({ label: 'Simulated time', value: formatDuration(e.simulatedSeconds),
      detail: `seed ${r.seed}${num(e.messages) !== null ? `, ${formatNumber(num(e.messages))} messages` : ''}`,
      group: 'engine' });
  }
  if (Array.isArray(r.broadcasts)) cards.push(...broadcastCards(r.broadcasts));
  const searches = record(r.searches);
  if (searches) cards.push(...searchCards(searches));
  if (Array.isArray(r.resilience)) cards.push(...resilienceCards(r.resilience));
  const churn = record(r.churn);
  if (churn) {
    const resync = num(churn.meanResyncTime);
    cards.push({ label: 'Churn', value: `${formatNumber(num(churn.joins))} / ${formatNumber(num(churn.leaves))}`,
      detail: 'joins / leaves' + (resync !== null ? `; resynchronised in ${formatDuration(resync)} on average` : ''),
      group: 'churn' });
  }
  const capacity = record(r.capacity);
  if (capacity) cards.push(...capacityCards(capacity));
  return cards;
}

/** Cards for a sweep: what was varied and how much was run. */
export function sweepCards(s: SweepResults): Card[] {
  const cards: Card[] = [{ label: 'Points', value: formatNumber(s.points.length),
    detail: s.vary.map((v) => `${v.path} × ${v.values.length}`).join(', '), group: 'sweep' },
  { label: 'Replicates', value: formatNumber(s.replicates),
    detail: s.replicates < 5 ? 'seeds per point: too few, the 95 % intervals are wide and unreliable' : 'seeds per point (95 % intervals shown as bands)', group: 'sweep' },
  { label: 'Runs', value: formatNumber(s.engine?.runs ?? s.points.length * s.replicates),
    detail: `${formatDuration(s.engine?.wallSeconds)} of wall time in all`, group: 'engine' }];
  if (s.shard) cards.push({ label: 'Shard', value: `${s.shard.index}/${s.shard.count}`, detail: 'a partial sweep: merge the parts', group: 'sweep' });
  return cards;
}
