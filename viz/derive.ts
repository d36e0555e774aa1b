/**
 * What the report computes from the results before drawing: each family's part (theory
 * curves, sections drawn from data), the degree distribution expected of the overlay
 * model, and capacity lower bounds for sweeps. Embedded next to the results as JSON.
 */
import { FAMILIES, FAMILIES_IN_READING_ORDER } from '../sim/families/families.js';
import type { Results } from '../sim/run/results.js';
import type { SweepResults } from '../sim/run/sweep-results.js';
import { capacityLowerBound, degreeDistributionTheory, distMean, distMin, type TheoryCurve } from './theory.js';

/** A theory curve (x, y pairs) or a horizontal level, with the legend label to show. */
export type { TheoryCurve };

export interface RunDerived {
  /** Each family's derived data (e.g. `broadcastTheory`), merged in at the top level. */
  [family: string]: unknown;
  /** Expected fraction of peers of each degree, or null. */
  degreeTheory: { label: string; points: Array<[number, number]> } | null;
  /** Draw the degree distribution on log-log axes (scale-free or heavy-tailed overlays). */
  degreeLogLog: boolean;
}

export interface SweepDerived {
  /** Capacity lower bounds against the peer count, one line per mode. */
  capacityBounds: Array<{ mode: string; label: string; points: Array<[number, number]> }>;
}

export function deriveRun(r: Results): RunDerived {
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
  const derived: RunDerived = {
    degreeTheory,
    degreeLogLog: model === 'barabasi-albert' || (mean > 0 && max / mean >= 8),
  };
  for (const family of FAMILIES) Object.assign(derived, family.derive?.(r));
  // The order the client draws the families' sections in, and the sections described as data.
  derived.families = FAMILIES_IN_READING_ORDER.map((family) => family.name);
  const sections = FAMILIES_IN_READING_ORDER.flatMap((family) => {
    const section = family.reportSection?.(r);
    return section ? [{ family: family.name, ...section }] : [];
  });
  if (sections.length > 0) derived.familySections = sections;
  return derived;
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
