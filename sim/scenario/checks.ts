/**
 * Checks that involve several keys (an overlay that cannot be built, a peer id past the
 * population, a search that needs a section that is absent), run after each key is valid.
 */
import type { Scenario } from './schema.js';
import type { KeyPath } from './errors.js';
import { formatDuration } from './units.js';
import { declaredDomain, declaredPatterns } from '../run/domains.js';
import { didYouMean } from './suggest.js';
import { MAX_LINK_ENDS, MAX_SAMPLES } from './limits.js';
import { grouped } from '../text/group-digits.js';
import type { CheckContext } from './fragment.js';
import { FRAGMENTS } from '../families/families.js';

export interface Problem {
  /** Key path the message is attached to (its line:column is reported). */
  path: KeyPath;
  detail: string;
}

/**
 * Every cross-field problem of a scenario whose keys are individually valid.
 * `given(path)` tells whether a value came from the input (else it is a default), so
 * a message can say "(the default)".
 *
 * The generic checks are here; each family's fragment (its folder's schema.ts) checks its own
 * keys, and says which of its results sections a `metrics.highlight` path may name.
 *
 * - overlay: random-regular needs degree < peers.count and peers.count × degree even;
 *   erdos-renyi degree <= peers.count − 1; barabasi-albert an even degree >= 2 with
 *   degree/2 < peers.count; watts-strogatz an even degree < peers.count; join-random
 *   degree <= maxDegree; peers.count × degree below 2^31 (sim/scenario/limits.ts).
 * - metrics: duration / sample at most 10^7 samples; each highlight path names a metric
 *   this scenario reports (not an input such as a broadcast's origin), with an index below
 *   the size of its section, as each family's fragment says (HighlightScope).
 */
export function crossChecks(scenario: Scenario, given: (path: KeyPath) => boolean): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: KeyPath, detail: string) => problems.push({ path, detail });
  const the = (path: KeyPath, text: string | number) => `${text}${given(path) ? '' : ' (the default)'}`;

  const n = scenario.peers.count;
  const { model, degree, maxDegree } = scenario.overlay;
  const degreePath = ['overlay', 'degree'];
  const k = the(degreePath, degree);
  switch (model) {
    case 'random-regular':
      if (degree >= n) problem(degreePath, `random-regular needs degree < peers.count (${n}), got ${k}`);
      else if ((n * degree) % 2 !== 0) {
        problem(degreePath, `random-regular needs peers.count × degree to be even (a graph of n peers of degree k has n·k/2 links), got ${n} × ${k}`);
      }
      break;
    case 'erdos-renyi':
      if (degree > n - 1) problem(degreePath, `erdos-renyi needs degree <= peers.count - 1 (${n - 1}), got ${k}`);
      break;
    case 'barabasi-albert':
      if (degree < 2 || degree % 2 !== 0) {
        problem(degreePath, `barabasi-albert needs an even degree >= 2 (each new peer brings m = degree/2 links), got ${k}`);
      } else if (degree / 2 >= n) problem(degreePath, `barabasi-albert needs degree/2 < peers.count (${n}), got ${k}`);
      break;
    case 'watts-strogatz':
      if (degree % 2 !== 0) problem(degreePath, `watts-strogatz needs an even degree (degree/2 lattice neighbours on each side), got ${k}`);
      else if (degree >= n) problem(degreePath, `watts-strogatz needs degree < peers.count (${n}), got ${k}`);
      break;
    case 'join-random':
      if (degree > maxDegree) {
        problem(degreePath, `join-random needs degree <= overlay.maxDegree (${the(['overlay', 'maxDegree'], maxDegree)}), got ${k}`);
      }
      break;
  }
  if (n * degree > MAX_LINK_ENDS) {
    problem(degreePath, `peers.count × degree must stay below 2^31 (links are indexed by 32-bit offsets), got ${n} × ${k}`);
  }

  const end = scenario.duration;
  const never = `, at or after the end of the run (duration: ${the(['duration'], formatDuration(end))}), so it would never happen`;
  const context: CheckContext = { problem, given, the, never };
  for (const fragment of FRAGMENTS) fragment.check?.(scenario, context);

  const samples = end / scenario.metrics.sample;
  if (samples > MAX_SAMPLES) {
    problem(['metrics', 'sample'], `duration / sample must be at most ${grouped(MAX_SAMPLES)} samples (each is an event and a row of every time series), got ${grouped(Math.ceil(samples))}: use a sample of at least ${formatDuration(end / MAX_SAMPLES)}`);
  }
  (scenario.metrics.highlight ?? []).forEach((path, i) => {
    const detail = highlightProblem(scenario, path);
    if (detail) problem(['metrics', 'highlight', i], detail);
  });
  return problems;
}

const OUTCOMES = declaredPatterns().filter((p) => declaredDomain(p) !== 'input');

/** Why a `metrics.highlight` path names no metric of this scenario, or undefined. */
function highlightProblem(scenario: Scenario, path: string): string | undefined {
  const domain = declaredDomain(path);
  if (domain === undefined) {
    // Suggest on the patterns, then give the user's own indices back.
    const indices = path.match(/\[\d+\]/g) ?? [];
    let k = 0;
    const hint = didYouMean(path.replace(/\[\d+\]/g, '[]'), OUTCOMES).replace(/\[\]/g, () => indices[k++] ?? '[0]');
    return `'${path}' names no metric${hint} Write a path as in a sweep's results, e.g. broadcasts[0].coverage (docs/sweep-statistics.md lists them)`;
  }
  if (domain === 'input') return `'${path}' is a setting or identifier echoed in the results, not an outcome to chart`;
  const scopes = FRAGMENTS.flatMap((f) => (f.highlight ? [f.highlight] : []));
  for (const { pattern, count, what } of scopes.flatMap((h) => h.indexed ?? [])) {
    const m = pattern.exec(path);
    const n = m ? count(scenario) : 0;
    if (m && Number(m[1]) >= n) return `'${path}': index ${m[1]} is past the ${n} ${what} this scenario has (indices start at 0)`;
  }
  for (const { prefix, present, what } of scopes.flatMap((h) => h.needs ?? [])) {
    if (path.startsWith(prefix) && !present(scenario)) return `'${path}' is reported only by a scenario with ${what}, which this one has not`;
  }
  for (const scope of scopes) {
    const detail = scope.other?.(scenario, path);
    if (detail) return detail;
  }
  return undefined;
}
