/** The one-screen text summary `gossipsim run` prints on stdout. */
import type { Results } from '../run/results.js';
import { twoTo } from '../math/two-to.js';

const fmt = (x: unknown, digits = 3): string => {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return String(x);
    if (Number.isInteger(x)) return x.toLocaleString('en-US');
    return x.toPrecision(digits).replace(/\.?0+$/, '');
  }
  return String(x);
};
const pct = (x: unknown): string => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '—');

export function formatSummary(r: Results, outputs: string[]): string {
  const lines: string[] = [];
  const e = r.engine;
  lines.push(`${r.scenario.name}  (seed ${r.seed}, ${r.scenario.engine} engine)`);
  lines.push(
    `  engine     ${fmt(e.events)} events in ${fmt(e.wallSeconds)} s wall${e.workers > 1 ? ` on ${e.workers} threads` : ''}, ` +
      `${fmt(e.simulatedSeconds)} s simulated, ` +
      `${fmt(e.eventsPerSecond)} events/s, peak RSS ${fmt(Math.round(e.peakRssBytes / twoTo(20)))} MiB`,
  );
  const o = r.overlay;
  lines.push(
    `  overlay    ${r.scenario.overlay.model}: ${fmt(o.peers)} peers, mean degree ${fmt(o.meanDegree)}, max ${fmt(o.maxDegree)}, ` +
      `largest component ${pct(o.largestComponentFraction)}, clustering ${fmt(o.clustering)}, mean path ${fmt(o.meanPathLength)}`,
  );
  for (const [i, b] of (r.broadcasts ?? []).entries()) {
    lines.push(
      `  broadcast ${String(i).padEnd(2)} ${b.protocol.padEnd(9)} from ${fmt(b.origin)} at ${fmt(b.start)} s: coverage ${pct(b.coverage)}` +
        ` (${fmt(b.reached)}/${fmt(b.alive)}), rounds ${fmt(b.rounds)}, done after ${fmt(b.completionTime)} s, ` +
        `${fmt(b.messages)} messages (${fmt(b.duplicates)} duplicates)`,
    );
  }
  const s = r.searches as Record<string, unknown> | undefined;
  if (s) {
    lines.push(
      `  searches   ${fmt(s.queries)} queries: success ${pct(s.successRate)}, ${fmt(s.messagesPerQuery)} messages/query, ` +
        `${fmt(s.peersProbedPerQuery)} peers probed/query, ${fmt(s.meanHopsToHit)} hops and ${fmt(s.meanTimeToHit)} s to first hit`,
    );
    const by = s.byProtocol as Record<string, Record<string, unknown>> | undefined;
    if (by && Object.keys(by).length > 1) {
      for (const [p, v] of Object.entries(by)) {
        lines.push(`    ${p.padEnd(15)} success ${pct(v.successRate)}, ${fmt(v.messagesPerQuery)} messages/query, ${fmt(v.meanHopsToHit)} hops to hit`);
      }
    }
  }
  for (const f of r.resilience ?? []) {
    lines.push(
      `  failure    at ${fmt(f.at)} s: ${fmt(f.removed)} peers removed (${fmt(f.target)}), largest component ${pct(f.largestComponentFraction)} of the peers alive before`,
    );
  }
  const c = r.churn as Record<string, unknown> | undefined;
  if (c) lines.push(`  churn      ${fmt(c.joins)} joins, ${fmt(c.leaves)} leaves, mean resync time ${fmt(c.meanResyncTime)} s`);
  const cap = r.capacity as Record<string, unknown> | undefined;
  if (cap) {
    lines.push(
      `  capacity   ${fmt(cap.mode)} to ${fmt(cap.peers)} peers: distribution time ${fmt(cap.distributionTime)} s ` +
        `(lower bound ${fmt(cap.lowerBound)} s)`,
    );
  }
  for (const out of outputs) lines.push(`  wrote      ${out}`);
  return lines.join('\n') + '\n';
}
