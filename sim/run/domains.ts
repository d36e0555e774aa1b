/**
 * The domain of every metric a run reports, declared once per results section (the core
 * here, each family in its descriptor): what values it can take decides the interval a
 * sweep draws around its mean, and the report's axis.
 */
import { FAMILIES_IN_READING_ORDER } from '../families/families.js';

/**
 * - `proportion`: a yes/no outcome per run (`allReached`), averaged over replicates.
 * - `fraction`: a number in [0, 1] (coverage, a success rate).
 * - `count`: a whole number ≥ 0 (messages, peers).
 * - `time`: seconds ≥ 0.
 * - `nonNegative`: any other number ≥ 0 (a mean degree, a ratio, hops per query).
 * - `real`: unbounded; also what an undeclared metric gets.
 * - `input`: not an outcome but a setting or identifier echoed in the results (which peer
 *   started a broadcast, how many path-length sources were used): no interval, no chart.
 */
export type MetricDomain = 'proportion' | 'fraction' | 'count' | 'time' | 'nonNegative' | 'real' | 'input';

/** Lowest and highest value of each domain. */
export const DOMAIN_BOUNDS: Record<MetricDomain, readonly [number, number]> = {
  proportion: [0, 1],
  fraction: [0, 1],
  count: [0, Infinity],
  time: [0, Infinity],
  nonNegative: [0, Infinity],
  real: [-Infinity, Infinity],
  input: [-Infinity, Infinity],
};

type Declarations = Record<string, MetricDomain>;

/**
 * The core sections' declarations; each family declares its own beside its results section
 * (Family.metricDomains). A path segment `[]` stands for any array index and `*` for any
 * key of a keyed record (a protocol name), so one line covers `broadcasts[3].coverage`.
 */
const CORE: Record<string, Declarations> = {
  engine: {
    events: 'count', simulatedSeconds: 'time', messages: 'count', messagesLost: 'count',
  },
  overlay: {
    peers: 'count', meanDegree: 'nonNegative', maxDegree: 'count', minDegree: 'count', degreeSd: 'nonNegative',
    largestComponentFraction: 'fraction', components: 'count', clustering: 'fraction', meanPathLength: 'nonNegative',
    pathLengthSources: 'input', pathLengthExact: 'input', clusteringSamples: 'input', clusteringExact: 'input',
  },
};

let declared: Map<string, MetricDomain> | null = null;

/** Built on first use: the registry's families are loaded by then, whatever imported this first. */
function declarations(): Map<string, MetricDomain> {
  if (declared) return declared;
  declared = new Map();
  const sections = [Object.entries(CORE), ...FAMILIES_IN_READING_ORDER.map((f) => Object.entries(f.metricDomains ?? {}))].flat();
  for (const [section, metrics] of sections) {
    for (const [name, domain] of Object.entries(metrics)) declared.set(`${section}.${name}`, domain);
  }
  return declared;
}

/** Keyed records whose keys are names (protocols), not metric names. */
const KEYED = ['byProtocol'];

/** "broadcasts[2].coverage" -> "broadcasts[].coverage"; "searches.byProtocol.flood.x" -> "searches.byProtocol.*.x". */
export function metricPattern(path: string): string {
  let p = path.replace(/\[\d+\]/g, '[]');
  for (const k of KEYED) p = p.replace(new RegExp(`(^|\\.)${k}\\.[^.]+`, 'g'), `$1${k}.*`);
  return p;
}

/** The declared domain of a flattened metric path, or undefined when nothing declares it. */
export function declaredDomain(path: string): MetricDomain | undefined {
  return declarations().get(metricPattern(path));
}

/** The domain a sweep uses: the declared one, else `real` (Student t, no bounds). */
export function domainOf(path: string): MetricDomain {
  return declaredDomain(path) ?? 'real';
}

/** Every declared pattern (for validating `metrics.highlight` and for the docs). */
export function declaredPatterns(): string[] {
  return [...declarations().keys()];
}
