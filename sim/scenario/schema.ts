/**
 * The gossipsim scenario schema (SPEC §2): the single source of truth for every key's
 * type, unit, default, range and documentation. Add a key here and it is validated,
 * defaulted, published in scenarios/scenario.schema.json and documented in docs/scenario-reference.md.
 * Every number is bounded (sim/scenario/limits.ts says why); checks.ts refuses combinations.
 */
import { s, type Infer, type Dist } from './dsl.js';
import { twoTo } from '../math/two-to.js';
import {
  MAX_BANDWIDTH, MAX_CHUNKS, MAX_DEGREE, MAX_DESCRIPTION_LENGTH, MAX_DURATION, MAX_HOPS, MAX_INITIAL_PEERS, MAX_ITEMS,
  MAX_NAME_LENGTH, MAX_OBJECTS, MAX_QUERIES, MAX_RATE, MAX_ROUNDS, MAX_RUMOURS, MAX_SIZE, MAX_SLOTS, MAX_VIEW,
  MAX_PLAIN, MIN_BANDWIDTH, MIN_SIZE, MIN_STEP, PEER_LIMIT,
} from './limits.js';
import { grouped } from '../text/group-digits.js';

/** Bounds shared by many keys; each key's doc says why its cap exists where it is not obvious. */
const time = { min: 0, max: MAX_DURATION };
const step = { min: MIN_STEP, max: MAX_DURATION };
const hops = { min: 1, max: MAX_HOPS };

const broadcast = s.object({
  at: s.duration({ doc: 'When the (first) broadcast starts.', default: 0, ...time, example: '1s' }),
  count: s.integer({ doc: `Number of broadcasts started, one every \`every\`. At most ${MAX_RUMOURS} rumours in all the broadcasts together: each keeps its own state for every peer.`, default: 1, min: 1, max: MAX_RUMOURS }),
  every: s.duration({ doc: 'Interval between successive broadcasts when `count` > 1.', default: 30, ...step }),
  origin: s.choice(['random'], s.integer({ doc: 'Peer id of the origin.', min: 0, max: PEER_LIMIT - 1 }), {
    doc: 'Peer that starts the rumour: `random` (a random live peer) or a peer id.', default: 'random' }),
  protocol: s.enumOf(['push', 'pull', 'push-pull', 'flood'], {
    doc: 'push: informed peers send each round; pull: uninformed peers ask each round and a target that has the rumour replies; push-pull: both, so an exchange leaves both sides informed if either was; flood: on first receipt, forward to all overlay neighbours but the sender (fanout, targets, forward and period are ignored).',
    default: 'push' }),
  forward: s.enumOf(['once', 'rounds'], {
    doc: '`once` = infect-and-die: push to `fanout` targets on first receipt only; `rounds` = every informed peer gossips each `period` until `maxRounds`. Concerns pushing: pull peers ask every round either way.',
    default: 'rounds' }),
  fanout: s.integer({ doc: 'Targets contacted per gossip action; at most peers.count (there are no more peers to contact).', default: 1, min: 1, max: PEER_LIMIT }),
  period: s.duration({ doc: 'Length of a gossip round: round r (r = 1, 2, ...) starts at `at` + (r−1)·period, the origin holding the rumour in round 0.', default: 1, ...step }),
  maxRounds: s.integer({ doc: `Rounds after which peers stop gossiping this rumour; gossip stops earlier, at the first round that finds every live peer informed. For push \`once\` and flood: the hop limit. At most ${grouped(MAX_ROUNDS)} (each round is an event for every informed peer).`, default: 200, min: 1, max: MAX_ROUNDS }),
  targets: s.enumOf(['neighbours', 'uniform'], {
    doc: '`neighbours`: gossip partners are overlay neighbours; `uniform`: any live peer other than oneself, chosen uniformly.',
    default: 'neighbours' }),
}, { doc: 'A rumour (or update) spread through the network.' });

const search = s.object({
  count: s.integer({ doc: `Number of queries, each from a random live peer. Ignored when \`rate\` is set. At most ${grouped(MAX_QUERIES)} queries in all the searches together (counting rate × time): each query keeps the peers it visited while it runs.`, default: 100, min: 0, max: MAX_QUERIES }),
  rate: s.rate({ doc: 'Alternative to `count`: queries per second from `start` until the end of the run (0 = use `count`).', default: 0, min: 0, max: MAX_RATE, example: '5/s' }),
  start: s.duration({ doc: 'Time of the first query; `count` queries are spaced by `spacing`.', default: 0, ...time }),
  spacing: s.duration({ doc: 'Interval between successive queries when `count` is used.', default: 0.01, ...time }),
  protocol: s.enumOf(['flood', 'random-walk', 'expanding-ring', 'directory'], {
    doc: 'flood: TTL-limited flooding; random-walk: `walkers` walkers of `ttl` hops; expanding-ring: floods of growing TTL; directory: super-peer index (needs `hybrid`).',
    default: 'flood' }),
  ttl: s.integer({ doc: `Maximum hops of a query message (per walker for random walks). At most ${MAX_HOPS}: hop counts travel packed in message payloads.`, default: 7, ...hops }),
  walkers: s.integer({ doc: `random-walk: number of independent walkers (at most ${MAX_HOPS}: each is a message in flight).`, default: 16, ...hops }),
  checkEvery: s.integer({ doc: 'random-walk: a walker asks the origin every k hops whether to stop.', default: 4, ...hops }),
  ringStart: s.integer({ doc: 'expanding-ring: TTL of the first flood.', default: 1, ...hops }),
  ringStep: s.integer({ doc: 'expanding-ring: TTL increment between floods.', default: 2, ...hops }),
}, { doc: 'A batch of searches for data items.' });

const failure = s.object({
  at: s.duration({ doc: 'When the failure happens.', ...time, example: '60s' }),
  fraction: s.number({ doc: 'Fraction of the peers alive at that moment that crash.', min: 0, max: 1, example: 0.5 }),
  target: s.enumOf(['random', 'degree'], {
    doc: '`random`: uniformly chosen peers; `degree`: highest-degree peers first (a targeted attack).', default: 'random' }),
}, { doc: 'A scheduled mass failure.' });

export const scenarioSchema = s.object({
  name: s.string({ doc: 'Experiment name, shown as the report title and used for the default report file name.', minLength: 1, maxLength: MAX_NAME_LENGTH, example: 'Flooding vs random walk' }),
  description: s.string({ doc: 'Markdown shown at the top of the report: why this experiment exists and what to look at.', default: '', maxLength: MAX_DESCRIPTION_LENGTH }),
  seed: s.integer({ doc: 'Seed from which every random stream of the run is derived.', default: 1, min: 0, max: twoTo(32) - 1 }),
  engine: s.enumOf(['event', 'cycle'], { doc: '`event`: discrete events with per-message latency; `cycle`: synchronous rounds without latency (round-based protocols).', default: 'event' }),
  duration: s.duration({ doc: 'Simulated time limit; a run may end earlier when no event is left. At most 10000 days: event times are seconds in doubles, exact to 0.12 µs up to there, so steps of 1 µs (the shortest period) stay apart.', default: 600, ...step, example: '10min' }),
  peers: s.object({
    count: s.integer({ doc: 'Peers alive at time 0. At most 16 million: peer ids, with those of later arrivals, must stay below the engine\'s 2^24 − 2.', default: 1000, min: 1, max: MAX_INITIAL_PEERS }),
  }, { doc: 'The peer population.' }),
  network: s.object({
    latency: s.distribution({ doc: 'One-way latency of every message (a distribution of durations).', unit: 'duration', default: { dist: 'constant', value: 0.05 }, min: 0, max: MAX_DURATION, example: '50ms' }),
    loss: s.number({ doc: 'Probability that a message is lost.', default: 0, min: 0, max: 1 }),
  }, { doc: 'The network model every message crosses.' }),
  overlay: s.object({
    model: s.enumOf(['random-regular', 'erdos-renyi', 'barabasi-albert', 'watts-strogatz', 'join-random'], {
      doc: 'How the initial overlay is wired.', default: 'random-regular' }),
    degree: s.integer({ doc: `Mean degree (exact for random-regular; m = degree/2 for barabasi-albert; k for watts-strogatz). At most ${MAX_DEGREE}, below peers.count, and peers.count × degree below 2^31 (links are indexed by 32-bit offsets).`, default: 4, min: 0, max: MAX_DEGREE }),
    rewire: s.number({ doc: 'watts-strogatz: probability that each lattice link is rewired.', default: 0.1, min: 0, max: 1 }),
    maxDegree: s.integer({ doc: `join-random (and joins under churn): cap on the links a peer accepts (at most ${MAX_DEGREE}).`, default: 32, min: 1, max: MAX_DEGREE }),
    repair: s.boolean({ doc: 'On losing a neighbour, a peer finds a replacement so the overlay heals.', default: false }),
    sampling: s.optional(s.object({
      protocol: s.enumOf(['cyclon', 'newscast'], { doc: 'Peer-sampling protocol.', default: 'cyclon' }),
      period: s.duration({ doc: 'Interval between view exchanges of a peer.', default: 10, ...step }),
      viewSize: s.integer({ doc: `Entries in each peer's partial view (at most ${MAX_VIEW}: each peer keeps 2 × viewSize 32-bit words).`, default: 20, min: 1, max: MAX_VIEW }),
      shuffleLength: s.integer({ doc: 'Entries exchanged per shuffle (Cyclon); at most viewSize.', default: 5, min: 1, max: MAX_VIEW }),
    }, { doc: 'Gossip-based peer sampling.' }), { doc: 'Optional gossip peer-sampling service whose views form the overlay.' }),
  }, { doc: 'The unstructured overlay peers are linked by.' }),
  data: s.object({
    objects: s.integer({ doc: `Distinct data items in the system. At most ${grouped(MAX_OBJECTS)} (per-item tables), and objects × replicas per item below 2^31 (holder lists are indexed by 32-bit offsets).`, default: 1000, min: 1, max: MAX_OBJECTS }),
    replication: s.object({
      strategy: s.enumOf(['uniform', 'proportional', 'square-root'], { doc: 'How many replicas each item gets: the same for all, proportional to its popularity, or to the square root of it.', default: 'uniform' }),
      ratio: s.number({ doc: 'Mean fraction of peers holding an item.', default: 0.01, exclusiveMin: 0, max: 1 }),
    }, { doc: 'Replica placement.' }),
    popularity: s.distribution({ doc: 'Which item a query asks for: a distribution over item ranks (zipf with an exponent, or any distribution of ranks).', allowed: ['constant', 'uniform', 'exponential', 'normal', 'lognormal', 'pareto', 'weibull', 'zipf'], default: { dist: 'zipf', exponent: 1 } }),
  }, { doc: 'Data items stored on the peers (every peer is both client and server).' }),
  workload: s.object({
    broadcasts: s.list(broadcast, { doc: 'Rumours spread through the network.', default: [], single: true, maxItems: MAX_ITEMS }),
    searches: s.list(search, { doc: 'Queries for data items; one object or a list (to compare protocols).', default: [], single: true, maxItems: MAX_ITEMS }),
  }, { doc: 'What the peers do.' }),
  churn: s.optional(s.object({
    session: s.distribution({ doc: 'How long a peer stays online (durations).', unit: 'duration', default: { dist: 'exponential', mean: 3600 }, min: 0, max: MAX_DURATION }),
    downtime: s.distribution({ doc: 'How long a departed peer stays offline before rejoining (durations).', unit: 'duration', default: { dist: 'exponential', mean: 1200 }, min: 0, max: MAX_DURATION }),
    arrivals: s.rate({ doc: 'Brand-new peers joining per second. peers.count + arrivals × duration must stay at most 16 million, the most peer ids the engine gives out.', default: 0, min: 0, max: MAX_RATE }),
    sync: s.boolean({ doc: 'A (re)joining peer pulls the rumours it missed from a neighbour (anti-entropy).', default: false }),
    trace: s.optional(s.string({ doc: 'An availability trace to replay instead of drawing sessions: a session CSV (`peer,start,end`, `.csv`) or a Failure Trace Archive event table (any other name); a path relative to the scenario file (to the working directory when given with --set). See docs/churn-traces.md.', minLength: 1, maxLength: MAX_NAME_LENGTH, example: 'traces/sessions.csv' }),
      { doc: 'Replay this availability trace (session, downtime and arrivals are then not used; peers.count defaults to the trace\'s peers).', example: 'traces/sessions.csv' }),
    traceScale: s.number({ doc: 'Trace replay: run time = (trace time − traceOffset) × traceScale; below 1 compresses the trace, above 1 stretches it.', default: 1, min: 1e-6, max: 1e6 }),
    traceOffset: s.duration({ doc: 'Trace replay: the trace time the run starts at (trace seconds, before scaling).', default: 0, min: 0, max: MAX_DURATION }),
    traceLoop: s.boolean({ doc: 'Trace replay: when the trace ends (its last session end), start it again from traceOffset.', default: false }),
  }, { doc: 'Peer sessions and downtimes, drawn from distributions or replayed from a trace.' }), { doc: 'Optional churn: peers leave and (re)join.' }),
  failures: s.list(failure, { doc: 'Scheduled mass failures and attacks.', default: [], single: true, maxItems: MAX_ITEMS }),
  hybrid: s.optional(s.object({
    superPeers: s.number({ doc: 'Fraction of peers promoted to super-peers (directory servers).', default: 0.01, exclusiveMin: 0, max: 1 }),
  }, { doc: 'Super-peers as directory services.' }), { doc: 'Optional hybrid P2P: super-peers index the data of ordinary peers.' }),
  capacity: s.optional(s.object({
    mode: s.enumOf(['p2p', 'client-server'], { doc: 'p2p: peers upload chunks to each other; client-server: only the server uploads.', default: 'p2p' }),
    file: s.size({ doc: 'Size of the file to distribute.', default: 100e6, min: MIN_SIZE, max: MAX_SIZE, example: '100MB' }),
    chunk: s.size({ doc: `Chunk size (p2p); at most the file, and file / chunk at most ${grouped(MAX_CHUNKS)} chunks (every peer keeps a bit, or 2 bytes, per chunk).`, default: 262144, min: MIN_SIZE, max: MAX_SIZE, example: '256KiB' }),
    server: s.object({
      upload: s.bandwidth({ doc: 'Server upload bandwidth.', default: 12.5e6, min: MIN_BANDWIDTH, max: MAX_BANDWIDTH, example: '100Mbps' }),
      slots: s.integer({ doc: 'p2p: concurrent chunk uploads of the server, each at an equal share of its upload; 0 = auto: as many as give each server slot the rate of a mean peer\'s slot (server upload × `uploadSlots` / mean peer upload), at most peers × `uploadSlots`.', default: 0, min: 0, max: MAX_SLOTS }),
    }, { doc: 'The seed server.' }),
    peer: s.object({
      upload: s.distribution({ doc: 'Peer upload bandwidth (a constant or a distribution).', unit: 'bandwidth', default: { dist: 'constant', value: 250e3 }, min: 0, max: MAX_BANDWIDTH, example: '2Mbps' }),
      download: s.distribution({ doc: 'Peer download bandwidth (a constant or a distribution).', unit: 'bandwidth', default: { dist: 'constant', value: 1.25e6 }, min: 0, max: MAX_BANDWIDTH, example: '10Mbps' }),
    }, { doc: 'Peer access links.' }),
    neighbours: s.choice(['overlay'], s.integer({ doc: 'Number of random peers each peer gets from the tracker.', min: 1, max: MAX_DEGREE }), {
      doc: 'p2p: whom a peer exchanges chunks with: `overlay` (its overlay neighbours at the start) or a number K: K random peers from the tracker, as in BitTorrent (connections are two-way, so a peer ends up with about 2K neighbours).',
      default: 20, example: 'overlay' }),
    uploadSlots: s.integer({ doc: 'p2p: concurrent chunk uploads of a peer (BitTorrent unchokes 4), each at an equal share of its upload.', default: 4, min: 1, max: MAX_SLOTS }),
    rarity: s.enumOf(['swarm', 'neighbours'], { doc: 'p2p rarest-first: rank chunks by their copies in the whole swarm (fast), or by how many of the receiver\'s neighbours hold them, as BitTorrent does (2 more bytes per peer per chunk, slower).', default: 'swarm' }),
  }, { doc: 'File distribution experiment.' }), { doc: 'Optional file-distribution experiment (client-server vs P2P).' }),
  aggregation: s.optional(s.object({
    aggregate: s.enumOf(['average', 'count'], {
      doc: '`average`: each peer starts with a value drawn from `values` and all converge to their mean; `count`: one random live peer starts with 1 and the others with 0, so all converge to 1/N and each estimates the network size N as 1/value.',
      default: 'average' }),
    values: s.distribution({ doc: '`average`: the distribution of the peers\' initial values (a load, a measurement).', default: { dist: 'uniform', min: 0, max: 100 }, min: -MAX_PLAIN, max: MAX_PLAIN }),
    start: s.duration({ doc: 'When the first cycle starts.', default: 0, ...time }),
    period: s.duration({ doc: 'Cycle length: each live peer starts one exchange per period (event engine: at its own phase within the period).', default: 1, ...step }),
    cycles: s.integer({ doc: `Cycles run; then the peers stop exchanging. At most ${grouped(MAX_ROUNDS)}.`, default: 30, min: 1, max: MAX_ROUNDS }),
    targets: s.enumOf(['uniform', 'neighbours'], {
      doc: '`uniform`: the partner is any live peer (a peer-sampling service); `neighbours`: a random overlay neighbour.',
      default: 'uniform' }),
  }, { doc: 'Push-pull averaging (Jelasity, Montresor & Babaoglu 2005).' }), { doc: 'Optional gossip aggregation: peers average their values pairwise until all hold the global mean.' }),
  metrics: s.object({
    sample: s.duration({ doc: 'Time-series sampling interval; duration / sample at most 10^7 samples (each is an event and a row of every series).', default: 1, ...step }),
    highlight: s.optionalList(s.string({ doc: 'A metric path as in the results, e.g. `resilience[0].largestComponentFraction`; `[]` stands for every index.', minLength: 1, maxLength: MAX_NAME_LENGTH }), {
      doc: 'The metrics this scenario is about: a sweep report charts them first, in this order.',
      default: [], maxItems: MAX_ITEMS, example: ['resilience[0].largestComponentFraction', 'broadcasts[0].coverage'] }),
  }, { doc: 'Observation settings.' }),
}, { doc: 'A gossipsim scenario.' });

/** A scenario after validation: every key present, every unit resolved to SI. */
export type Scenario = Infer<typeof scenarioSchema>;
export type BroadcastSpec = Scenario['workload']['broadcasts'][number];
export type SearchSpec = Scenario['workload']['searches'][number];
export type FailureSpec = Scenario['failures'][number];
export type ChurnSpec = NonNullable<Scenario['churn']>;
export type CapacitySpec = NonNullable<Scenario['capacity']>;
export type AggregationSpec = NonNullable<Scenario['aggregation']>;
export type SamplingSpec = NonNullable<Scenario['overlay']['sampling']>;
export type { Dist };
