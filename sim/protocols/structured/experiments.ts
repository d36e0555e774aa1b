/**
 * The structured overlay alone (no searches), built and driven from outside a run: the
 * experiments behind the validation table (scripts/validation.ts) and the tests, and what
 * the papers predict for them.
 */
import { createContext } from '../../run/create-context.js';
import { loadScenarioText } from '../../scenario/load.js';
import type { SimContext } from '../../run/context.js';
import { NamedStream } from '../../engine/random.js';
import { pow } from '../../math/strict.js';
import { twoTo } from '../../math/two-to.js';
import { StructuredComponent } from './component.js';
import type { Chord } from './chord.js';
import type { Kademlia } from './kademlia.js';
import { firstAtOrAfter } from './ids.js';
import type { LookupOutcome } from './lookup.js';

export interface Built {
  ctx: SimContext;
  dht: StructuredComponent;
  /** Runs the simulation up to time t. */
  runTo(t: number): void;
}

/** A network of `peers` with the `structured` section given (YAML flow text), started at time 0. */
export function buildDht(structured: string, o: { peers: number; duration?: number; extra?: string; sets?: string[]; seed?: number }): Built {
  const yaml = `name: structured experiment
seed: ${o.seed ?? 1}
duration: ${o.duration ?? 100}
peers: { count: ${o.peers} }
overlay: { degree: 2 }
structured: ${structured}
${o.extra ?? ''}
`;
  const scenario = loadScenarioText(yaml, 'structured.yaml', o.sets ?? []);
  const ctx = createContext(scenario);
  const dht = new StructuredComponent(scenario.structured!);
  dht.start(ctx);
  return { ctx, dht, runTo: (t) => ctx.sim.run(t) };
}

/** Live joined peers sorted by ID. */
export function liveRing(b: Built): number[] {
  const { ctx, dht } = b;
  const out: number[] = [];
  for (let p = 0; p < ctx.peers.count; p++) if (ctx.peers.alive[p] === 1 && dht.core.joined[p] === 1) out.push(p);
  return out.sort((a, c) => dht.core.ids[a] - dht.core.ids[c]);
}

/**
 * Expected contacts of a Kademlia peer with every bucket filled from all N − 1 others: bucket
 * j (prefix length j) sees Binomial(N − 1, 2^−(j+1)) peers and keeps at most k; the last
 * kept level holds everyone sharing at least `levels` − 1 bits.
 */
export function expectedContacts(n: number, k: number, levels: number): number {
  let sum = 0;
  for (let j = 0; j < levels; j++) {
    const p = j === levels - 1 ? twoTo(-j) : twoTo(-(j + 1));
    // E[min(k, X)], X ~ Binomial(n − 1, p): the sum of P(X >= x) for x = 1..k.
    let pmf = pow(1 - p, n - 1), cdf = pmf;
    let e = 0;
    for (let x = 1; x <= k; x++) {
      e += 1 - cdf;
      pmf = pmf * ((n - 1 - (x - 1)) / x) * (p / (1 - p));
      cdf += pmf;
    }
    sum += e;
  }
  return sum;
}

/**
 * `count` lookups for random keys from random origins, all started at time 0, and the mean
 * of `measure` over the successful ones (those where it is not negative).
 */
function meanOverLookups(b: Built, count: number, seed: number, stream: string,
  lookup: (origin: number, key: number, done: (o: LookupOutcome) => void) => void,
  measure: (o: LookupOutcome) => number): { mean: number; failures: number } {
  const n = b.ctx.peers.count, rng = new NamedStream(seed, stream);
  let sum = 0, counted = 0, failures = 0;
  for (let i = 0; i < count; i++) {
    const origin = Math.floor(rng.next() * n), key = b.dht.core.space.draw(rng);
    lookup(origin, key, (o) => {
      const x = measure(o);
      if (!o.success) failures++;
      else if (x >= 0) { sum += x; counted++; }
    });
  }
  b.runTo(b.ctx.scenario.duration);
  return { mean: sum / counted, failures };
}

/** Mean Chord path length (nodes to the key's predecessor, origin not counted) over `count` random lookups. */
export function chordPathLength(b: Built, count: number, seed = 1): { mean: number; failures: number } {
  const chord = b.dht.protocol as Chord;
  return meanOverLookups(b, count, seed, 'chord-path', (o, k, d) => chord.lookupOwner(o, k, d), (o) => o.predecessorHops);
}

/** Mean rounds of `count` random Kademlia node lookups. */
export function kademliaRounds(b: Built, count: number, seed = 1): { mean: number; failures: number } {
  const kad = b.dht.protocol as Kademlia;
  return meanOverLookups(b, count, seed, 'kademlia-rounds', (o, k, d) => kad.lookupNodes(o, k, d), (o) => o.rounds);
}

/** Mean routing entries over the peers (Chord: distinct fingers; Kademlia: contacts). */
export function meanRoutingEntries(b: Built): number {
  let sum = 0;
  for (let p = 0; p < b.ctx.peers.count; p++) sum += b.dht.protocol.routingEntries(p);
  return sum / b.ctx.peers.count;
}

/**
 * Chord's robustness experiment (Stoica et al., Theorem 5): on a stable ring of `n` peers
 * with `successors` entries a list and no stabilisation, half the peers fail at once; then
 * `count` lookups, from live peers, for keys whose owner survives. Counts those that found
 * that owner, and the timeouts on the way.
 */
export function chordHalfFailed(n: number, successors: number, count: number, seed = 7): { found: number; wrong: number; timeouts: number } {
  const b = buildDht('{ protocol: chord, bootstrap: ideal, chord: { stabilize: 0, fixFingers: 0 } }',
    { peers: n, duration: 600, sets: [`structured.chord.successors=${successors}`] });
  const { ctx, dht } = b;
  const rng = new NamedStream(seed, 'half-failed');
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) { const j = Math.floor(rng.next() * (i + 1)); const t = order[i]; order[i] = order[j]; order[j] = t; }
  const half = Math.floor(n / 2);
  for (let i = 0; i < half; i++) ctx.peers.setAlive(order[i], false);
  const sorted = Int32Array.from({ length: n }, (_, i) => i).sort((a, c) => dht.core.ids[a] - dht.core.ids[c]);
  const chord = dht.protocol as Chord;
  let asked = 0, found = 0, wrong = 0, timeouts = 0;
  while (asked < count) {
    const key = dht.core.space.draw(rng);
    const at = firstAtOrAfter(sorted, dht.core.ids, key);
    const owner = sorted[at === n ? 0 : at];
    const origin = order[half + Math.floor(rng.next() * (n - half))];
    if (ctx.peers.alive[owner] !== 1) continue;
    asked++;
    chord.lookupOwner(origin, key, (o) => { timeouts += o.timeouts; if (o.success && o.closest![0] === owner) found++; else wrong++; });
  }
  b.runTo(600);
  return { found, wrong, timeouts };
}

/**
 * `count` Kademlia node lookups for random keys from random live origins, each checked by
 * brute force against the k closest live peers: those whose result differs, and the mean
 * fraction of the k closest the results hold.
 */
export function kademliaClosest(b: Built, count: number, seed: number): { wrong: number; done: number; overlap: number } {
  const kad = b.dht.protocol as Kademlia, { ctx, dht } = b, n = ctx.peers.count;
  const rng = new NamedStream(seed, 'k-closest');
  const live: number[] = [];
  for (let p = 0; p < n; p++) if (ctx.peers.alive[p] === 1) live.push(p);
  let wrong = 0, done = 0, overlap = 0;
  for (let i = 0; i < count; i++) {
    const origin = live[Math.floor(rng.next() * live.length)], key = dht.core.space.draw(rng);
    kad.lookupNodes(origin, key, (o) => {
      done++;
      // Every live peer but the origin (which knows itself), by XOR distance.
      const truth = live.filter((p) => p !== origin)
        .sort((a, c) => dht.core.space.xor(dht.core.ids[a], key) - dht.core.space.xor(dht.core.ids[c], key)).slice(0, kad.k);
      if (!o.success || o.closest!.join() !== truth.join()) wrong++;
      if (o.success) overlap += o.closest!.filter((p) => truth.includes(p)).length / truth.length;
    });
  }
  b.runTo(ctx.scenario.duration);
  return { wrong, done, overlap: overlap / Math.max(1, done) };
}
