/**
 * What the report computes from the results before drawing: each family's part (theory
 * curves, sections drawn from data), the degree distribution expected of the overlay
 * model, and for a sweep each family's part and section titles. Embedded next to the results as JSON.
 */
import { FAMILIES, FAMILIES_IN_READING_ORDER } from '../sim/families/families.js';
import type { Results } from '../sim/run/results.js';
import type { SweepResults } from '../sim/run/sweep-results.js';
import { degreeDistributionTheory, type TheoryCurve } from './theory.js';

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
  /** Each family's derived data (e.g. `capacityBounds`), merged in at the top level. */
  [family: string]: unknown;
  /** The families' results sections with their titles, in reading order. */
  sections: Array<{ key: string; title: string }>;
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

/**
 * What the sweep report draws besides the sweep: each family's part (e.g. capacity's lower
 * bounds against N), and the titles and order of the results' sections for its folds.
 */
export function deriveSweep(s: SweepResults): SweepDerived {
  const derived: SweepDerived = {
    sections: FAMILIES_IN_READING_ORDER.flatMap((family) =>
      Object.entries(family.results.titles as Record<string, string>).map(([key, title]) => ({ key, title }))),
  };
  for (const family of FAMILIES) Object.assign(derived, family.deriveSweep?.(s));
  return derived;
}
