/**
 * Checks that involve several keys (an overlay that cannot be built, a peer id past the
 * population, a search that needs a section that is absent), run after each key is valid.
 */
import type { Scenario } from './schema.js';
import type { KeyPath } from './errors.js';
import { formatDuration, formatSize } from './units.js';
import { declaredDomain, declaredPatterns } from '../run/domains.js';
import { didYouMean } from './suggest.js';
import {
  MAX_CHUNKS, MAX_INITIAL_PEERS, MAX_LINK_ENDS, MAX_QUERIES, MAX_REPLICAS, MAX_RUMOURS, MAX_SAMPLES,
} from './limits.js';
import { grouped } from '../text/group-digits.js';

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
 * - overlay: random-regular needs degree < peers.count and peers.count × degree even;
 *   erdos-renyi degree <= peers.count − 1; barabasi-albert an even degree >= 2 with
 *   degree/2 < peers.count; watts-strogatz an even degree < peers.count; join-random
 *   degree <= maxDegree; sampling shuffleLength <= viewSize.
 * - workload: a broadcast origin must be a peer id < peers.count; a broadcast, search or
 *   failure must start before `duration`; a `directory` search needs `hybrid`;
 *   expanding-ring ringStart <= ttl; a search gives `count` or `rate`, not both.
 * - hybrid: superPeers × peers.count >= 1 (at least one super-peer).
 * - capacity: chunk <= file.
 * - metrics.highlight: each path names a metric this scenario reports (not an input such as
 *   a broadcast's origin), with an index below the number of broadcasts, failures or searches.
 * - sizes the engine must allocate (sim/scenario/limits.ts): a fanout at most peers.count;
 *   peers.count × degree below 2^31; peers.count + arrivals × duration at most 16 million;
 *   at most 10^4 rumours and 10^6 queries in all; objects × replicas below 2^31; at most
 *   2^20 chunks; duration / metrics.sample at most 10^7 samples.
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
  const sampling = scenario.overlay.sampling;
  if (sampling && sampling.shuffleLength > sampling.viewSize) {
    const p = ['overlay', 'sampling', 'shuffleLength'];
    problem(p, `expected at most overlay.sampling.viewSize (${the(['overlay', 'sampling', 'viewSize'], sampling.viewSize)}), got ${the(p, sampling.shuffleLength)}`);
  }

  const end = scenario.duration;
  const never = `, at or after the end of the run (duration: ${the(['duration'], formatDuration(end))}), so it would never happen`;
  scenario.workload.broadcasts.forEach((b, i) => {
    const base = ['workload', 'broadcasts', i];
    if (typeof b.origin === 'number' && b.origin >= n) {
      problem([...base, 'origin'], `peer ${b.origin} does not exist: peers.count is ${n}, so peer ids go from 0 to ${n - 1}`);
    }
    if (b.at >= end) problem([...base, 'at'], `the broadcast starts at ${formatDuration(b.at)}${never}`);
    if (b.fanout > n) problem([...base, 'fanout'], `expected at most peers.count (${n}): there are no more peers to contact, got ${b.fanout}`);
  });
  const rumours = scenario.workload.broadcasts.reduce((sum, b) => sum + b.count, 0);
  if (rumours > MAX_RUMOURS) {
    problem(['workload', 'broadcasts'], `at most ${MAX_RUMOURS} rumours in all (each keeps state for every peer), got ${rumours} (the sum of the counts)`);
  }
  let queries = 0;
  scenario.workload.searches.forEach((q, i) => {
    const base = ['workload', 'searches', i];
    if (q.protocol === 'directory' && scenario.hybrid === null) {
      problem([...base, 'protocol'], "a 'directory' search needs super-peers: add a hybrid section, e.g. hybrid: { superPeers: 0.01 }");
    }
    if (q.protocol === 'expanding-ring' && q.ringStart > q.ttl) {
      problem([...base, 'ringStart'], `expected at most ttl (${the([...base, 'ttl'], q.ttl)}), got ${q.ringStart}`);
    }
    if (q.rate > 0 && given([...base, 'count'])) {
      problem([...base, 'rate'], 'give either count (a fixed number of queries) or rate (queries per second), not both');
    }
    if (q.start >= end) problem([...base, 'start'], `the searches start at ${formatDuration(q.start)}${never}`);
    queries += q.rate > 0 ? q.rate * Math.max(0, end - q.start) : q.count;
  });
  if (queries > MAX_QUERIES) {
    problem(['workload', 'searches'], `at most ${grouped(MAX_QUERIES)} queries in all (each keeps the peers it visited while it runs), got ${grouped(Math.ceil(queries))} (counts, and rate × the time from start to the end of the run)`);
  }
  const churn = scenario.churn;
  if (churn && n + churn.arrivals * end > MAX_INITIAL_PEERS) {
    problem(['churn', 'arrivals'], `peers.count + arrivals × duration must stay at most ${grouped(MAX_INITIAL_PEERS)} peers (the ids the engine can give out), got ${grouped(Math.ceil(n + churn.arrivals * end))}`);
  }
  const samples = end / scenario.metrics.sample;
  if (samples > MAX_SAMPLES) {
    problem(['metrics', 'sample'], `duration / sample must be at most ${grouped(MAX_SAMPLES)} samples (each is an event and a row of every time series), got ${grouped(Math.ceil(samples))}: use a sample of at least ${formatDuration(end / MAX_SAMPLES)}`);
  }
  const { objects, replication } = scenario.data;
  if (objects * (replication.ratio * n + 1) > MAX_REPLICAS) {
    problem(['data', 'objects'], `objects × replicas per item (ratio × peers.count) must stay below 2^31 (holder lists are indexed by 32-bit offsets), got ${objects} × ${Number((replication.ratio * n).toPrecision(3))}`);
  }
  scenario.failures.forEach((f, i) => {
    if (f.at >= end) problem(['failures', i, 'at'], `the failure happens at ${formatDuration(f.at)}${never}`);
  });

  if (scenario.hybrid && scenario.hybrid.superPeers * n < 1) {
    problem(['hybrid', 'superPeers'], `${scenario.hybrid.superPeers} of ${n} peers promotes no super-peer: expected at least 1/peers.count (${Number((1 / n).toPrecision(3))})`);
  }
  const capacity = scenario.capacity;
  if (capacity && capacity.chunk > capacity.file) {
    problem(['capacity', 'chunk'], `expected a chunk no larger than capacity.file (${formatSize(capacity.file)}), got ${formatSize(capacity.chunk)}`);
  } else if (capacity && capacity.mode === 'p2p' && Math.ceil(capacity.file / capacity.chunk) > MAX_CHUNKS) {
    problem(['capacity', 'chunk'], `a file of ${formatSize(capacity.file)} in chunks of ${formatSize(capacity.chunk)} makes ${grouped(Math.ceil(capacity.file / capacity.chunk))} chunks, more than the ${grouped(MAX_CHUNKS)} a peer can track: use a chunk of at least ${formatSize(Math.ceil(capacity.file / MAX_CHUNKS))}`);
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
  const broadcasts = scenario.workload.broadcasts.reduce((n, b) => n + b.count, 0);
  const sections: Array<[RegExp, number, string]> = [
    [/^broadcasts\[(\d+)\]/, broadcasts, 'broadcast(s) (workload.broadcasts, counting each count)'],
    [/^resilience\[(\d+)\]/, scenario.failures.length, 'failure(s) (failures)'],
    [/^searches\.bySearch\[(\d+)\]/, scenario.workload.searches.length, 'search batch(es) (workload.searches)'],
  ];
  for (const [re, count, what] of sections) {
    const m = re.exec(path);
    if (m && Number(m[1]) >= count) return `'${path}': index ${m[1]} is past the ${count} ${what} this scenario has (indices start at 0)`;
  }
  const needs: Array<[string, boolean, string]> = [
    ['capacity.', scenario.capacity !== null, 'a capacity section'],
    ['churn.', scenario.churn !== null, 'a churn section'],
    ['sampling.', scenario.overlay.sampling !== null, 'overlay.sampling'],
    ['searches.', scenario.workload.searches.length > 0, 'workload.searches'],
  ];
  for (const [prefix, present, what] of needs) {
    if (path.startsWith(prefix) && !present) return `'${path}' is reported only by a scenario with ${what}, which this one has not`;
  }
  const protocol = /^searches\.byProtocol\.([^.]+)\./.exec(path);
  if (protocol && !scenario.workload.searches.some((q) => q.protocol === protocol[1])) {
    return `'${path}': no search of this scenario uses protocol '${protocol[1]}'`;
  }
  return undefined;
}
