/**
 * How much memory a scenario needs, estimated before it runs from the sizes of the typed
 * arrays it will allocate, so that a run too big for the machine is refused with the
 * estimate instead of dying half-way (or swapping the machine to a halt).
 *
 * The model: peak RSS = runtime + max over the three phases of a run of what is alive in it
 *   overlay build    peer table, the overlay graph and its generator's temporaries
 *   overlay summary  + scheduler and network streams, the metrics' BFS arrays, and part
 *                    of the build's temporaries (garbage not yet collected)
 *   run              + scheduler and network streams, every component's per-peer state
 *                    and the event queue (48 bytes a slot, capacity a power of two)
 * Every per-peer figure below is the byte size of the arrays the code allocates (named in
 * the comments); expected pending events are rules of thumb measured on the bundled
 * workloads. Calibrated against the peak RSS of `gossipsim run` at 10^5 – 10^7 peers: the
 * estimate is within about 15% of the measurement for overlay- and broadcast-dominated
 * runs (test/run/memory-estimate.test.ts holds the measured points and the tolerance).
 */
import { ScenarioError } from '../scenario/errors.js';
import { parseSize } from '../scenario/units.js';
import type { Scenario } from '../scenario/schema.js';
import type { MemoryTerm } from '../families/family.js';
import { FAMILIES } from '../families/families.js';
import { familyComponents } from './components.js';
import { grouped } from '../text/group-digits.js';
import { twoTo } from '../math/two-to.js';

export type { MemoryTerm };

export interface MemoryEstimate {
  /** Estimated peak resident memory of the run, in bytes. */
  bytes: number;
  /** Peers the per-peer arrays are sized for (initial peers plus expected arrivals). */
  peers: number;
  /** (bytes − runtime) / peers. */
  bytesPerPeer: number;
  /** The phase that sets the peak. */
  peakPhase: 'overlay build' | 'overlay summary' | 'run';
  /** The terms of the peak phase, largest first (the runtime included). */
  terms: MemoryTerm[];
  /** Events expected pending in the queue at the busiest moment (0: none expected). */
  pendingEvents: number;
}

/** Node itself, the modules and the JS heap of a small run (measured: 55–65 MB). */
export const RUNTIME_BYTES = 64 * twoTo(20);
/** Bytes of one event-queue slot: heap time and slot (8 + 4), a 32-byte record (tie, b, kind, target, src, a), free list (4). */
export const QUEUE_SLOT_BYTES = 48;
/**
 * Temporaries of the overlay summary (alive list, path-length batch BFS, components,
 * clustering: 49 B a peer allocated, not all of it touched): measured 29 B a peer.
 */
export const SUMMARY_BYTES_PER_PEER = 30;
/**
 * Share of the overlay build's temporaries still resident during the summary: V8 frees
 * large array buffers lazily (measured: all of them at 3·10^6 peers, none at 10^7).
 */
export const BUILD_GARBAGE_SHARE = 0.5;

const MiB = twoTo(20);

/** Smallest power of two >= x (the event queue doubles from 1024 slots). */
function queueCapacity(slots: number): number {
  let c = 1024;
  while (c < slots) c *= 2;
  return c;
}

interface Phase {
  name: MemoryEstimate['peakPhase'];
  terms: MemoryTerm[];
}

/** Per-peer bytes of the overlay graph (graph.ts: offset, deg, cap 12 + 4 a slot) and its build temporaries. */
function overlayTerms(scenario: Scenario, n: number, churn: boolean): { graph: number; build: number; model: string } {
  const o = scenario.overlay;
  const k = Math.min(o.degree, Math.max(0, n - 1));
  let graph = 12 + 4 * k;
  let build: number;
  switch (o.model) {
    case 'random-regular': build = 4 * k + 4; break;              // stubs (n·k), capacities
    case 'erdos-renyi': build = 4.2 * k + 8; break;                // edge list (+5%), degrees, capacities
    case 'barabasi-albert': build = 4 * k + 8; break;              // edge list, degrees, capacities
    case 'watts-strogatz': graph = 12 + 4 * (k + 2) * (1 + o.rewire); build = 4; break; // runs of k+2, relocated when rewired
    case 'join-random': build = 12 + 4 * Math.min(o.maxDegree, k + 2) + 8; break;     // the loose graph before its tight copy, open list
    default: build = 4 * k;
  }
  // Under churn, links move to the end of the pool as runs fill up: the pool may double.
  if (churn) graph += 4 * k;
  return { graph: graph * n, build: build * n, model: o.model };
}

/**
 * The estimate for `scenario` (pure: depends on the scenario only). The event queue is
 * sized from the expected pending events of each component; arrays that grow by doubling
 * (peers joining) are counted at 1.5 times their need.
 */
export function estimateMemory(scenario: Scenario, threads = 1): MemoryEstimate {
  const one = estimateOneThread(scenario);
  if (threads <= 1) return one;
  // A run split across threads (sim/parallel/): the main thread runs partition 0, a worker
  // each other one. Per-peer state lives once, in shared memory, or in the partition that
  // owns the peer; what each extra thread adds (its share of the informing logs, the
  // outboxes between partitions, a copy of each informed bitset, queue slack) is modelled
  // as SPLIT_STATE_FACTOR of the one-thread state. Where churn, repair, failures or a
  // trace's steps change the overlay, it is one more copy, shared by all threads (the
  // first stays as at the start, for the summary). Plus a runtime per worker
  // (test/run/memory-estimate.test.ts holds the measured points).
  // Terms a family sized for a split run (MemoryTerm.split, e.g. peer sampling's) count as
  // such, and take no share of the extra threads' state.
  let splitOne = 0, splitAll = 0;
  const own = one.terms.map((t) => {
    if (!t.split) return t;
    const bytes = t.split.shared + threads * t.split.perThread;
    splitOne += t.bytes;
    splitAll += bytes;
    return { what: `${t.what}, shared by the threads`, bytes };
  });
  const state = one.bytes - RUNTIME_BYTES - splitOne;
  const extra = (threads - 1) * SPLIT_STATE_FACTOR * state;
  const room = sharedLinkRoom(scenario);
  // Terms each thread holds whole (e.g. the DHT's tables): the rest of a full copy per extra thread.
  const whole = (threads - 1) * (1 - SPLIT_STATE_FACTOR) * one.terms.reduce((sum, t) => sum + (t.perThread ? t.bytes : 0), 0);
  const terms = [...own,
    { what: `the rest of a whole copy, per extra thread, of what each thread holds whole`, bytes: whole },
    { what: `per-peer state of ${threads - 1} more thread${threads > 2 ? 's' : ''}, outboxes`, bytes: extra },
    { what: room.what, bytes: room.bytes },
    { what: `worker thread runtimes (${threads - 1})`, bytes: (threads - 1) * WORKER_RUNTIME_BYTES }];
  const bytes = Math.round(one.bytes - splitOne + splitAll + extra + whole + room.bytes + (threads - 1) * WORKER_RUNTIME_BYTES);
  return {
    ...one,
    bytes,
    bytesPerPeer: Math.round((bytes - RUNTIME_BYTES) / Math.max(1, one.peers)),
    terms: terms.filter((t) => t.bytes > 0).sort((a, b) => b.bytes - a.bytes),
  };
}

/**
 * A split run where some family's events add and drop links (churn without peer
 * sampling, failures, a trace's steps) shares one more copy of the overlay, in which every peer id of the run has a
 * run of max(its degree, linkRoom) slots that never moves (parallel/shared-graph.ts). Every
 * id: the arrivals' too, reserved from the start (SplitContract.arrivals counts them
 * exactly; here the expected number plus four standard deviations of a Poisson count). The
 * other shared per-peer arrays also hold the arrivals from the start: the one-thread terms
 * count them, at 1.5 times the expected ids.
 */
function sharedLinkRoom(scenario: Scenario): MemoryTerm {
  const linking = familyComponents(scenario).flatMap(({ family }) => (family.split?.peerEventsChange?.(scenario).includes('links') ? [family.split] : []));
  if (linking.length === 0) return { what: 'shared overlay with room for links', bytes: 0 };
  const room = Math.max(0, ...linking.map((s) => s.linkRoom?.(scenario) ?? 0));
  const expected = (scenario.churn?.arrivals ?? 0) * scenario.duration;
  const ids = scenario.peers.count + Math.ceil(expected + 4 * Math.sqrt(expected));
  const slots = Math.max(room, Math.min(scenario.overlay.degree, scenario.peers.count - 1));
  return { what: `shared overlay with room for ${room} links a peer (${grouped(ids)} peer ids)`, bytes: ids * (12 + 4 * slots) };
}

/**
 * Room in the event queue from the start for the events expected pending at the busiest
 * moment, plus 10%: a queue that grows by doubling overshoots, and leaves its old arrays to
 * the next major collection (measured: 10^6-peer flood 152 -> 118 B a peer). At most 2^24
 * slots (800 MB); it still grows if more events are pending. With `threads`, each
 * partition's share of it.
 */
export function initialQueueSlots(scenario: Scenario, threads = 1): number {
  const pending = estimateOneThread(scenario).pendingEvents;
  return Math.max(1024, Math.ceil(Math.min(twoTo(24), Math.ceil(1.1 * pending)) / threads));
}

/** A worker thread's own runtime (its isolate, modules and JS heap). */
export const WORKER_RUNTIME_BYTES = 24 * twoTo(20);
/** Per-peer state of each extra thread of a split run, relative to one thread's. */
export const SPLIT_STATE_FACTOR = 0.7;

function estimateOneThread(scenario: Scenario): MemoryEstimate {
  const n0 = scenario.peers.count;
  const duration = scenario.duration;
  const churn = scenario.churn;
  const arrivals = churn ? churn.arrivals * duration : 0;
  const n = Math.ceil((n0 + arrivals) * (arrivals > 0 ? 1.5 : 1));
  const perPeer = (what: string, bytes: number): MemoryTerm => ({ what, bytes: bytes * n });

  const overlay = overlayTerms(scenario, n, churn !== null);
  const always: MemoryTerm[] = [
    { what: 'runtime (Node, modules, JS heap)', bytes: RUNTIME_BYTES },
    perPeer('peer table', 1),
    { what: `overlay graph (${overlay.model}, degree ${scenario.overlay.degree})`, bytes: overlay.graph },
  ];
  // Created after the overlay: the scheduler's per-peer sequence numbers, network streams.
  const engine: MemoryTerm[] = [perPeer('scheduler sequence numbers', 4), perPeer('network streams', 4)];

  // Each family's per-peer state and the events it keeps pending (families/registry.ts).
  const run: MemoryTerm[] = [];
  let pending = 0;
  const input = { scenario, initialPeers: n0, peers: n, perPeer };
  for (const family of FAMILIES) {
    const part = family.memory?.(input);
    if (!part) continue;
    run.push(...part.terms);
    pending += part.pendingEvents;
  }

  if (pending > 0) {
    // The queue doubles: while the last copy is made the old arrays are still there.
    const slots = queueCapacity(pending);
    run.push({ what: `event queue (~${grouped(pending)} pending events)`, bytes: 1.5 * slots * QUEUE_SLOT_BYTES });
  }

  const phases: Phase[] = [
    { name: 'overlay build', terms: [...always, { what: `overlay build temporaries (${overlay.model})`, bytes: overlay.build }] },
    { name: 'overlay summary', terms: [...always, ...engine, perPeer('overlay summary temporaries (BFS)', SUMMARY_BYTES_PER_PEER),
      { what: 'overlay build garbage not yet collected', bytes: BUILD_GARBAGE_SHARE * overlay.build }] },
    { name: 'run', terms: [...always, ...engine, ...run] },
  ];
  let peak = phases[0], peakBytes = 0;
  for (const phase of phases) {
    const bytes = phase.terms.reduce((sum, t) => sum + t.bytes, 0);
    if (bytes > peakBytes) { peak = phase; peakBytes = bytes; }
  }
  const terms = peak.terms.filter((t) => t.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  return {
    bytes: Math.round(peakBytes),
    peers: n,
    bytesPerPeer: Math.round((peakBytes - RUNTIME_BYTES) / Math.max(1, n)),
    peakPhase: peak.name,
    terms,
    pendingEvents: Math.round(pending),
  };
}

/** Memory a run may use: the environment's GOSSIPSIM_MEMORY_LIMIT, else the machine's. */
export interface MemoryLimit {
  /** Bytes, or Infinity when the check is off. */
  bytes: number;
  /** Where the limit comes from, for the message. */
  source: string;
}

/** Headroom left to the OS and other processes: 10% of the machine, at least 1 GiB. */
export function machineLimit(totalBytes: number): number {
  return totalBytes - Math.max(twoTo(30), 0.1 * totalBytes);
}

/**
 * The limit: GOSSIPSIM_MEMORY_LIMIT (a size such as `20GiB` or `64GB`, or `off` to skip
 * the check) when set, else the machine's memory less 10% (at least 1 GiB) of headroom.
 * Throws ScenarioError for a malformed variable.
 */
export function memoryLimit(env: Record<string, string | undefined>, totalBytes: number): MemoryLimit {
  const raw = env.GOSSIPSIM_MEMORY_LIMIT?.trim();
  if (raw) {
    if (/^(off|none|unlimited|0)$/i.test(raw)) return { bytes: Infinity, source: 'GOSSIPSIM_MEMORY_LIMIT=off' };
    const parsed = parseSize(/^\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
    if (!parsed.ok || !(parsed.value > 0)) {
      throw new ScenarioError(`GOSSIPSIM_MEMORY_LIMIT: expected a size such as 20GiB or 64GB, or off (got "${raw}")`);
    }
    return { bytes: parsed.value, source: `GOSSIPSIM_MEMORY_LIMIT=${raw}` };
  }
  return { bytes: machineLimit(totalBytes), source: `this machine has ${human(totalBytes)}` };
}

/** `bytes` in GiB or MiB, for messages. */
function human(bytes: number, digits = 1): string {
  return bytes >= twoTo(30) ? `${(bytes / twoTo(30)).toFixed(digits)} GiB` : `${(bytes / MiB).toFixed(digits - 1)} MiB`;
}

/**
 * Throws a ScenarioError (exit 2) when the estimate exceeds the limit: one paragraph with
 * the estimate, its largest terms, the limit and what to change. `threads`: the threads the
 * run will be split across (planParallelRun), 1 when it runs on one.
 */
export function checkMemory(scenario: Scenario, limit: MemoryLimit, file?: string, threads = 1): MemoryEstimate {
  const estimate = estimateMemory(scenario, threads);
  if (estimate.bytes <= limit.bytes) return estimate;
  const top = estimate.terms.filter((t) => t.bytes >= 0.05 * estimate.bytes).slice(0, 4)
    .map((t) => `${t.what} ${human(t.bytes)}`).join(', ');
  const { needed, usable } = overLimit(estimate.bytes, limit);
  throw new ScenarioError(
    `scenario needs about ${needed} (${grouped(estimate.peers)} peers × ~${estimate.bytesPerPeer} B/peer at its peak, the ${estimate.peakPhase}: ${top}), ` +
    `but ${usable}; reduce peers.count (or overlay.degree, the number of broadcasts, capacity chunks...${threads > 1 ? ', or --workers' : ''}), ` +
    OVERRIDE_HINT,
    { file, keyPath: 'peers.count' },
  );
}

/** How the refusals end: the way round a cautious estimate. */
const OVERRIDE_HINT = 'or set GOSSIPSIM_MEMORY_LIMIT (e.g. GOSSIPSIM_MEMORY_LIMIT=64GiB, or off) if the estimate is too cautious';

/** The bytes needed and the limit, as a refusal words them (one more digit when they would print alike). */
function overLimit(bytes: number, limit: MemoryLimit): { needed: string; usable: string } {
  const digits = human(bytes) === human(limit.bytes) ? 3 : 1;
  const usable = limit.source.startsWith('GOSSIPSIM') ? `the limit is ${human(limit.bytes, digits)} (${limit.source})`
    : `${limit.source}, of which ${human(limit.bytes, digits)} may be used`;
  return { needed: human(bytes, digits), usable };
}

/**
 * A sweep runs up to `concurrent` runs at once, one per worker thread of one process: its
 * peak is about the runtime plus, per concurrent run, the largest run's state and a worker's
 * runtime. Throws a ScenarioError (exit 2) naming the largest point when that exceeds the
 * limit. `points`: each point's scenario and how the user wrote it (e.g. peers.count=10^6).
 */
export function checkSweepMemory(
  points: Array<{ scenario: Scenario; label: string }>, concurrent: number, limit: MemoryLimit, file?: string,
): number {
  if (points.length === 0) return RUNTIME_BYTES;
  let largest = points[0], largestBytes = -1;
  for (const p of points) {
    const b = estimateOneThread(p.scenario).bytes;
    if (b > largestBytes) { largest = p; largestBytes = b; }
  }
  const runs = Math.max(1, concurrent);
  const bytes = RUNTIME_BYTES + runs * (largestBytes - RUNTIME_BYTES + WORKER_RUNTIME_BYTES);
  if (bytes <= limit.bytes) return bytes;
  const { needed, usable } = overLimit(bytes, limit);
  throw new ScenarioError(
    `sweep needs about ${needed} (${runs} run${runs > 1 ? 's' : ''} at once, the largest point ${largest.label} ` +
    `needing about ${human(largestBytes)} alone), but ${usable}; use fewer --workers, smaller --vary values, ` +
    OVERRIDE_HINT,
    { file },
  );
}
