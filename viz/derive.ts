/**
 * What the report computes from the results before drawing: theory curves matched to
 * each broadcast, the degree distribution expected of the overlay model, and capacity
 * lower bounds for sweeps. Embedded next to the results as a separate JSON block.
 */
import type { BroadcastResult, Results } from '../sim/run/results.js';
import type { SweepResults } from '../sim/run/sweep-results.js';
import type { BroadcastSpec, Scenario } from '../sim/scenario/schema.js';
import {
  capacityLowerBound, degreeDistributionTheory, distMean, distMin, infectAndDieCoverage, meanFieldRounds,
} from './theory.js';

/** A theory curve (x, y pairs) or a horizontal level, with the legend label to show. */
export type TheoryCurve =
  | { label: string; points: Array<[number, number]> }
  | { label: string; level: number };

export interface RunDerived {
  /** One entry per `results.broadcasts[i]`: its theory, or null where none applies. */
  broadcastTheory: Array<TheoryCurve | null>;
  /** Expected fraction of peers of each degree, or null. */
  degreeTheory: { label: string; points: Array<[number, number]> } | null;
  /** Draw the degree distribution on log-log axes (scale-free or heavy-tailed overlays). */
  degreeLogLog: boolean;
}

export interface SweepDerived {
  /** Capacity lower bounds against the peer count, one line per mode. */
  capacityBounds: Array<{ mode: string; label: string; points: Array<[number, number]> }>;
}

/** The broadcast specs of a scenario, expanded to one entry per started broadcast. */
function expandBroadcasts(scenario: Scenario | undefined): Array<{ start: number; spec: BroadcastSpec }> {
  const out: Array<{ start: number; spec: BroadcastSpec }> = [];
  for (const spec of scenario?.workload?.broadcasts ?? []) {
    for (let i = 0; i < (spec.count ?? 1); i++) out.push({ start: spec.at + i * spec.every, spec });
  }
  return out;
}

/** Finds the spec a broadcast result came from: same protocol and start time, else same index. */
function matchSpecs(broadcasts: BroadcastResult[], scenario: Scenario | undefined): Array<BroadcastSpec | null> {
  const expanded = expandBroadcasts(scenario);
  const used = new Set<number>();
  return broadcasts.map((b, i) => {
    let k = expanded.findIndex((e, j) => !used.has(j) && e.spec.protocol === b.protocol && Math.abs(e.start - b.start) < 1e-9);
    if (k < 0 && i < expanded.length && !used.has(i) && expanded[i].spec.protocol === b.protocol) k = i;
    if (k < 0) return null;
    used.add(k);
    return expanded[k].spec;
  });
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
  const timeOf = (r: number) => (r === 0 ? b.start : scenario?.engine === 'cycle' ? b.start + r * spec.period
    : b.start + (r - 1) * spec.period + delay);
  return {
    label: 'theory (mean-field, per round)',
    points: rounds.map((fraction, r) => [timeOf(r), fraction]),
  };
}

export function deriveRun(r: Results): RunDerived {
  const broadcasts = Array.isArray(r.broadcasts) ? r.broadcasts : [];
  const specs = matchSpecs(broadcasts, r.scenario);
  const histogram = r.overlay?.degreeHistogram ?? [];
  const model = r.scenario?.overlay?.model ?? '';
  const degree = r.scenario?.overlay?.degree ?? r.overlay?.meanDegree ?? 0;
  let degreeTheory: RunDerived['degreeTheory'] = null;
  if (histogram.length > 0) {
    const kMin = histogram[0][0];
    const kMax = histogram[histogram.length - 1][0];
    const points = degreeDistributionTheory(model, degree, kMin, kMax);
    if (points) {
      degreeTheory = {
        label: model === 'barabasi-albert' ? `theory: 2m(m+1)/k(k+1)(k+2), m = ${Math.max(1, Math.floor(degree / 2))}`
          : `theory: Poisson(${degree})`,
        points: points.filter(([, f]) => f > 0),
      };
    }
  }
  const mean = r.overlay?.meanDegree ?? 0;
  const max = r.overlay?.maxDegree ?? 0;
  return {
    broadcastTheory: broadcasts.map((b, i) => broadcastTheory(b, specs[i], r.scenario)),
    degreeTheory,
    degreeLogLog: model === 'barabasi-albert' || (mean > 0 && max / mean >= 8),
  };
}

const numbers = (values: unknown[]): number[] => values.filter((v): v is number => typeof v === 'number');

/**
 * For a sweep that varies `peers.count` and has a capacity experiment: each mode's lower
 * bound against N. A mode the sweep ran uses the bounds the simulator reported (they use
 * the peers' actual drawn bandwidths); a mode it did not run uses the formula with the
 * mean upload and the smallest possible download of the scenario's distributions.
 */
export function deriveSweep(s: SweepResults): SweepDerived {
  const capacity = s.scenario?.capacity;
  const countAxis = s.vary.find((v) => v.path === 'peers.count');
  if (!capacity || !countAxis) return { capacityBounds: [] };
  const counts = numbers(countAxis.values).sort((a, b) => a - b);
  const modeAxis = s.vary.find((v) => v.path === 'capacity.mode');
  const modesRun = new Set<string>(modeAxis ? modeAxis.values.map(String) : [capacity.mode]);
  const out: SweepDerived['capacityBounds'] = [];
  for (const mode of ['client-server', 'p2p']) {
    let points: Array<[number, number]> = [];
    if (modesRun.has(mode)) {
      for (const n of counts) {
        const bounds = s.points
          .filter((p) => p.values['peers.count'] === n && (p.values['capacity.mode'] ?? capacity.mode) === mode)
          .map((p) => p.metrics['capacity.lowerBound']?.mean)
          .filter((v): v is number => typeof v === 'number');
        if (bounds.length) points.push([n, bounds.reduce((a, b) => a + b, 0) / bounds.length]);
      }
    }
    let label = `lower bound (${mode})`;
    if (points.length === 0) {
      const meanUpload = distMean(capacity.peer.upload);
      if (meanUpload === null) continue;
      const params = { file: capacity.file, serverUpload: capacity.server.upload, meanPeerUpload: meanUpload,
        minPeerDownload: distMin(capacity.peer.download) };
      points = counts.map((n) => [n, capacityLowerBound(mode, n, params)]);
      label = `lower bound (${mode}, formula)`;
    }
    out.push({ mode, label, points });
  }
  return { capacityBounds: out };
}
