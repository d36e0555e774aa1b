/**
 * The broadcast family in a split run (sim/parallel/split.ts): each partition informs its
 * own peers and logs each informing; round ticks are shared out among the threads; at
 * every barrier a partition publishes, per broadcast, its informed count, its messages in
 * flight and its peers down holding the rumour (3 cells), and its informed bits; the main
 * thread merges the logs in global (time, tie) order (merge.ts).
 */
import type { SimContext } from '../../../run/context.js';
import type { Scenario } from '../../../scenario/schema.js';
import type { MergeTarget, PartitionEnv, SplitContract, SplitPart, SplitSetup } from '../../../parallel/split.js';
import { BroadcastComponent, planBroadcasts } from '../component.js';
import { TRACE_MAX_PEERS } from '../engine.js';
import { Phase, type BroadcastState } from '../state.js';
import { broadcastAdmission } from './admission.js';
import { BitsetExchange } from './bitset-exchange.js';
import { PartitionFailures } from './failures.js';
import { InformLog } from './inform-log.js';
import { mergeBroadcasts } from './merge.js';
import type { BroadcastPartition } from './partition.js';
import type { BroadcastFamilyShare, BroadcastShare } from './share.js';

/** Cells a broadcast publishes at each barrier: informed, pending, down. */
const CELLS = 3;

/** The peer streams a broadcast draws from (TargetPicker, Transport): any thread may act for any peer in a tick. */
const STREAMS = ['broadcast', 'network'];

function setup(scenario: Scenario): SplitSetup {
  const n = scenario.peers.count;
  const broadcasts = planBroadcasts(scenario.workload.broadcasts, scenario.duration).length;
  return {
    // The informed bitset of each planned broadcast (in id order), shared by all workers.
    buffers: Array.from({ length: broadcasts }, () => new SharedArrayBuffer(Math.max(4, Math.ceil(n / 32) * 4))),
    cells: CELLS * broadcasts,
    lanes: broadcasts,
  };
}
function partition(scenario: Scenario, env: PartitionEnv): SplitPart {
  const { sim, lo, hi, me } = env;
  const n = scenario.peers.count;
  const broadcasts = env.buffers.length;
  const withPeers = n <= TRACE_MAX_PEERS;
  // Each peer is informed once per broadcast: a partition's size bounds its log. Room for
  // all of it from the start (up to 2^25 entries in all, 512 MB of address space, committed
  // only as it is written): growing a log copies it, stalls this thread while the others
  // wait at the next barrier, and holds the old copies until they are collected (10^7-peer
  // push, 2 threads: peak RSS 1,132 MiB growing by doubling from 2^16 entries).
  const logRoom = broadcasts * (hi - lo) <= 1 << 25 ? hi - lo : Math.min(hi - lo, 1 << 16);
  const logs = Array.from({ length: broadcasts }, () => new InformLog(logRoom, withPeers, hi - lo));
  const informedHere = new Float64Array(broadcasts);
  const ticks = env.ticks, lane = env.firstLane;
  const part: BroadcastPartition = {
    lo,
    hi,
    informed(st, peer, from, round) {
      informedHere[st.id]++;
      logs[st.id].push(sim.now, sim.currentTie, peer, from, round);
    },
    chunkWords: ticks.chunkWords,
    nextChunk: (st, words) => ticks.nextChunk(lane + st.id, words),
  };
  // The trace is rebuilt from the merged logs; a partition keeps none.
  const component = new BroadcastComponent(scenario.workload.broadcasts, { partition: part, trace: false });
  let states: readonly BroadcastState[] = [];
  let bitsets: BitsetExchange | null = null;
  // With failures: this partition's peers down holding each rumour (for the live counts
  // summed at the barriers), partition 0's log of them all, each broadcast's latest event.
  let failures: PartitionFailures | null = null;
  let downHere: Float64Array = new Float64Array(broadcasts);
  const split: SplitPart = {
    components: [component],
    phantoms: component.settled,
    started(ctx: SimContext) {
      states = component.states;
      if (states.length !== broadcasts) throw new Error(`parallel: ${states.length} broadcasts planned, ${broadcasts} expected`);
      if (env.membershipChanges) {
        failures = new PartitionFailures(ctx, sim, states, lo, hi, me === 0);
        downHere = failures.downHere;
      }
      bitsets = new BitsetExchange(env.buffers, states, n, env.blockSize, me, env.threads);
      split.admit = broadcastAdmission(sim, states, component.settled, scenario.duration) ?? undefined;
    },
    // Push in rounds sends only at its round ticks (controller events): its arrivals send
    // nothing, unlike a flood's, a push once's or a pull request's (answered on arrival).
    sendsOnArrival: () => states.some((st) => st.protocol.sendsOnArrival),
    publish(cells, at) {
      for (let b = 0; b < broadcasts; b++) {
        const f = at + CELLS * b;
        cells[f] = informedHere[b];
        cells[f + 1] = states[b].pending;
        cells[f + 2] = downHere[b];
        bitsets!.publish(b, informedHere[b]);
      }
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
      }
    },
    share() {
      const transfer: ArrayBuffer[] = [];
      const shares: BroadcastShare[] = states.map((st) => {
        const log = logs[st.id].data();
        for (const a of [log.time, log.tie, log.peer, log.from]) if (a) transfer.push(a.buffer as ArrayBuffer);
        return {
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
          endTime: failures ? failures.latestTime[st.id] : -Infinity,
          endTie: failures ? failures.latestTie[st.id] : 0,
          log,
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
  sharedStreams: () => STREAMS,
  setup,
  partition,
  merge,
};
