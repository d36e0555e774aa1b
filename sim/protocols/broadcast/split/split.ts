/**
 * The broadcast family in a split run (sim/parallel/split.ts): each partition informs its
 * own peers and logs each informing; round ticks are shared out among the threads; at
 * every barrier a partition publishes, per broadcast, its informed count, its messages in
 * flight and its peers down holding the rumour (3 cells), and its informed bits; the main
 * thread merges the logs in global (time, tie) order (merge.ts). On the cycle engine each
 * thread's own peers act in a round, and the arrivals are settled after it (cycle-rounds.ts).
 */
import type { SimContext } from '../../../run/context.js';
import type { Scenario } from '../../../scenario/schema.js';
import type { MergeTarget, PartitionEnv, SplitContract, SplitPart, SplitSetup } from '../../../parallel/split.js';
import { BroadcastComponent, planBroadcasts } from '../component.js';
import { TRACE_MAX_PEERS } from '../engine.js';
import { Phase, type BroadcastState } from '../state.js';
import { Timeline } from '../timeline.js';
import { broadcastAdmission } from './admission.js';
import { BitsetExchange } from './bitset-exchange.js';
import { cycleBuffers, SplitCycleRounds, tracedKeysFit } from './cycle-rounds.js';
import { PartitionChurn } from './churn.js';
import { PartitionFailures } from './failures.js';
import { earlier } from './latest.js';
import { InformLog } from './inform-log.js';
import { mergeBroadcasts } from './merge.js';
import { TimelineStream } from './timeline-stream.js';
import type { BroadcastPartition } from './partition.js';
import type { BroadcastFamilyShare, BroadcastShare } from './share.js';

/**
 * Cells a broadcast publishes at each barrier: informed, pending, down, the window's
 * informings, and with churn the (time, tie) of its latest event here.
 */
const CELLS = 6;

/** The peer streams a broadcast draws from (TargetPicker, Transport): any thread may act for any peer in a tick. */
const STREAMS = ['broadcast', 'network'];

function setup(scenario: Scenario, threads: number, blockSize: number, capacity: number): SplitSetup {
  const n = scenario.peers.count;
  const broadcasts = planBroadcasts(scenario.workload.broadcasts, scenario.duration).length;
  return {
    // The informed bitset of each planned broadcast (in id order), shared by all workers;
    // on the cycle engine, then the rounds' bids and counts (cycle-rounds.ts); without a
    // trace, the windows' informing times (timeline-stream.ts: no memory until written).
    // The bitsets have room for the peers that arrive (churn: dealt out by 32-peer words).
    buffers: [
      ...Array.from({ length: broadcasts }, () => new SharedArrayBuffer(Math.max(4, Math.ceil(capacity / 32) * 4))),
      ...(scenario.engine === 'cycle' ? cycleBuffers(capacity, threads, n <= TRACE_MAX_PEERS) : []),
      ...(n > TRACE_MAX_PEERS ? TimelineStream.allocate(broadcasts, threads, blockSize) : []),
    ],
    cells: CELLS * broadcasts,
    lanes: broadcasts,
  };
}

/** What the broadcasts cannot split: traced cycle rounds whose message keys would not fit. */
function refuse(scenario: Scenario, ids: number): string | null {
  // A traced split cycle round keys a message by (phase, sender, index, informer) among
  // every peer id of the run, arrivals included, exact in a double (cycle-rounds.ts).
  if (scenario.engine === 'cycle' && scenario.peers.count <= TRACE_MAX_PEERS && !tracedKeysFit(ids)) {
    return `cycle-engine rounds with a trace (at most ${TRACE_MAX_PEERS} peers) and ${ids} peer ids with the churn arrivals: a round's message keys would not fit`;
  }
  // (Under drawn churn, a peer forwarding on receipt to uniform targets draws them from the
  // live snapshot, which every thread rebuilds alike: TargetPicker.knownUniform. On the
  // cycle engine a pull's answer draws its loss from the requester's stream: cycle-delivery.ts.)
  return null;
}
function partition(scenario: Scenario, env: PartitionEnv): SplitPart {
  const { sim, lo, hi, me } = env;
  const n = scenario.peers.count;
  const cycleEngine = scenario.engine === 'cycle';
  // The broadcasts handed (setup's buffers: a bitset each, the cycle rounds' two, the
  // timeline streams' 2 per partition each); `started` checks them against those planned.
  const broadcasts = (env.buffers.length - (cycleEngine ? 2 : 0)) / (1 + (n > TRACE_MAX_PEERS ? 2 * env.threads : 0));
  const cycleBuffersAt = broadcasts, streamBuffersAt = broadcasts + (cycleEngine ? 2 : 0);
  const withPeers = n <= TRACE_MAX_PEERS;
  // Each peer is informed once per broadcast: a partition's size bounds its log. Room for
  // all of it from the start (up to 2^25 entries in all, 512 MB of address space, committed
  // only as it is written): growing a log copies it, stalls this thread while the others
  // wait at the next barrier, and holds the old copies until they are collected (10^7-peer
  // push, 2 threads: peak RSS 1,132 MiB growing by doubling from 2^16 entries).
  // Its peers: the initial ones [lo, hi) and its share of the arrivals (32-peer words).
  const ranges = env.ownRanges(env.capacity);
  let own = 0;
  for (let i = 0; i < ranges.length; i += 2) own += ranges[i + 1] - ranges[i];
  const logRoom = broadcasts * own <= 1 << 25 ? own : Math.min(own, 1 << 16);
  // Tie-breaks only where peers going down may fall between equal times (inform-log.ts).
  // Without failures, churn or a trace, partition 0 builds the timeline as the run goes,
  // and the logs only count (timeline-stream.ts). With churn the logs keep the rounds, to
  // be cut back where a broadcast ended (churn.ts).
  const peersGoDown = env.membershipChanges || env.peersLeave;
  // Peers that come back up (churn, a trace's steps): each partition logs its own (churn.ts).
  const comeBack = env.peersLeave || Boolean(scenario.churn?.trace);
  const stream = !withPeers && !peersGoDown
    ? new TimelineStream(env.buffers.slice(streamBuffersAt), broadcasts, me, env.threads) : null;
  const logs = Array.from({ length: broadcasts }, () => new InformLog(logRoom, withPeers, own, peersGoDown, stream === null, comeBack));
  // (The engine's own timeline of each broadcast sees this partition's informings only.)
  const timelines = stream !== null && me === 0 ? Array.from({ length: broadcasts }, () => new Timeline()) : [];
  const informedHere = new Float64Array(broadcasts);
  const ticks = env.ticks, lane = env.firstLane;
  let bitsets: BitsetExchange | null = null;
  let cycle: SplitCycleRounds | null = null;
  const part: BroadcastPartition = {
    lo,
    hi,
    owns: env.owns,
    ownWords: (words) => env.ownRanges(32 * words).map((p) => Math.ceil(p / 32)),
    informed(st, peer, from, round) {
      informedHere[st.id]++;
      logs[st.id].push(sim.now, sim.currentTie, peer, from, round, cycle === null ? 0 : (cycle as SplitCycleRounds).order);
      stream?.push(st.id, sim.now);
    },
    lateCopy(st) {
      informedHere[st.id]++;
    },
    chunkWords: ticks.chunkWords,
    nextChunk: (st, words) => ticks.nextChunk(lane + st.id, words),
    ...(cycleEngine ? {
      cycle: (ctx: SimContext) => (cycle = new SplitCycleRounds(
        ctx.transport, ctx.peers, env.buffers.slice(cycleBuffersAt, cycleBuffersAt + 2), () => bitsets!, env.barrier, me, env.threads, env.capacity, env.ownRanges, withPeers)),
    } : {}),
  };
  // The trace is rebuilt from the merged logs; a partition keeps none.
  const component = new BroadcastComponent(scenario.workload.broadcasts, { partition: part, trace: false });
  let states: readonly BroadcastState[] = [];
  // With failures: this partition's peers down holding each rumour (for the live counts
  // summed at the barriers), partition 0's log of them all, each broadcast's latest event.
  let failures: PartitionFailures | null = null;
  // With churn: the same, each partition's peers going down and up at their own events.
  let churn: PartitionChurn | null = null;
  let downHere: Float64Array = new Float64Array(broadcasts);
  const split: SplitPart = {
    components: [component],
    phantoms: component.settled,
    started(ctx: SimContext) {
      states = component.states;
      if (states.length !== broadcasts) throw new Error(`parallel: ${states.length} broadcasts planned, ${broadcasts} expected`);
      if (env.membershipChanges && !comeBack) {
        failures = new PartitionFailures(ctx, sim, states, lo, hi, me === 0);
        downHere = failures.downHere;
      }
      if (comeBack) {
        churn = new PartitionChurn(ctx, sim, states, env);
        downHere = churn.downHere;
      }
      bitsets = new BitsetExchange(env.buffers.slice(0, broadcasts), states, n, env.capacity, env.blockSize, me, env.threads, ctx.peers);
      split.admit = broadcastAdmission(sim, states, component.settled, scenario.duration) ?? undefined;
    },
    // Push in rounds sends only at its round ticks (controller events): its arrivals send
    // nothing, unlike a flood's, a push once's or a pull request's (answered on arrival).
    // A cycle round's messages arrive within its tick.
    sendsOnArrival: () => !cycleEngine && states.some((st) => st.protocol.sendsOnArrival),
    publish(cells, at) {
      for (let b = 0; b < broadcasts; b++) {
        const f = at + CELLS * b;
        cells[f] = informedHere[b];
        cells[f + 1] = states[b].pending;
        cells[f + 2] = downHere[b];
        cells[f + 3] = stream === null ? 0 : stream.entries(b);
        if (churn !== null) {
          cells[f + 4] = churn.latest.time[b];
          cells[f + 5] = churn.latest.tie[b];
        }
        bitsets!.publish(b, informedHere[b]);
      }
      stream?.flip();
    },
    gather(cells, at) {
      for (let b = 0; b < broadcasts; b++) {
        const st = states[b];
        if (st.phase === Phase.Waiting) continue;
        let informed = 0, pending = 0, down = 0;
        for (let i = 0; i < env.threads; i++) {
          const f = at(i) + CELLS * b;
          informed += cells[f];
          pending += cells[f + 1];
          down += cells[f + 2];
          bitsets!.take(b, i, cells[f]);
        }
        // What a round tick and the series read: the global count of live peers informed.
        st.liveInformed = informed - down;
        // Ended everywhere: release the per-peer arrival times, as a one-thread run does.
        if (!st.ticking && pending === 0) st.earliest = null;
        if (stream !== null && me === 0) stream.merge(b, timelines[b], (i) => cells[at(i) + CELLS * b + 3]);
        // With churn: ended at its latest event anywhere, in the window just run (churn.ts).
        if (churn !== null && churn.ended[b] === 0 && !st.ticking && pending === 0) {
          let time = -Infinity, tie = 0;
          for (let i = 0; i < env.threads; i++) {
            const f = at(i) + CELLS * b;
            if (earlier(time, tie, cells[f + 4], cells[f + 5])) { time = cells[f + 4]; tie = cells[f + 5]; }
          }
          churn.end(b, time, tie, logs[b]);
        }
      }
      churn?.endWindow();
    },
    share() {
      const transfer: ArrayBuffer[] = [];
      const shares: BroadcastShare[] = states.map((st) => {
        const log = logs[st.id].data();
        for (const a of [log.time, log.tie, log.peer, log.from, log.order]) if (a) transfer.push(a.buffer as ArrayBuffer);
        if (churn !== null) {
          const h = churn.holderLog(st.id);
          transfer.push(h.time.buffer as ArrayBuffer, h.tie.buffer as ArrayBuffer, h.delta.buffer as ArrayBuffer);
        }
        return {
          phase: st.phase,
          origin: st.origin,
          round: st.round,
          ticking: st.ticking,
          messages: st.messages,
          duplicates: st.duplicates,
          lost: st.lost,
          dropped: st.dropped,
          synced: churn !== null && churn.ended[st.id] === 1 ? churn.syncedAtEnd[st.id] : st.synced,
          pending: st.pending,
          endTime: failures ? failures.latestTime[st.id] : -Infinity,
          endTie: failures ? failures.latestTie[st.id] : 0,
          log,
          ...(stream !== null && me === 0 ? { timeline: timelines[st.id].state() } : {}),
          ...(churn !== null ? {
            churn: { holders: churn.holderLog(st.id), alive: churn.ended[st.id] === 1 ? churn.aliveAtEnd[st.id] : churn.aliveHere },
          } : {}),
        };
      });
      const data: BroadcastFamilyShare = { broadcasts: shares, downs: failures?.log ? failures.log.data : null };
      return { data, transfer };
    },
  };
  return split;
}

function merge(target: MergeTarget, shares: unknown[]): void {
  const parts = shares as BroadcastFamilyShare[];
  target.results.broadcasts = mergeBroadcasts(target.scenario, parts.map((p) => p.broadcasts), parts[0].downs);
}

/** The broadcast family's split contract (its descriptor's `split`). */
export const broadcastSplit: SplitContract = {
  refuse,
  sharedStreams: () => STREAMS,
  setup,
  partition,
  merge,
};
