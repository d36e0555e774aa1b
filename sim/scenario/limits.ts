/**
 * The bounds of every scenario value, each with the reason the engine needs it: the schema
 * states them (so the reference and the JSON Schema show them) and the cross-checks use them.
 */
import { twoTo } from '../math/two-to.js';
import { MAX_PEERS } from '../engine/simulator.js';

/**
 * Longest time a scenario may name: 10,000 days. Event times are doubles of seconds, exact
 * to 0.12 µs up to here, so the shortest step below still separates events.
 */
export const MAX_DURATION = 10_000 * 86_400;
/** Shortest period, interval or run: 1 µs (steps shorter than that merge with float rounding). */
export const MIN_STEP = 1e-6;
/** Highest rate: 10^6 per second (of queries or arrivals; each is at least one event). */
export const MAX_RATE = 1e6;
/** Largest size: 1000 TB (file sizes; a chunk count is bounded separately). */
export const MAX_SIZE = 1e15;
/** Smallest file or chunk: 1 byte. */
export const MIN_SIZE = 1;
/** Highest bandwidth: 1000 Tbps (125 TB/s), beyond any access link. */
export const MAX_BANDWIDTH = 125e12;
/** Slowest positive bandwidth: 1 bps (a 1 PB file then takes a finite, if long, time). */
export const MIN_BANDWIDTH = 0.125;
/**
 * Most peers alive at time 0, and of peer ids with the arrivals: 134 million, below the
 * engine's MAX_PEERS (2^27 − 1, set by the event tie-break). The memory guard decides what fits.
 */
export const MAX_INITIAL_PEERS = 134_000_000;
/** Peer ids (a broadcast origin, say) are below this. */
export const PEER_LIMIT = MAX_PEERS;
/**
 * Largest fanout: 2^26, the events one peer schedules before its tie-breaks repeat (the
 * engine numbers them modulo 2^26), so the messages of one gossip action never tie.
 */
export const MAX_FANOUT = twoTo(26);
/**
 * Links an overlay may hold in all: adjacency offsets are Int32, so peers.count × degree
 * stays below 2^31.
 */
export const MAX_LINK_ENDS = twoTo(31) - 1;
/** Largest degree, maxDegree or tracker neighbour count: 2^16 (a peer's links are counted in one adjacency row). */
export const MAX_DEGREE = twoTo(16);
/** Largest sampling view: 4096 entries (each peer keeps 2 × viewSize Int32s). */
export const MAX_VIEW = 4096;
/** Most rumours in all (each keeps its own per-peer state: a bit, plus a word for flooding). */
export const MAX_RUMOURS = 10_000;
/** Most gossip rounds or hops of one broadcast: 10^6 (a round is one event per informed peer). */
export const MAX_ROUNDS = 1_000_000;
/** Most queries of all search batches together: 10^6 (each keeps the peers it visited while it runs). */
export const MAX_QUERIES = 1_000_000;
/**
 * Largest TTL, walker count, check interval and ring step: 2^16. Rings are packed with
 * peer ids in 2^27 spans (search visit records); this cap keeps them far inside 2^53.
 */
export const MAX_HOPS = twoTo(16);
/** Most items a list (broadcasts, searches, failures) may hold. */
export const MAX_ITEMS = 1000;
/** Most distinct data items: 10^7 (per-item tables of popularity and replicas). */
export const MAX_OBJECTS = 10_000_000;
/** Most replicas in all (objects × replicas per object): holder lists are indexed by Int32. */
export const MAX_REPLICAS = twoTo(31) - 1;
/** Most chunks of a file (file / chunk): 2^20; every peer keeps a bit (or 2 bytes) per chunk. */
export const MAX_CHUNKS = twoTo(20);
/** Most concurrent uploads of a peer or the server. */
export const MAX_SLOTS = twoTo(16);
/**
 * Most time-series samples (duration / metrics.sample): 10^7, each an event and a row of
 * every series (a 30-day run sampled every second has 2.6 million).
 */
export const MAX_SAMPLES = 10_000_000;
/** Longest scenario name: 200 characters (it is the report's title and file name). */
export const MAX_NAME_LENGTH = 200;
/** Longest description: 64 Ki characters of markdown. */
export const MAX_DESCRIPTION_LENGTH = 65_536;
/** Largest scenario file: 1 MiB; larger ones are refused before they are parsed. */
export const MAX_FILE_BYTES = twoTo(20);
/** Most YAML aliases a file may use (an alias bomb expands exponentially). */
export const MAX_ALIASES = 100;
/** Largest magnitude of a plain distribution parameter (ranks, means of plain numbers). */
export const MAX_PLAIN = 1e9;
/** Bounds of the shape parameters: smaller pareto/weibull shapes draw values past any double. */
export const MIN_SHAPE = 0.1;
export const MAX_SHAPE = 1000;
/** Largest lognormal sigma: e^(sigma²/2), the mean's factor, stays finite. */
export const MAX_SIGMA = 10;
/** Largest zipf exponent. */
export const MAX_EXPONENT = 100;

/** Bounds shared by many keys: a time in the run, and a period (at least 1 µs). */
export const TIME_BOUNDS = { min: 0, max: MAX_DURATION };
export const STEP_BOUNDS = { min: MIN_STEP, max: MAX_DURATION };
/** Hop counts travel packed in message payloads. */
export const HOP_BOUNDS = { min: 1, max: MAX_HOPS };
