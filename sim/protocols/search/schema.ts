/**
 * The search family's scenario keys: `workload.searches`, the `data` the searches look
 * for, and the `hybrid` super-peers a directory search needs; and their cross-checks.
 */
import { s, type Infer } from '../../scenario/dsl.js';
import { place, type SchemaFragment } from '../../scenario/fragment.js';
import { HOP_BOUNDS, MAX_HOPS, MAX_ITEMS, MAX_OBJECTS, MAX_QUERIES, MAX_RATE, MAX_REPLICAS, TIME_BOUNDS } from '../../scenario/limits.js';
import { formatDuration } from '../../scenario/units.js';
import { grouped } from '../../text/group-digits.js';

const search = s.object({
  count: s.integer({ doc: `Number of queries, each from a random live peer. Ignored when \`rate\` is set. At most ${grouped(MAX_QUERIES)} queries in all the searches together (counting rate × time): each query keeps the peers it visited while it runs.`, default: 100, min: 0, max: MAX_QUERIES }),
  rate: s.rate({ doc: 'Alternative to `count`: queries per second from `start` until the end of the run (0 = use `count`).', default: 0, min: 0, max: MAX_RATE, example: '5/s' }),
  start: s.duration({ doc: 'Time of the first query; `count` queries are spaced by `spacing`.', default: 0, ...TIME_BOUNDS }),
  spacing: s.duration({ doc: 'Interval between successive queries when `count` is used.', default: 0.01, ...TIME_BOUNDS }),
  protocol: s.enumOf(['flood', 'random-walk', 'expanding-ring', 'directory', 'dht'], {
    doc: 'flood: TTL-limited flooding; random-walk: `walkers` walkers of `ttl` hops; expanding-ring: floods of growing TTL; directory: super-peer index (needs `hybrid`); dht: a lookup of the item\'s key in the structured overlay (needs `structured`).',
    default: 'flood' }),
  ttl: s.integer({ doc: `Maximum hops of a query message (per walker for random walks). At most ${MAX_HOPS}: hop counts travel packed in message payloads.`, default: 7, ...HOP_BOUNDS }),
  walkers: s.integer({ doc: `random-walk: number of independent walkers (at most ${MAX_HOPS}: each is a message in flight).`, default: 16, ...HOP_BOUNDS }),
  checkEvery: s.integer({ doc: 'random-walk: a walker asks the origin every k hops whether to stop.', default: 4, ...HOP_BOUNDS }),
  ringStart: s.integer({ doc: 'expanding-ring: TTL of the first flood.', default: 1, ...HOP_BOUNDS }),
  ringStep: s.integer({ doc: 'expanding-ring: TTL increment between floods.', default: 2, ...HOP_BOUNDS }),
}, { doc: 'A batch of searches for data items.' });

export const searchKeys = {
  data: place('scenario', 90, s.object({
    objects: s.integer({ doc: `Distinct data items in the system. At most ${grouped(MAX_OBJECTS)} (per-item tables), and objects × replicas per item below 2^31 (holder lists are indexed by 32-bit offsets).`, default: 1000, min: 1, max: MAX_OBJECTS }),
    replication: s.object({
      strategy: s.enumOf(['uniform', 'proportional', 'square-root'], { doc: 'How many replicas each item gets: the same for all, proportional to its popularity, or to the square root of it.', default: 'uniform' }),
      ratio: s.number({ doc: 'Mean fraction of peers holding an item.', default: 0.01, exclusiveMin: 0, max: 1 }),
    }, { doc: 'Replica placement.' }),
    popularity: s.distribution({ doc: 'Which item a query asks for: a distribution over item ranks (zipf with an exponent, or any distribution of ranks).', allowed: ['constant', 'uniform', 'exponential', 'normal', 'lognormal', 'pareto', 'weibull', 'zipf'], default: { dist: 'zipf', exponent: 1 } }),
  }, { doc: 'Data items stored on the peers (every peer is both client and server).' })),
  searches: place('workload', 20, s.list(search, { doc: 'Queries for data items; one object or a list (to compare protocols).', default: [], single: true, maxItems: MAX_ITEMS })),
  hybrid: place('scenario', 130, s.optional(s.object({
    superPeers: s.number({ doc: 'Fraction of peers promoted to super-peers (directory servers).', default: 0.01, exclusiveMin: 0, max: 1 }),
  }, { doc: 'Super-peers as directory services.' }), { doc: 'Optional hybrid P2P: super-peers index the data of ordinary peers.' })),
};

/** One `workload.searches` entry, validated. */
export type SearchSpec = Infer<typeof searchKeys.searches.node>[number];

export const searchSchema: SchemaFragment<typeof searchKeys> = {
  keys: searchKeys,
  /**
   * A search starts before `duration`; a `directory` search needs `hybrid`; expanding-ring
   * ringStart <= ttl; count or rate, not both; at most 10^6 queries in all; objects ×
   * replicas below 2^31; superPeers × peers.count >= 1 (at least one super-peer).
   */
  check(scenario, { problem, given, the, never }) {
    const n = scenario.peers.count;
    const end = scenario.duration;
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
    const { objects, replication } = scenario.data;
    if (objects * (replication.ratio * n + 1) > MAX_REPLICAS) {
      problem(['data', 'objects'], `objects × replicas per item (ratio × peers.count) must stay below 2^31 (holder lists are indexed by 32-bit offsets), got ${objects} × ${Number((replication.ratio * n).toPrecision(3))}`);
    }
    if (scenario.hybrid && scenario.hybrid.superPeers * n < 1) {
      problem(['hybrid', 'superPeers'], `${scenario.hybrid.superPeers} of ${n} peers promotes no super-peer: expected at least 1/peers.count (${Number((1 / n).toPrecision(3))})`);
    }
  },
  highlight: {
    indexed: [{ pattern: /^searches\.bySearch\[(\d+)\]/, count: (scenario) => scenario.workload.searches.length, what: 'search batch(es) (workload.searches)' }],
    needs: [{ prefix: 'searches.', present: (scenario) => scenario.workload.searches.length > 0, what: 'workload.searches' }],
    other(scenario, path) {
      const protocol = /^searches\.byProtocol\.([^.]+)\./.exec(path);
      if (protocol && !scenario.workload.searches.some((q) => q.protocol === protocol[1])) {
        return `'${path}': no search of this scenario uses protocol '${protocol[1]}'`;
      }
      return undefined;
    },
  },
};
