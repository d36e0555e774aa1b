/**
 * Structured overlay benchmark (issue 28 §7): a Chord ring or a Kademlia network (k = 20,
 * alpha = 3) of 10^6 peers built with `bootstrap: ideal`, then 10^5 `dht` searches (one
 * lookup each, through the transport, latency uniform 20–120 ms) for 1,000 items held by
 * 100 peers each. Upkeep is off (stabilise, fix fingers and refresh periods 0): the row
 * measures the tables and the lookups.
 * `node dist/bench/structured.js [chord|kademlia] [peers=1000000] [lookups=100000] [seed=1]`.
 * wallSeconds covers everything after the unstructured overlay: IDs, tables, data
 * placement, publication and the lookups (each part's time is in `extra`); bytes/peer is
 * the peak RSS above the process's start, per peer.
 */
import { SearchComponent } from '../sim/protocols/search/component.js';
import { StructuredComponent } from '../sim/protocols/structured/component.js';
import { createContext } from '../sim/run/create-context.js';
import { validate } from '../sim/scenario/validate.js';
import { contributionOf, emit, measure, workloadRow } from './row.js';

const protocol = process.argv[2] === 'kademlia' ? 'kademlia' : 'chord';
const n = Number(process.argv[3] ?? 1_000_000);
const lookups = Number(process.argv[4] ?? 100_000);
const seed = Number(process.argv[5] ?? 1);

const baselineRss = process.memoryUsage().rss;
const scenario = validate({
  name: `bench structured ${protocol}`,
  seed,
  duration: '1h',
  peers: { count: n },
  network: { latency: { dist: 'uniform', min: '20ms', max: '120ms' } },
  overlay: { model: 'random-regular', degree: 2 },
  data: { objects: 1000, replication: { strategy: 'uniform', ratio: 100 / n } },
  structured: {
    protocol, bootstrap: 'ideal',
    // The row measures lookups: holders do not republish during the run (the pointers are placed directly).
    republish: 0, expiry: 0,
    chord: { stabilize: 0, fixFingers: 0 },
    kademlia: { k: 20, alpha: 3, refresh: 0 },
  },
  workload: { searches: { protocol: 'dht', count: lookups, start: 1, spacing: 10 / lookups } },
});

const t0 = performance.now();
const ctx = createContext(scenario);
const overlaySeconds = (performance.now() - t0) / 1000;
const structured = new StructuredComponent(scenario.structured!);
const search = new SearchComponent();
const build = measure(() => structured.start(ctx)).wallSeconds;
const place = measure(() => search.start(ctx)).wallSeconds;
const run = measure(() => ctx.sim.run(Infinity)).wallSeconds;
const s = contributionOf(structured, ctx).structured!;
const wall = build + place + run;

emit({
  ...workloadRow(`structured: ${protocol} (ideal), 10^${Math.round(Math.log10(n))} peers, ${lookups.toLocaleString('en-US')} lookups`, n, wall, ctx.sim.events, baselineRss),
  extra: {
    buildSeconds: build,
    placeAndPublishSeconds: place,
    lookupSeconds: run,
    overlaySeconds,
    successRate: s.lookups.successRate,
    meanHops: s.lookups.meanHops,
    messagesPerLookup: s.lookups.messagesPerLookup,
    routingEntriesPerPeer: s.routingState.meanEntries,
    tableBytesPerPeer: s.routingState.bytesPerPeer,
    maintenanceMessages: s.maintenance.messages,
  },
});
