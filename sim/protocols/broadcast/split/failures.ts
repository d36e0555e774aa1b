/**
 * What a partition of a split run keeps about failures, which every thread applies alike to
 * its own copies of the overlay and of who is alive: the partition's peers that went down
 * holding each rumour (summed at the barriers into the live counts a tick and the series
 * read), partition 0's log of every failure's victims, and the (time, tie) of the latest
 * event of each broadcast the partition ran. The merge (merge.ts) needs the last two.
 */
import type { BroadcastState } from '../state.js';
import type { SimContext } from '../../../run/context.js';
import { DownLog } from './down-log.js';
import type { PartitionSimulator } from '../../../parallel/partition-simulator.js';

export class PartitionFailures {
  /** Per broadcast: peers of this partition that went down holding it. */
  readonly downHere: Float64Array;
  /** Every peer that went down (partition 0 only; the same in every thread). */
  readonly log: DownLog | null;
  /** Per broadcast: the latest of its events this partition ran (-Infinity: none). */
  readonly latestTime: Float64Array;
  readonly latestTie: Float64Array;

  constructor(
    ctx: SimContext, sim: PartitionSimulator, states: readonly BroadcastState[],
    lo: number, hi: number, keepLog: boolean,
  ) {
    const broadcasts = states.length;
    const downHere = this.downHere = new Float64Array(broadcasts);
    const log = this.log = keepLog ? new DownLog(broadcasts) : null;
    // A victim's bit is exact in every thread's copy: set before the barrier, or never.
    ctx.peerDown.push((p) => {
      if (p >= lo && p < hi) for (let b = 0; b < broadcasts; b++) if (states[b].has(p)) downHere[b]++;
      log?.change(sim.now, sim.currentTie, 1, (b) => states[b].has(p));
    });
    // A trace step also brings peers back (every thread runs it, as a failure).
    ctx.peerUp.push((p) => {
      if (p >= lo && p < hi) for (let b = 0; b < broadcasts; b++) if (states[b].has(p)) downHere[b]--;
      log?.change(sim.now, sim.currentTie, -1, (b) => states[b].has(p));
    });
    // Peers a trace took down as the run started, before any broadcast began: first in the log.
    const away = ctx.peers.count - ctx.peers.aliveCount;
    if (away > 0) log?.change(0, -1, away, () => false);
    const time = this.latestTime = new Float64Array(broadcasts).fill(-Infinity);
    const tie = this.latestTie = new Float64Array(broadcasts);
    // The broadcast's id: the target of a start or tick (controller events: every partition
    // runs them), `a` of an arrival (event-delivery.ts).
    const note = (id: number) => {
      time[id] = sim.now;
      tie[id] = sim.currentTie;
    };
    for (const name of ['broadcast/start', 'broadcast/tick']) {
      sim.wrapKind(sim.kindId(name), (h) => (target, src, a, b) => {
        h(target, src, a, b);
        note(target);
      });
    }
    for (const name of ['broadcast/rumour', 'broadcast/request']) {
      sim.wrapKind(sim.kindId(name), (h) => (target, src, a, b) => {
        h(target, src, a, b);
        note(a);
      });
    }
  }
}
