/**
 * The shared buffers of one split run, as every worker is handed them (see protocol.ts).
 */
import type { Graph } from '../overlay/graph.js';
import { PATH_EXACT_LIMIT, PATH_SOURCES } from '../metrics/path-length.js';
import { familyComponents } from '../run/components.js';
import { initialQueueSlots } from '../run/memory-estimate.js';
import type { Scenario } from '../scenario/schema.js';
import { filesForWorker } from '../scenario/input-files.js';
import { Barrier } from './barrier.js';
import { Board } from './board.js';
import { peerCapacity, type ParallelPlan } from './eligibility.js';
import { allocateOutbox } from './outbox.js';
import { partitionPeers } from './partition.js';
import { PathJob } from './path-job.js';
import { allocateSplitBfs } from './path-split.js';
import { shareGraph, shareGraphWithRoom } from './shared-graph.js';
import { TickShare } from './tick-share.js';
import type { SharedInput } from './workers.js';

/** Peers 0..n-1 alive, in shared memory with room for `capacity` (the later arrivals down until they come). */
function sharedAlive(n: number, capacity = n): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(Math.max(1, capacity));
  new Uint8Array(buffer).fill(1, 0, n);
  return buffer;
}

/**
 * What every worker is handed for `scenario` over `overlay`: the shared buffers of the run.
 * `overlap`: the workers share out the overlay summary's path-length BFS afterwards.
 */
export function sharedInput(scenario: Scenario, plan: ParallelPlan, overlay: Graph, overlap: boolean): SharedInput {
  const n = scenario.peers.count;
  const threads = plan.threads;
  const { blockSize } = partitionPeers(n, threads);
  // Room for the peers that arrive during the run in every shared per-peer array.
  const capacity = peerCapacity(scenario);
  // Each family the scenario uses sets up what its partitions share (split.ts).
  const used = familyComponents(scenario);
  const families = used.map(({ family }) => {
    const setup = family.split!.setup?.(scenario, threads, blockSize, capacity) ?? { buffers: [], cells: 0, lanes: 0 };
    return { name: family.name, ...setup };
  });
  const cells = families.reduce((sum, f) => sum + f.cells, 0);
  const lanes = families.reduce((sum, f) => sum + f.lanes, 0);
  // The peer streams any thread may draw from for any peer (a shared round tick's).
  const changes = new Set(used.flatMap(({ family }) => family.split!.peerEventsChange?.(scenario) ?? []));
  const streams = [...new Set(used.flatMap(({ family }) => family.split!.sharedStreams?.(scenario) ?? []))];
  const outboxes = [0, 1].map(() => Array.from({ length: threads }, (_, from) =>
    Array.from({ length: threads }, (_, to) => (from === to ? null : allocateOutbox()))));
  return {
    scenario,
    files: filesForWorker(scenario),
    threads,
    blockSize,
    capacity,
    lookahead: plan.lookahead,
    // Each partition's share of the events expected pending, room made from the start: growing
    // a queue mid-run (a copy of all of it) stalls its thread while the others wait at the
    // next barrier. Worked out here once (its first call costs a worker ~15 ms of set-up).
    queueSlots: initialQueueSlots(scenario, threads),
    overlay: shareGraph(overlay),
    alive: sharedAlive(n),
    aliveNow: changes.has('alive') ? sharedAlive(n, capacity) : null,
    ownOverlay: changes.has('overlay'),
    links: changes.has('links')
      ? shareGraphWithRoom(overlay, Math.max(0, ...used.map(({ family }) => family.split!.linkRoom?.(scenario) ?? 0)), capacity) : null,
    families,
    barrier: Barrier.allocate(),
    claims: TickShare.allocate(lanes),
    // With the peers' sequence numbers, shared too, any thread may act for any peer.
    peerStreams: Object.fromEntries(streams.map((name) => [name, new SharedArrayBuffer(Math.max(4, 4 * capacity))])),
    peerSeq: new SharedArrayBuffer(Math.max(4, 4 * capacity)),
    board: Board.allocate(threads, cells),
    outboxes,
    // The sources: every alive peer (at most PATH_EXACT_LIMIT of them) or a sample.
    pathJob: overlap ? PathJob.allocate(Math.min(n, Math.max(PATH_EXACT_LIMIT, PATH_SOURCES))) : null,
    // A sample of sources (above PATH_EXACT_LIMIT peers) is searched split by peer range.
    pathBfs: overlap && n > PATH_EXACT_LIMIT ? allocateSplitBfs(n, threads) : null,
  };
}
