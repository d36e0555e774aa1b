/**
 * The (time, tie) of the latest event of each broadcast that one partition ran: its start
 * and ticks (controller events, run in every partition) and its arrivals. The latest over
 * the partitions is when a broadcast that ended did so.
 */
import type { PartitionSimulator } from '../../../parallel/partition-simulator.js';

export class LatestEvents {
  /** Per broadcast: time and tie of the latest of its events here (-Infinity: none). */
  readonly time: Float64Array;
  readonly tie: Float64Array;

  constructor(sim: PartitionSimulator, broadcasts: number) {
    const time = this.time = new Float64Array(broadcasts).fill(-Infinity);
    const tie = this.tie = new Float64Array(broadcasts);
    // The broadcast's id: the target of a start or tick, `a` of an arrival (event-delivery.ts).
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

/** Whether (ta, ka) comes before (tb, kb). */
export const earlier = (ta: number, ka: number, tb: number, kb: number): boolean => ta < tb || (ta === tb && ka < kb);
