/**
 * The headline figures of a run or a sweep, as summary cards: a label, a value and a line
 * of detail. Pure: reads only the results, tolerates any optional section being absent.
 * Each family's cards come from its descriptor (families/registry.ts).
 */
import type { Card } from '../sim/families/family.js';
import { FAMILIES_IN_READING_ORDER } from '../sim/families/families.js';
import type { Results } from '../sim/run/results.js';
import type { SweepResults } from '../sim/run/sweep-results.js';
import { formatDuration, formatNumber, formatPercent } from './format.js';

export type { Card };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

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
  for (const family of FAMILIES_IN_READING_ORDER) cards.push(...(family.cards?.(r) ?? []));
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
