/**
 * One partition of a parallel run, as a worker thread runs it: its peers' events in
 * conservative time windows. After each barrier every partition knows G, the earliest
 * pending event anywhere; no message sent at or after G can arrive before G + lookahead
 * (the minimum latency), so each partition may process its events before
 * min(G + lookahead, next controller event, just past the next sampling instant) without
 * waiting for the others. Messages to other partitions go to shared outboxes and join
 * their receivers' queues at the next barrier. All partitions take the same decisions,
 * from the same published figures, so no coordinator is needed.
 */
import { Services } from '../run/services.js';
import { Transport } from '../network/transport.js';
import { BroadcastComponent } from '../protocols/broadcast/component.js';
import { FailuresComponent } from '../dynamics/failures/component.js';
import { DynamicsObserver, observesDynamics } from '../dynamics/observer/component.js';
import { TRACE_MAX_PEERS } from '../protocols/broadcast/engine.js';
import type { BroadcastPartition } from '../protocols/broadcast/partition.js';
import { PhantomEvents } from '../protocols/broadcast/phantoms.js';
import { Phase, type BroadcastState } from '../protocols/broadcast/state.js';
import { clampNonNegative, makeSampler } from '../random/distributions.js';
import { makeStreamFactories, type Component, type SimContext } from '../run/context.js';
import type { Results } from '../run/results.js';
import { PeerTable } from '../run/peers.js';
import { liveMask } from '../metrics/alive-peers.js';
import { pathLengthSums, type PathSums } from '../metrics/path-length.js';
import { Barrier } from './barrier.js';
import { BitsetExchange } from './bitset-exchange.js';
import { admitBroadcastArrivals } from './broadcast-admission.js';
import { Board, LAST, NEXT, PHANTOM } from './board.js';
import { InformLog } from './inform-log.js';
import { drainOutbox, OutboxWriter } from './outbox.js';
import { PartitionFailures } from './partition-failures.js';
import { PartitionSimulator } from './partition-simulator.js';
import { PathJob } from './path-job.js';
import { splitPathSums, SPLIT_BFS_MAX_SOURCES } from './path-split.js';
import type { BroadcastShare, PartitionInput, PartitionOutput } from './protocol.js';
import { SeriesRecorder } from '../run/series.js';
import { privateGraphCopy, sharedGraphView } from './shared-graph.js';
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

/**
 * The partitioned form of the scenario's components, in buildComponents' order (the order
 * in which they start, sample and contribute). planParallelRun has checked that every
 * component buildComponents makes is partition-safe and one of these; they are built here
 * directly (not through buildComponents, which would load every component's modules into
 * each worker). Failures and the observer run whole in every thread, on its own copy of
 * the overlay and of who is alive; partition 0's series and results are the run's, the
 * observer's searches shared out among the threads.
 */
function partitionedComponents(
  scenario: SimContext['scenario'], partition: BroadcastPartition, me: number, threads: number,
): Component[] {
  const list: Component[] = [];
  if (scenario.failures.length > 0) list.push(new FailuresComponent(scenario.failures, scenario.overlay.repair));
  if (observesDynamics(scenario)) list.push(new DynamicsObserver({ me, threads }));
  // The trace is rebuilt from the merged logs; a partition keeps none.
  if (scenario.workload.broadcasts.length > 0) {
    list.push(new BroadcastComponent(scenario.workload.broadcasts, { partition, trace: false }));
  }
  return list;
}

export function runPartition(input: PartitionInput, onProgress?: (fraction: number) => void): PartitionOutput {
  const { scenario, index: me, threads, blockSize, lookahead } = input;
  const n = scenario.peers.count;
  const lo = me * blockSize, hi = Math.min(n, lo + blockSize);
  const broadcasts = input.bitsets.length;
  const barrier = new Barrier(input.barrier, threads);
  const board = new Board(input.board, threads, broadcasts);
  const cells = board.cells;

  // Outboxes of both window parities; `current` (what the simulator writes to) follows the parity.
  const writers = [0, 1].map((p) => input.outboxes[p][me].map((b) => (b === null ? null : new OutboxWriter(b))));
  const current: Array<OutboxWriter | null> = writers[0].slice();
  const sim = new PartitionSimulator(n, lo, hi, blockSize, current, new Uint32Array(input.peerSeq, 0, n), input.queueSlots);

  // Every peer alive (no churn): one shared copy for all threads, all run long; with
  // failures, which take peers down and drop their links, each thread's own copies.
  const failures = scenario.failures.length > 0;
  const initialAlive = new Uint8Array(input.alive, 0, n);
  const initialOverlay = sharedGraphView(input.overlay);
  const peers = new PeerTable(0);
  peers.count = peers.aliveCount = n;
  peers.alive = failures ? initialAlive.slice() : initialAlive;
  const sharedStreams = new Map(Object.entries(input.peerStreams).map(([name, b]) => [name, new Uint32Array(b, 0, n)]));
  const streams = makeStreamFactories(scenario.seed, () => peers.alive.length, sharedStreams);
  const latency = clampNonNegative(makeSampler(scenario.network.latency));
  const transport = new Transport(sim, latency, scenario.network.loss, streams.peerStreams('network'));
  const ctx: SimContext = {
    scenario,
    seed: scenario.seed,
    sim,
    peers,
    overlay: failures ? privateGraphCopy(input.overlay) : initialOverlay,
    transport,
    // Only shared streams: a round tick may act for any peer (see tick-share.ts).
    peerStreams: (name) => {
      if (!sharedStreams.has(name)) throw new Error(`parallel: peer stream '${name}' is not shared across the workers`);
      return streams.peerStreams(name);
    },
    namedStream: streams.namedStream,
    peerDown: [],
    peerUp: [],
    services: new Services(),
  };

  const withPeers = n <= TRACE_MAX_PEERS;
  // Each peer is informed once per broadcast: a partition's size bounds its log. Room for
  // all of it from the start (up to 2^22 entries in all, 64 MB): growing a log copies it,
  // and stalls this thread while the others wait at the next barrier.
  const logRoom = broadcasts * (hi - lo) <= 1 << 22 ? hi - lo : Math.min(hi - lo, 1 << 16);
  const logs = Array.from({ length: broadcasts }, () => new InformLog(logRoom, withPeers));
  const informedHere = new Float64Array(broadcasts);
  const ticks = new TickShare(input.claims, broadcasts, threads);
  const partition: BroadcastPartition = {
    lo,
    hi,
    informed(st, peer, from, round) {
      informedHere[st.id]++;
      logs[st.id].push(sim.now, sim.currentTie, peer, from, round);
    },
    chunkWords: ticks.chunkWords,
    nextChunk: (st, words) => ticks.nextChunk(st, words),
  };
  const loopStart = performance.now();
  const startCpu = threadCpuSeconds();
  let windows = 0, waitSeconds = 0, received = 0, tickBarriers = 0;
  const components = partitionedComponents(scenario, partition, me, threads);
  for (const c of components) c.start(ctx);
  const broadcast = components.find((c): c is BroadcastComponent => c instanceof BroadcastComponent) ?? null;
  const states: readonly BroadcastState[] = broadcast?.states ?? [];
  // Arrivals the broadcasts settled without queueing them (see PhantomEvents).
  const phantoms = broadcast?.settled ?? new PhantomEvents();
  if (states.length !== broadcasts) throw new Error(`parallel: ${states.length} broadcasts planned, ${broadcasts} expected`);
  // With failures: this partition's peers down holding each rumour (for the live counts
  // summed at the barriers), partition 0's log of them all, each broadcast's latest event.
  const split = failures ? new PartitionFailures(ctx, sim, states, lo, hi, me === 0) : null;
  const downHere = split ? split.downHere : new Float64Array(broadcasts);
  const bitsets = new BitsetExchange(input.bitsets, states, n, blockSize, me, threads);
  // Push in rounds sends only at its round ticks (controller events): its arrivals send
  // nothing, unlike a flood's, a push once's or a pull request's (answered on arrival).
  const quietArrivals = states.every((st) => !st.protocol.sendsOnArrival);
  admitBroadcastArrivals(sim, states, phantoms, scenario.duration);

  // Partition 0 samples the series, from figures summed at the barrier; the others make
  // their share of the observer's searches (written in by the main thread).
  const recorder = me === 0 ? new SeriesRecorder() : null;
  const observer = components.find((c): c is DynamicsObserver => c instanceof DynamicsObserver) ?? null;
  const sample = (t: number) => {
    if (!recorder) {
      observer?.sample(ctx, () => undefined);
      return;
    }
    const write = recorder.row(t);
    write('alive', peers.aliveCount);
    for (const c of components) c.sample?.(ctx, write);
  };
  sample(0);

  const step = scenario.metrics.sample;
  const duration = scenario.duration;
  let k = 1;
  let t = Math.min(step, duration);
  let parity = 0;
  let endTime = 0;
  const informedField = Array.from({ length: broadcasts }, (_, b) => board.informedField(b));
  for (;;) {
    // Publish this window's figures, then wait for everyone's.
    const row = board.row(parity, me);
    let next = sim.queue.peekTime();
    for (let j = 0; j < threads; j++) {
      const w = current[j];
      cells[row + board.outField(j)] = w === null ? 0 : w.count;
      if (w !== null && w.minTime < next) next = w.minTime;
    }
    cells[row + NEXT] = next;
    cells[row + PHANTOM] = phantoms.horizon;
    cells[row + LAST] = sim.now;
    for (let b = 0; b < broadcasts; b++) {
      cells[row + informedField[b]] = informedHere[b];
      cells[row + informedField[b] + 1] = states[b].pending;
      cells[row + informedField[b] + 2] = downHere[b];
      bitsets.publish(b, informedHere[b]);
    }
    const waitStart = performance.now();
    barrier.wait();
    waitSeconds += (performance.now() - waitStart) / 1000;
    windows++;

    // Take in the messages sent to this partition; sum the figures.
    for (let j = 0; j < threads; j++) {
      if (j === me) continue;
      const count = board.outCount(parity, j, me);
      drainOutbox(input.outboxes[parity][j][me]!, count, sim.receive);
      received += count;
    }
    let earliest = sim.controller.peekTime(), phantom = 0, last = 0;
    for (let i = 0; i < threads; i++) {
      const r = board.row(parity, i);
      if (cells[r + NEXT] < earliest) earliest = cells[r + NEXT];
      if (cells[r + PHANTOM] > phantom) phantom = cells[r + PHANTOM];
      if (cells[r + LAST] > last) last = cells[r + LAST];
    }
    for (let b = 0; b < broadcasts; b++) {
      const st = states[b];
      if (st.phase === Phase.Waiting) continue;
      let informed = 0, pending = 0, down = 0;
      for (let i = 0; i < threads; i++) {
        const r = board.row(parity, i) + informedField[b];
        informed += cells[r];
        pending += cells[r + 1];
        down += cells[r + 2];
        bitsets.take(b, i, cells[r]);
      }
      // What a round tick and the series read: the global count of live peers informed.
      st.liveInformed = informed - down;
      // Ended everywhere: release the per-peer arrival times, as a one-thread run does.
      if (!st.ticking && pending === 0) st.earliest = null;
    }

    // Every sampling instant before the earliest pending event is complete.
    let finished = false;
    while (earliest > t) {
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
      if (ticks.settle(barrier)) {
        waitSeconds += (performance.now() - settleStart) / 1000;
        tickBarriers++;
      }
    }
    // A window with controller events ends one lookahead on: the messages they sent reach
    // other partitions at its barrier. One without runs to the next controller event if
    // nothing in it can send a message (every message in flight was delivered at the
    // barrier before it, as it was sent by an earlier window's controller events).
    const end = Math.min(controllerDue || !quietArrivals ? earliest + lookahead : Infinity, sim.controller.peekTime(), nextUp(t));
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

  const shares: BroadcastShare[] = states.map((st) => ({
    phase: st.phase,
    origin: st.origin,
    round: st.round,
    ticking: st.ticking,
    messages: st.messages,
    duplicates: st.duplicates,
    lost: st.lost,
    dropped: st.dropped,
    synced: st.synced,
    pending: st.pending,
    endTime: split ? split.latestTime[st.id] : -Infinity,
    endTie: split ? split.latestTie[st.id] : 0,
    log: logs[st.id].data(),
  }));
  // Partition 0's components but the broadcasts (merged by the main thread) add their part.
  let contributions: Partial<Results> | null = null;
  if (me === 0) {
    const part = {} as Results;
    for (const c of components) if (!(c instanceof BroadcastComponent)) c.contribute(part, ctx);
    if (Object.keys(part).length > 0) contributions = part;
  }
  return {
    index: me,
    events: sim.events,
    controllerEvents: sim.controllerEvents,
    phantomEvents: phantoms.events,
    messages: transport.sent,
    messagesLost: transport.lost,
    endTime,
    broadcasts: shares,
    series: recorder ? recorder.finish() : null,
    observerSamples: observer ? observer.computed : [],
    contributions,
    downs: split?.log ? split.log.data : null,
    pathSums,
    stats: {
      startSeconds: (performance.timeOrigin + loopStart - input.startedAt) / 1000,
      startCpuSeconds: startCpu,
      loopCpuSeconds,
      windows, tickBarriers, tickChunks: ticks.taken, loopSeconds, waitSeconds, pathSeconds, received, processed: sim.events + sim.controllerEvents },
  };
}
