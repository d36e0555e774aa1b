/**
 * The peers that went down in a split run (failures), as one thread saw them: for each
 * controller event that took peers down, its (time, tie), how many went down and, per
 * broadcast, how many of those held the rumour. Every thread applies a failure alike (each
 * to its own copy of the overlay and of who is alive), so partition 0's log is the run's.
 * The merge (merge.ts) takes these peers off the live counts a one-thread run keeps: the
 * timeline's, and a broadcast's reached and alive peers at its end.
 */
export interface DownLogData {
  /** Per event: its time and tie-break (a controller event's). */
  time: number[];
  tie: number[];
  /** Per event: peers that went down. */
  peers: number[];
  /** informed[b][e]: peers that went down at event e holding broadcast b. */
  informed: number[][];
}

export class DownLog {
  readonly data: DownLogData;

  constructor(broadcasts: number) {
    this.data = { time: [], tie: [], peers: [], informed: Array.from({ length: broadcasts }, () => []) };
  }

  /** A peer went down at the event (time, tie), holding broadcast b where `holds(b)`. */
  down(time: number, tie: number, holds: (b: number) => boolean): void {
    const d = this.data;
    let e = d.time.length - 1;
    if (e < 0 || d.time[e] !== time || d.tie[e] !== tie) {
      d.time.push(time);
      d.tie.push(tie);
      d.peers.push(0);
      for (const column of d.informed) column.push(0);
      e++;
    }
    d.peers[e]++;
    for (let b = 0; b < d.informed.length; b++) if (holds(b)) d.informed[b][e]++;
  }
}
