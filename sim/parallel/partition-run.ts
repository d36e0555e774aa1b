/**
 * One partition of a parallel run, as a thread runs it (the main thread partition 0, a
 * worker each of the others): its peers' events in
 * conservative time windows. After each barrier every partition knows G, the earliest
 * pending event anywhere; no message sent at or after G can arrive before G + lookahead
 * (the minimum latency), so each partition may process its events before
 * min(G + lookahead, next controller event, just past the next sampling instant) without
 * waiting for the others. Messages to other partitions go to shared outboxes and join
 * their receivers' queues at the next barrier. All partitions take the same decisions,
 * from the same published figures, so no coordinator is needed.
 */
import { threadId } from 'node:worker_threads';
import { Services } from '../run/services.js';
import { Transport } from '../network/transport.js';
import { clampNonNegative, makeSampler } from '../random/distributions.js';
import { makeStreamFactories, type Component, type SimContext } from '../run/context.js';
import { PeerTable } from '../run/peers.js';
import { liveMask } from '../metrics/alive-peers.js';
import { pathLengthSums, type PathSums } from '../metrics/path-length.js';
import { FAMILIES } from '../families/families.js';
import { Barrier } from './barrier.js';
import { Board, LAST, NEXT, PHANTOM } from './board.js';
import { drainOutbox, OutboxWriter } from './outbox.js';
import { PartitionSimulator } from './partition-simulator.js';
import { Ownership } from './partition.js';
import { PathJob } from './path-job.js';
import { splitPathSums, SPLIT_BFS_MAX_SOURCES } from './path-split.js';
import type { PartitionInput, PartitionOutput } from './protocol.js';
import { SeriesRecorder } from '../run/series.js';
import { privateGraphCopy, sharedGraphView } from './shared-graph.js';
import { contributionOf, type SplitPart } from './split.js';
import { threadCpuSeconds } from './thread-cpu.js';
import { TickShare } from './tick-share.js';

const scratch = new Float64Array(1);
const scratchBits = new BigUint64Array(scratch.buffer);

/** The smallest double above x (x >= 0, finite): "time <= x" is "time < nextUp(x)". */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  scratch[0] = x;
  scratchBits[0] += 1n;
  return scratch[0];
}

/** The run's families in a split form, built from the registry by name (input.families' order). */
function familyParts(input: PartitionInput, env: Omit<import('./split.js').PartitionEnv, 'buffers' | 'firstLane'>): SplitPart[] {
  let lane = 0;
  return input.families.map((f) => {
    const family = FAMILIES.find((x) => x.name === f.name);
    if (!family?.split) throw new Error(`parallel: family '${f.name}' has no split form`);
    const part = family.split.partition(input.scenario, { ...env, buffers: f.buffers, firstLane: lane });
    lane += f.lanes;
    return part;
  });
}

export function runPartition(input: PartitionInput, onProgress?: (fraction: number) => void): { output: PartitionOutput; transfer: ArrayBuffer[] } {
  const { scenario, index: me, threads, blockSize, lookahead, capacity } = input;
  const n = scenario.peers.count;
  const ownership = new Ownership(n, threads, blockSize, me);
  const { lo, hi } = ownership;
  const barrier = new Barrier(input.barrier, threads);
  const familyCells = input.families.reduce((sum, f) => sum + f.cells, 0);
  const lanes = input.families.reduce((sum, f) => sum + f.lanes, 0);
  const board = new Board(input.board, threads, familyCells);
  const cells = board.cells;

  // Outboxes of both window parities; `current` (what the simulator writes to) follows the parity.
  const writers = [0, 1].map((p) => input.outboxes[p][me].map((b) => (b === null ? null : new OutboxWriter(b))));
  const current: Array<OutboxWriter | null> = writers[0].slice();
  const sim = new PartitionSimulator(capacity, lo, hi, blockSize, current, new Uint32Array(input.peerSeq, 0, capacity), input.queueSlots,
    capacity > n ? ownership.dealtFrom : Infinity);

  // Every peer alive (no churn): one shared copy for all threads, all run long; where a
  // family's controller events take peers down and drop their links (failures), each
  // thread's own copies, which every thread changes alike.
  const membershipChanges = FAMILIES.some((f) => input.families.some((x) => x.name === f.name) && (f.split?.changesMembership?.(scenario) ?? false));
  const initialAlive = new Uint8Array(input.alive, 0, n);
  const initialOverlay = sharedGraphView(input.overlay);
  const peers = new PeerTable(0);
  peers.count = peers.aliveCount = n;
  // With arrivals, the shared alive array has room for them all (PeerTable.create never moves it).
  peers.alive = membershipChanges ? initialAlive.slice()
    : input.aliveNow !== null ? new Uint8Array(input.aliveNow, 0, capacity) : initialAlive;
  const sharedStreams = new Map(Object.entries(input.peerStreams).map(([name, b]) => [name, new Uint32Array(b, 0, capacity)]));
  const streams = makeStreamFactories(scenario.seed, () => peers.alive.length, sharedStreams);
  const latency = clampNonNegative(makeSampler(scenario.network.latency));
  const transport = new Transport(sim, latency, scenario.network.loss, streams.peerStreams('network'));
  const ctx: SimContext = {
    scenario,
    seed: scenario.seed,
    sim,
    peers,
    overlay: membershipChanges ? privateGraphCopy(input.overlay)
      : input.links !== null ? sharedGraphView(input.links) : input.ownOverlay ? sharedGraphView(input.overlay) : initialOverlay,
    transport,
    // A stream a family declared shared (split.ts: sharedStreams) may be drawn by any
    // thread for any peer (see tick-share.ts); the others only by the peer's owner.
    peerStreams: streams.peerStreams,
    namedStream: streams.namedStream,
    peerDown: [],
    peerUp: [],
    peerArrive: [],
    services: new Services(),
  };

  const ticks = new TickShare(input.claims, lanes, threads);
  let windowEvents = new Float64Array(1024), processedBefore = 0;
  const loopStart = performance.now();
  const startCpu = threadCpuSeconds();
  let windows = 0, waitSeconds = 0, received = 0, tickBarriers = 0;
  const overlayReadDuringRun = FAMILIES.some((f) => f.readsOverlayDuringRun?.(scenario) ?? false);
  const parts = familyParts(input, {
    scenario, me, threads, lo, hi, blockSize, capacity, sim, barrier, ticks, membershipChanges, overlayReadDuringRun,
    owns: (p) => ownership.owns(p), ownRanges: (count) => ownership.ranges(count),
  });
  const components: Component[] = parts.flatMap((p) => p.components);
  // An inline controller event reads state that only window-ending ones change; not so
  // where some family's peer events change it.
  if (parts.some((p) => p.peersChangeWhatControllersRead)) sim.noInline();
  for (const c of components) c.start(ctx);
  for (const p of parts) p.started?.(ctx);
  // Each family's first board cell, and the hooks of those that have them.
  const firstCell: number[] = [];
  for (let i = 0, at = 0; i < parts.length; i++) {
    firstCell.push(board.familyField(at));
    at += input.families[i].cells;
  }
  const admitting = parts.filter((p) => p.admit !== undefined).map((p) => p.admit!);
  if (admitting.length === 1) sim.admit = admitting[0];
  else if (admitting.length > 1) sim.admit = (time, kind, target, src, a, b) => admitting.every((admit) => admit(time, kind, target, src, a, b));
  const phantomCounts = parts.flatMap((p) => (p.phantoms ? [p.phantoms] : []));
  const settleControllers = parts.some((p) => p.peersChangeWhatControllersRead);
  // Whether only controller events send messages (then a window without one may run to the next).
  const quietArrivals = parts.every((p) => p.sendsOnArrival !== undefined && !p.sendsOnArrival());

  // Partition 0 samples the series, from figures summed at the barrier; in the others,
  // the families that sample everywhere (the observer's share of the searches).
  const recorder = me === 0 ? new SeriesRecorder() : null;
  const everywhere = parts.filter((p) => p.samplesEverywhere).flatMap((p) => p.components);
  const beforeSample = parts.filter((p) => p.sampling !== undefined);
  const sample = (t: number) => {
    for (const p of beforeSample) p.sampling!(t);
    if (!recorder) {
      for (const c of everywhere) c.sample?.(ctx, () => undefined);
      return;
    }
    const write = recorder.row(t);
    write('alive', peers.aliveCount);
    for (const c of components) c.sample?.(ctx, write);
  };
  // A family that reads other partitions' peers when sampling: no thread changes its
  // peers while partition 0 samples (barriers before and after; every thread alike).
  const sharedSamples = parts.some((p) => p.readsSharedState);
  if (sharedSamples) barrier.wait();
  sample(0);
  if (sharedSamples) barrier.wait();

  const step = scenario.metrics.sample;
  const duration = scenario.duration;
  let k = 1;
  let t = Math.min(step, duration);
  let parity = 0;
  let endTime = 0;
  for (;;) {
    // Publish this window's figures, then wait for everyone's.
    const row = board.row(parity, me);
    let next = sim.queue.peekTime();
    for (let j = 0; j < threads; j++) {
      const w = current[j];
      cells[row + board.outField(j)] = w === null ? 0 : w.count;
      if (w !== null && w.minTime < next) next = w.minTime;
    }
    let horizon = 0;
    for (const ph of phantomCounts) if (ph.horizon > horizon) horizon = ph.horizon;
    cells[row + NEXT] = next;
    cells[row + PHANTOM] = horizon;
    cells[row + LAST] = sim.now;
    for (let i = 0; i < parts.length; i++) parts[i].publish?.(cells, row + firstCell[i]);
    const waitStart = performance.now();
    barrier.wait();
    waitSeconds += (performance.now() - waitStart) / 1000;
    if (windows === windowEvents.length) {
      const grown = new Float64Array(2 * windows);
      grown.set(windowEvents);
      windowEvents = grown;
    }
    const processed = sim.events + sim.controllerEvents;
    windowEvents[windows++] = processed - processedBefore;
    processedBefore = processed;

    // Take in the messages sent to this partition; sum the figures.
    for (let j = 0; j < threads; j++) {
      if (j === me) continue;
      const count = board.outCount(parity, j, me);
      drainOutbox(input.outboxes[parity][j][me]!, count, sim.receive, sim.pooled);
      received += count;
    }
    let earliest = sim.controllerNext(), phantom = 0, last = 0;
    for (let i = 0; i < threads; i++) {
      const r = board.row(parity, i);
      if (cells[r + NEXT] < earliest) earliest = cells[r + NEXT];
      if (cells[r + PHANTOM] > phantom) phantom = cells[r + PHANTOM];
      if (cells[r + LAST] > last) last = cells[r + LAST];
    }
    for (let i = 0; i < parts.length; i++) {
      const first = firstCell[i];
      const scheduled = parts[i].gather?.(cells, (partition) => board.row(parity, partition) + first);
      if (typeof scheduled === 'number' && scheduled < earliest) earliest = scheduled;
    }

    // Every sampling instant before the earliest pending event is complete.
    let finished = false, sampled = false;
    while (earliest > t) {
      sampled = true;
      sample(t);
      if (me === 0) onProgress?.(t / duration);
      if (t >= duration) {
        endTime = duration;
        finished = true;
        break;
      }
      if (earliest === Infinity && phantom <= t) {
        endTime = Math.max(last, phantom);
        finished = true;
        break;
      }
      k++;
      t = Math.min(k * step, duration);
    }
    if (finished) break;
    if (sampled && sharedSamples) barrier.wait();

    // The next window: controller events due now first (they see the summed figures).
    parity ^= 1;
    for (let j = 0; j < threads; j++) {
      const w = writers[parity][j];
      w?.reset();
      current[j] = w;
    }
    const controllerDue = sim.controller.peekTime() === earliest;
    if (controllerDue) {
      sim.runController(earliest, () => {
        const start = performance.now();
        ticks.separate(barrier);
        waitSeconds += (performance.now() - start) / 1000;
        tickBarriers++;
      });
      const settleStart = performance.now();
      if (ticks.settle(barrier) || (settleControllers && (barrier.wait(), true))) {
        waitSeconds += (performance.now() - settleStart) / 1000;
        tickBarriers++;
      }
    }
    // A window with controller events ends one lookahead on: the messages they sent reach
    // other partitions at its barrier. One without runs to the next controller event if
    // nothing in it can send a message (every message in flight was delivered at the
    // barrier before it, as it was sent by an earlier window's controller events), or to
    // one lookahead past its first inline controller event (which may send).
    const end = Math.min(controllerDue || !quietArrivals ? earliest + lookahead : sim.inline.peekTime() + lookahead, sim.controller.peekTime(), nextUp(t));
    // (planParallelRun made sure that time + lookahead > time up to the run's end.)
    if (!(end > earliest)) throw new Error(`parallel: empty time window at ${earliest} s`);
    sim.runBefore(end);
  }

  const loopSeconds = (performance.now() - loopStart) / 1000;
  const loopCpuSeconds = threadCpuSeconds() - startCpu;

  // Then this worker's share of the overlay summary's path-length BFS.
  let pathSums: PathSums | null = null;
  const pathStart = performance.now();
  if (input.pathJob !== null) {
    const sources = new PathJob(input.pathJob).all(barrier);
    pathSums = input.pathBfs !== null && sources.length <= SPLIT_BFS_MAX_SOURCES
      ? splitPathSums(initialOverlay, liveMask(initialOverlay, initialAlive), sources, me, threads, input.pathBfs, () => barrier.wait())
      : pathLengthSums(initialOverlay, initialAlive, PathJob.share(sources, me, threads));
  }
  const pathSeconds = input.pathJob === null ? 0 : (performance.now() - pathStart) / 1000;

  // Each family's share, for its merge on the main thread.
  const transfer: ArrayBuffer[] = [];
  const shares = parts.map((p) => {
    const share = p.share ? p.share(ctx) : contributionOf(p.components, ctx, me);
    if (share.transfer) transfer.push(...share.transfer);
    return share.data;
  });
  let phantomEvents = 0;
  for (const ph of phantomCounts) phantomEvents += ph.events;
  const output: PartitionOutput = {
    index: me,
    events: sim.events,
    controllerEvents: sim.controllerEvents,
    phantomEvents,
    messages: transport.sent,
    messagesLost: transport.lost,
    endTime,
    series: recorder ? recorder.finish() : null,
    shares,
    pathSums,
    stats: {
      threadId,
      startSeconds: (performance.timeOrigin + loopStart - input.startedAt) / 1000,
      startCpuSeconds: startCpu,
      loopCpuSeconds,
      windows, tickBarriers, tickChunks: ticks.taken, loopSeconds, waitSeconds, pathSeconds, received, processed: sim.events + sim.controllerEvents,
      windowEvents: windowEvents.slice(0, windows) },
  };
  return { output, transfer };
}
