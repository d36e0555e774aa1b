/**
 * The domain of every metric a run reports, declared once per results section: what
 * values it can take decides the interval a sweep draws around its mean, and the report's axis.
 */

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

/** What a search reports, overall, per protocol and per `workload.searches` entry. */
const SEARCH: Declarations = {
  queries: 'count',
  successRate: 'fraction',
  messagesPerQuery: 'nonNegative',
  peersProbedPerQuery: 'nonNegative',
  meanHopsToHit: 'nonNegative',
  meanTimeToHit: 'time',
  queryMessages: 'count',
  answerMessages: 'count',
  controlMessages: 'count',
  meanProbesToHit: 'nonNegative',
  localHits: 'count',
  unfinished: 'count',
  meanRings: 'nonNegative',
};

/**
 * Declarations by section. A path segment `[]` stands for any array index and `*` for any
 * key of a keyed record (a protocol name), so one line covers `broadcasts[3].coverage`.
 * Each block is what a protocol family would declare beside its results section.
 */
const SECTIONS: Record<string, Declarations> = {
  engine: {
    events: 'count', simulatedSeconds: 'time', messages: 'count', messagesLost: 'count',
  },
  overlay: {
    peers: 'count', meanDegree: 'nonNegative', maxDegree: 'count', minDegree: 'count', degreeSd: 'nonNegative',
    largestComponentFraction: 'fraction', components: 'count', clustering: 'fraction', meanPathLength: 'nonNegative',
    pathLengthSources: 'input', pathLengthExact: 'input', clusteringSamples: 'input', clusteringExact: 'input',
  },
  'broadcasts[]': {
    origin: 'input', start: 'input', id: 'input', spec: 'input', fanout: 'input',
    reached: 'count', reachedEver: 'count', alive: 'count', coverage: 'fraction', allReached: 'proportion',
    rounds: 'count', completionTime: 'time', messages: 'count', duplicates: 'count', lost: 'count',
    dropped: 'count', synced: 'count', ended: 'proportion',
  },
  searches: SEARCH,
  'searches.byProtocol.*': SEARCH,
  'searches.bySearch[]': SEARCH,
  'searches.directory': { superPeers: 'count', registrationMessages: 'count', reattachments: 'count' },
  data: {
    objects: 'input', ratio: 'input', replicas: 'count', minReplicas: 'count', maxReplicas: 'count',
    storedReplicas: 'count', expectedSearchSize: 'nonNegative',
  },
  'resilience[]': {
    at: 'input', removed: 'count', aliveBefore: 'count', largestComponentFraction: 'fraction',
    survivorsLargestComponentFraction: 'fraction', components: 'count',
  },
  dynamics: {
    largestComponentEvery: 'input', walks: 'count', walkLinks: 'count', walksLost: 'count', walksRefused: 'count',
  },
  churn: {
    joins: 'count', leaves: 'count', arrivals: 'count', meanResyncTime: 'time', resyncs: 'count',
    resyncPending: 'count', rumoursPulled: 'count', meanSession: 'time', meanDowntime: 'time',
    joinRetries: 'count', joinsAlone: 'count',
  },
  sampling: {
    exchanges: 'count', inDegreeMean: 'nonNegative', inDegreeSd: 'nonNegative', inDegreeMin: 'count',
    inDegreeMax: 'count', viewFill: 'fraction', deadLinks: 'fraction', clustering: 'fraction',
    meanPathLength: 'nonNegative', pathLengthSources: 'input', pathLengthExact: 'input',
  },
  capacity: {
    peers: 'input', chunks: 'input', serverSlots: 'input', minDownload: 'input', totalPeerUpload: 'nonNegative',
    completionTimesSampled: 'input', distributionTime: 'time', lowerBound: 'time', meanCompletionTime: 'time',
    serverUtilisation: 'fraction', peerUtilisation: 'fraction', chunkTransfers: 'count', abortedTransfers: 'count',
    completed: 'count', left: 'count', leftAfterCompleting: 'count', unfinished: 'count',
    // Ratios of a peak rate to a capacity: at most 1 in theory, a hair above it in floating point.
    maxUploadRateRatio: 'nonNegative', maxDownloadRateRatio: 'nonNegative', serverPeakUploadRatio: 'nonNegative',
    meanNeighbours: 'nonNegative',
  },
  'capacity.lowerBoundTerms': {
    serverUpload: 'time', slowestDownload: 'time', totalUpload: 'time',
  },
};

const DECLARED = new Map<string, MetricDomain>();
for (const [section, metrics] of Object.entries(SECTIONS)) {
  for (const [name, domain] of Object.entries(metrics)) DECLARED.set(`${section}.${name}`, domain);
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
  return DECLARED.get(metricPattern(path));
}

/** The domain a sweep uses: the declared one, else `real` (Student t, no bounds). */
export function domainOf(path: string): MetricDomain {
  return declaredDomain(path) ?? 'real';
}

/** Every declared pattern (for validating `metrics.highlight` and for the docs). */
export function declaredPatterns(): string[] {
  return [...DECLARED.keys()];
}
