/**
 * Search benchmark (issue 5 §6): 10,000 queries over 10^5 peers (random 4-regular overlay,
 * latency uniform 20–120 ms, 1000 items on 1% of the peers each), by flooding with TTL 7
 * or by 32 random walkers (TTL 1024, checking every 4 hops).
 * `node dist/bench/search.js [flood|random-walk] [peers=100000] [queries=10000] [seed=1]`.
 * wallSeconds covers the searches only (from the first query to the last message); the
 * overlay and the data placement are built before, and their times are in `extra`.
 * events = messages sent (every query copy, check and answer), so eventsPerSecond is
 * messages per second; the engine's own event count (messages + query launches) is in extra.
 */
import { SearchComponent } from '../sim/protocols/search/component.js';
import { createContext } from '../sim/run/create-context.js';
import { validate } from '../sim/scenario/validate.js';
import { contributionOf, emit, measure, workloadRow } from './row.js';

const protocol = process.argv[2] === 'random-walk' ? 'random-walk' : 'flood';
const n = Number(process.argv[3] ?? 100_000);
const queries = Number(process.argv[4] ?? 10_000);
const seed = Number(process.argv[5] ?? 1);

const baselineRss = process.memoryUsage().rss;
const search = protocol === 'flood'
  ? { protocol, ttl: 7 }
  : { protocol, walkers: 32, ttl: 1024, checkEvery: 4 };
const scenario = validate({
  name: `bench search ${protocol}`,
  seed,
  duration: '1d',
  peers: { count: n },
  network: { latency: { dist: 'uniform', min: '20ms', max: '120ms' } },
  overlay: { model: 'random-regular', degree: 4 },
  data: { objects: 1000, replication: { strategy: 'uniform', ratio: 0.01 } },
  workload: { searches: { ...search, count: queries, start: 1, spacing: Number(process.env.SPACING ?? 0.01) } },
});

const t0 = performance.now();
const ctx = createContext(scenario);
const { sim, peers, transport } = ctx;
const overlaySeconds = (performance.now() - t0) / 1000;

const component = new SearchComponent();
const placementSeconds = measure(() => component.start(ctx)).wallSeconds;
const { wallSeconds } = measure(() => sim.run(Infinity));
const s = contributionOf(component, ctx).searches!;

emit({
  ...workloadRow(`search: ${queries} ${protocol === 'flood' ? 'floods (TTL 7)' : 'random walks (32 walkers)'}`, n, wallSeconds, transport.sent, baselineRss),
  extra: {
    messagesPerSecond: Math.round(transport.sent / wallSeconds),
    messages: transport.sent,
    engineEvents: sim.events,
    queriesPerSecond: Math.round(queries / wallSeconds),
    successRate: s.successRate,
    messagesPerQuery: s.messagesPerQuery,
    peersProbedPerQuery: s.peersProbedPerQuery,
    overlaySeconds,
    placementSeconds,
  },
});
