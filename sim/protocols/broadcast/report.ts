/** The broadcast family's lines in the CLI summary, cards and theory curves in the report. */
import type { Card } from '../../families/family.js';
import type { Results } from '../../run/results.js';
import type { Scenario } from '../../scenario/schema.js';
import type { BroadcastSpec } from './schema.js';
import { fmt, pct } from '../../text/summary-format.js';
import { formatDuration, formatNumber, formatPercent } from '../../../viz/format.js';
import { distMean, infectAndDieCoverage, meanFieldRounds, type TheoryCurve } from '../../../viz/theory.js';
import type { BroadcastResult } from './results-section.js';

export function broadcastSummary(r: Results): string[] {
  return (r.broadcasts ?? []).map((b, i) =>
    `  broadcast ${String(i).padEnd(2)} ${b.protocol.padEnd(9)} from ${fmt(b.origin)} at ${fmt(b.start)} s: coverage ${pct(b.coverage)}` +
      ` (${fmt(b.reached)}/${fmt(b.alive)}), rounds ${fmt(b.rounds)}, done after ${fmt(b.completionTime)} s, ` +
      `${fmt(b.messages)} messages (${fmt(b.duplicates)} duplicates)`);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function broadcastCards(r: Results): Card[] {
  const list = Array.isArray(r.broadcasts) ? r.broadcasts : [];
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
        group: 'broadcast',
      };
    });
  }
  const coverage = list.reduce((s, b) => s + (num(b.coverage) ?? 0), 0) / list.length;
  const rounds = list.map((b) => num(b.rounds)).filter((x): x is number => x !== null);
  const complete = list.filter((b) => b.allReached).length;
  return [{
    label: `${list.length} broadcasts`,
    value: formatPercent(coverage),
    detail: `mean coverage — ${complete} reached every peer` +
      (rounds.length ? `, mean ${formatNumber(rounds.reduce((a, b) => a + b, 0) / rounds.length)} rounds` : ''),
    group: 'broadcast',
  }];
}

/**
 * The theory that applies to one broadcast: the mean-field round-by-round curve for
 * push / pull / push-pull gossip in rounds with uniform targets, or the final coverage
 * of infect-and-die push with uniform targets. Overlay-neighbour gossip and flooding
 * depend on the graph, so no curve is claimed for them.
 */
export function broadcastTheory(b: BroadcastResult, spec: BroadcastSpec | null, scenario: Scenario | undefined): TheoryCurve | null {
  if (!spec || spec.targets !== 'uniform' || b.protocol === 'flood') return null;
  const loss = scenario?.network?.loss ?? 0;
  const n = b.alive > 0 ? b.alive : scenario?.peers?.count ?? 0;
  if (n < 2) return null;
  if (spec.forward === 'once') {
    if (b.protocol !== 'push') return null;
    const level = infectAndDieCoverage(spec.fanout * (1 - loss));
    return { label: `theory (mean-field): final coverage ${(level * 100).toFixed(1)} %`, level };
  }
  const rounds = meanFieldRounds(b.protocol as 'push' | 'pull' | 'push-pull', spec.fanout, n, loss, spec.maxRounds);
  // Round r's exchanges start at the r-th tick, start + (r-1)·period, and land one latency
  // later (a push) or two (a pull request and its reply). The cycle engine has no latency.
  const latency = scenario?.engine === 'cycle' ? 0 : distMean(scenario?.network?.latency ?? { dist: 'constant', value: 0 }) ?? 0;
  const delay = b.protocol === 'push' ? latency : 2 * latency;
  const timeOf = (k: number) => (k === 0 ? b.start : scenario?.engine === 'cycle' ? b.start + k * spec.period
    : b.start + (k - 1) * spec.period + delay);
  return {
    label: 'theory (mean-field, per round)',
    points: rounds.map((fraction, k) => [timeOf(k), fraction]),
  };
}

/**
 * `broadcastTheory`: one entry per `results.broadcasts[i]`, its theory or null. Each result
 * names its `workload.broadcasts` entry (`spec`), so the report never re-plans the broadcasts.
 */
export function broadcastDerived(r: Results): { broadcastTheory: Array<TheoryCurve | null> } {
  const list = Array.isArray(r.broadcasts) ? r.broadcasts : [];
  const specs = r.scenario?.workload?.broadcasts ?? [];
  return {
    broadcastTheory: list.map((b) => {
      const spec = Number.isInteger(b.spec) && b.spec >= 0 && b.spec < specs.length ? specs[b.spec] : null;
      return spec && spec.protocol === b.protocol ? broadcastTheory(b, spec, r.scenario) : null;
    }),
  };
}
