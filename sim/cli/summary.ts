/** The one-screen text summary `gossipsim run` prints on stdout. */
import { FAMILIES_IN_READING_ORDER } from '../families/families.js';
import type { Results } from '../run/results.js';
import { fmt, pct } from '../text/summary-format.js';
import { twoTo } from '../math/two-to.js';

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
  for (const family of FAMILIES_IN_READING_ORDER) lines.push(...(family.summary?.(r) ?? []));
  for (const out of outputs) lines.push(`  wrote      ${out}`);
  return lines.join('\n') + '\n';
}
