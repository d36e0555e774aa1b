/**
 * `npm run validation`: reruns the experiments behind the README's validation table and
 * prints it as markdown: each figure of ours beside the theory or paper it reproduces.
 * The same checks, with stated tolerances, are in the test suite; this script only shows
 * the figures. Options: --quick (fewer seeds).
 */
import { writeFileSync } from 'node:fs';
import { loadScenarioText } from '../sim/scenario/load.js';
import { runScenario } from '../sim/run/run-scenario.js';
import type { Results } from '../sim/run/results.js';
import { replicaCounts } from '../sim/data/replication.js';
import { expectedSearchSize } from '../sim/metrics/expected-search-size.js';
import {
  buildDht, chordHalfFailed, chordPathLength, expectedContacts, kademliaClosest, kademliaRounds, meanRoutingEntries,
} from '../sim/protocols/structured/experiments.js';
import type { Kademlia } from '../sim/protocols/structured/kademlia.js';

const quick = process.argv.includes('--quick');
const seeds = (n: number) => Array.from({ length: quick ? Math.max(2, Math.ceil(n / 4)) : n }, (_, i) => i + 1);

function run(yaml: string, seed: number, sets: string[] = []): Results {
  return runScenario(loadScenarioText(yaml, 'validation.yaml', [...sets, `seed=${seed}`]));
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

interface Row { what: string; source: string; theory: string; ours: string }
const rows: Row[] = [];
const add = (r: Row) => { rows.push(r); process.stderr.write(`validation: ${r.what}: ours ${r.ours}, theory ${r.theory}\n`); };

// Rumour spreading ---------------------------------------------------------------------
const gossip = (protocol: string, n: number, forward = 'rounds', fanout = 1) => `name: v
duration: 1h
peers: { count: ${n} }
network: { latency: 10ms }
overlay: { model: random-regular, degree: 4 }
workload:
  broadcasts: [{ at: 0, protocol: ${protocol}, targets: uniform, fanout: ${fanout}, period: 1s, forward: ${forward}, maxRounds: 1000 }]
`;
const rounds = (protocol: string, n: number, k: number) =>
  mean(seeds(k).map((s) => run(gossip(protocol, n), s).broadcasts![0].rounds as number));
{
  const r3 = rounds('push', 1000, 40), r4 = rounds('push', 10000, 40);
  add({ what: 'push rounds to inform all, n = 1,000 / 10,000 (mean over seeds)', source: 'Pittel 1987: log2 n + ln n + O(1)',
    theory: `${f(Math.log2(1000) + Math.log(1000), 1)} / ${f(Math.log2(10000) + Math.log(10000), 1)} + O(1)`, ours: `${f(r3, 1)} / ${f(r4, 1)}` });
  add({ what: 'push rounds: difference between n = 10,000 and 1,000', source: 'Pittel 1987: log2 10 + ln 10',
    theory: f(Math.log2(10) + Math.log(10), 2), ours: f(r4 - r3, 2) });
  const pp3 = rounds('push-pull', 1000, 20), pp4 = rounds('push-pull', 10000, 20);
  add({ what: 'push-pull rounds, n = 1,000 / 10,000', source: 'Karp et al. 2000: log3 n + O(log log n)',
    theory: `${f(Math.log(1000) / Math.log(3), 1)} / ${f(Math.log(10000) / Math.log(3), 1)} + O(log log n)`, ours: `${f(pp3, 1)} / ${f(pp4, 1)}` });
}
{
  const cov = (fanout: number) => mean(seeds(8).map((s) => run(gossip('push', 10000, 'once', fanout), s).broadcasts![0].coverage));
  const root = (fo: number) => { let p = 1; for (let i = 0; i < 200; i++) p = 1 - Math.exp(-fo * p); return p; };
  add({ what: 'infect-and-die coverage, fanout 2 / 3, n = 10,000', source: 'root of p = 1 − e^(−f·p)', theory: `${f(root(2))} / ${f(root(3))}`, ours: `${f(cov(2))} / ${f(cov(3))}` });
}

// Overlays and percolation --------------------------------------------------------------
const overlay = (model: string, n: number, degree: number, extra = '') => `name: v
duration: 10s
peers: { count: ${n} }
overlay: { model: ${model}, degree: ${degree} ${extra} }
`;
{
  const s = mean(seeds(5).map((x) => run(overlay('erdos-renyi', 10000, 4), x).overlay.largestComponentFraction));
  let S = 1; for (let i = 0; i < 200; i++) S = 1 - Math.exp(-4 * S);
  add({ what: 'erdos-renyi giant component, mean degree 4, n = 10,000', source: 'S = 1 − e^(−cS)', theory: f(S), ours: f(s) });
  const c = mean(seeds(3).map((x) => run(overlay('watts-strogatz', 2000, 6, ', rewire: 0.1'), x).overlay.clustering));
  add({ what: 'watts-strogatz clustering, k = 6, β = 0.1', source: 'Barrat & Weigt 2000: 3(k−2)/(4(k−1))·(1−β)³', theory: f((3 * 4) / (4 * 5) * 0.9 ** 3), ours: f(c) });
}
{
  const failure = (model: string, degree: number, fraction: number, target = 'random') => `name: v
duration: 10s
peers: { count: 10000 }
overlay: { model: ${model}, degree: ${degree} }
failures: [{ at: 1s, fraction: ${fraction}, target: ${target} }]
`;
  for (const [k, fr] of [[4, 0.5], [6, 0.7]] as const) {
    const p = 1 - fr;
    let u = 0.5; for (let i = 0; i < 2000; i++) u = 1 - p + p * u ** (k - 1);
    const ours = mean(seeds(4).map((x) => run(failure('random-regular', k, fr), x).resilience![0].largestComponentFraction as number));
    add({ what: `random-regular k = ${k}, ${fr * 100}% removed at random: largest component / peers before`, source: 'Callaway et al. 2000: p·(1 − u^k)', theory: f(p * (1 - u ** k)), ours: f(ours) });
  }
  const rnd = mean(seeds(4).map((x) => run(failure('barabasi-albert', 4, 0.05), x).resilience![0].largestComponentFraction as number));
  const att = mean(seeds(4).map((x) => run(failure('barabasi-albert', 4, 0.05, 'degree'), x).resilience![0].largestComponentFraction as number));
  add({ what: 'barabasi-albert (m = 2): 5% removed at random vs top 5% by degree', source: 'Albert, Jeong, Barabási 2000: attack breaks it far more', theory: 'random ≫ attack', ours: `${f(rnd)} vs ${f(att)}` });
}

// Capacity -------------------------------------------------------------------------------
{
  const cap = (mode: string, n: number) => `name: v
duration: 10h
peers: { count: ${n} }
overlay: { model: random-regular, degree: 4 }
capacity: { mode: ${mode}, file: 50MB, chunk: 256KiB, server: { upload: 100Mbps }, peer: { upload: 2Mbps, download: 20Mbps } }
`;
  for (const n of [10, 100, 1000]) {
    const cs = run(cap('client-server', n), 1).capacity!;
    const pp = run(cap('p2p', n), 1).capacity!;
    add({ what: `distribution time, N = ${n} (50 MB, u_s 100 Mbps, peers 2/20 Mbps): client-server / p2p`, source: 'Kurose & Ross §2.5 lower bounds',
      theory: `${f(cs.lowerBound ?? NaN, 0)} s / ${f(pp.lowerBound ?? NaN, 0)} s`, ours: `${f(cs.distributionTime ?? NaN, 0)} s / ${f(pp.distributionTime ?? NaN, 0)} s` });
  }
}

// Search and replication -----------------------------------------------------------------
{
  const n = 2000, items = 100, ratio = 0.02;
  const q = new Float64Array(items);
  let z = 0; for (let i = 0; i < items; i++) { q[i] = 1 / (i + 1); z += q[i]; }
  for (let i = 0; i < items; i++) q[i] /= z;
  const sizes = (['uniform', 'proportional', 'square-root'] as const).map((strategy) => {
    const theory = expectedSearchSize(q, replicaCounts(q, strategy, ratio, n), n);
    const yaml = `name: v
duration: 1h
peers: { count: ${n} }
network: { latency: 1ms }
overlay: { model: random-regular, degree: 6 }
data: { objects: ${items}, replication: { strategy: ${strategy}, ratio: ${ratio} }, popularity: { dist: zipf, exponent: 1 } }
workload:
  searches: { count: 2000, start: 1s, spacing: 0.5s, protocol: random-walk, walkers: 1, ttl: 65536, checkEvery: 65536 }
`;
    const ours = mean(seeds(2).map((x) => run(yaml, x).searches!.peersProbedPerQuery!));
    return { theory, ours };
  });
  add({ what: 'peers probed per query by one random walker, uniform / proportional / square-root replication (2,000 peers, zipf(1) queries, 2% storage)',
    source: 'Cohen & Shenker 2002: n·Σ q_i/r_i, least for square-root',
    theory: sizes.map((s) => f(s.theory, 1)).join(' / '), ours: sizes.map((s) => f(s.ours, 1)).join(' / ') });
}

// Aggregation ------------------------------------------------------------------------------
{
  const yaml = (n: number) => `name: v
engine: cycle
duration: 1h
peers: { count: ${n} }
aggregation: { cycles: 20, targets: uniform, values: { dist: uniform, min: 0, max: 100 } }
`;
  const factor = mean(seeds(10).map((s) => run(yaml(10000), s).aggregation!.varianceFactor!));
  add({ what: 'push-pull averaging, uniform partners, cycle engine: variance factor per cycle, n = 10,000 (mean over seeds)',
    source: 'Jelasity, Montresor & Babaoglu 2005: 1/(2√e)', theory: f(1 / (2 * Math.sqrt(Math.E))), ours: f(factor) });
}

// Structured overlays --------------------------------------------------------------------
{
  const still = (protocol: string) => protocol === 'chord'
    ? '{ protocol: chord, bootstrap: ideal, chord: { stabilize: 0, fixFingers: 0 } }'
    : '{ protocol: kademlia, bootstrap: ideal, kademlia: { refresh: 0 } }';
  const exps = [10, 11, 12, 13, 14];
  const lookups = quick ? 500 : 2000;
  const paths = exps.map((e) => chordPathLength(buildDht(still('chord'), { peers: 2 ** e, duration: 100 }), lookups, e).mean);
  add({ what: 'Chord, stable ring: mean path length to the key\'s predecessor (origin not counted), N = 2^10 … 2^14',
    source: 'Stoica et al. 2001: ½·log2 N', theory: exps.map((e) => f(e / 2, 1)).join(' / '), ours: paths.map((x) => f(x, 2)).join(' / ') });
  const half = chordHalfFailed(1024, 20, quick ? 200 : 1000);
  add({ what: 'Chord, N = 1,024, successor lists 2·log2 N, 50% failed at once, no stabilisation: lookups finding the surviving owner',
    source: 'Stoica et al. 2001, Theorem 5: all succeed', theory: '100%', ours: `${f(100 * half.found / (half.found + half.wrong), 1)}% (${f(half.timeouts / (half.found + half.wrong), 1)} timeouts a lookup)` });
  const fingers = [10, 14].map((e) => meanRoutingEntries(buildDht(still('chord'), { peers: 2 ** e, duration: 1 })));
  add({ what: 'Chord: distinct fingers per peer, N = 2^10 / 2^14', source: 'Stoica et al. 2001: O(log N), about log2 N',
    theory: '10 / 14', ours: fingers.map((x) => f(x, 2)).join(' / ') });
  const closest = [512, 2048].map((n) => kademliaClosest(buildDht(still('kademlia'), { peers: n, duration: 50 }), quick ? 100 : 300, n));
  add({ what: 'Kademlia (k = 20, alpha = 3), stable: node lookups returning exactly the k closest live peers (brute force), N = 512 / 2,048',
    source: 'Maymounkov & Mazières 2002', theory: '100% / 100%', ours: closest.map((c) => `${f(100 * (c.done - c.wrong) / c.done, 1)}%`).join(' / ') });
  const rounds = exps.map((e) => kademliaRounds(buildDht(still('kademlia'), { peers: 2 ** e, duration: 50 }), lookups, e).mean);
  const steps = rounds.slice(1).map((r, i) => r - rounds[i]);
  add({ what: 'Kademlia, stable: mean lookup rounds, N = 2^10 … 2^14, and the step per doubling of N',
    source: 'Maymounkov & Mazières 2002: O(log N) rounds, a small constant step per doubling',
    theory: 'rising by a small, constant step', ours: `${rounds.map((x) => f(x, 2)).join(' / ')}; step ${steps.map((x) => f(x, 2)).join(', ')} (mean ${f(mean(steps), 2)})` });
  const contacts = [1024, 16384].map((n) => {
    const b = buildDht(still('kademlia'), { peers: n, duration: 1 });
    const kad = b.dht.protocol as Kademlia;
    return { ours: meanRoutingEntries(b), binomial: expectedContacts(n, kad.k, kad.levels), rough: kad.k * Math.log2(n / kad.k) };
  });
  add({ what: 'Kademlia, full buckets: contacts per peer, N = 1,024 / 16,384', source: 'k·log2(N/k) (binomial prefix counts in brackets)',
    theory: contacts.map((c) => `${f(c.rough, 0)} (${f(c.binomial, 1)})`).join(' / '), ours: contacts.map((c) => f(c.ours, 1)).join(' / ') });
}

const table = ['| what | source | theory | gossipsim |', '|---|---|---|---|',
  ...rows.map((r) => `| ${r.what} | ${r.source} | ${r.theory} | ${r.ours} |`)].join('\n');
process.stdout.write(table + '\n');
const out = process.argv.find((a) => a.startsWith('--write='))?.slice('--write='.length);
if (out) writeFileSync(out, table + '\n');
