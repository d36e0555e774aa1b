/**
 * The peers that failures and a trace's steps took down (or brought back) in a split run:
 * per controller event, its (time, tie), the net count and, per broadcast, the net count
 * of rumour holders. Every thread runs these events and tells its listeners of every such
 * peer, so partition 0's log is the run's. The merge (merge.ts) takes them off the live
 * counts a one-thread run keeps: the timeline's, and a broadcast's reached and alive peers
 * at its end.
 */
export interface DownLogData {
  /** Per event: its time and tie-break (a controller event's). */
  time: number[];
  tie: number[];
  /** Per event: peers that went down, less those that came back up (a trace step). */
  peers: number[];
  /** informed[b][e]: the same, of the peers holding broadcast b. */
  informed: number[][];
}

export class DownLog {
  readonly data: DownLogData;

  constructor(broadcasts: number) {
    this.data = { time: [], tie: [], peers: [], informed: Array.from({ length: broadcasts }, () => []) };
  }

  /**
   * `peers` peers went down (or with -1, one came back up) at the event (time, tie), each
   * holding broadcast b where `holds(b)`: the counts are net, per event.
   */
  change(time: number, tie: number, peers: number, holds: (b: number) => boolean): void {
    const d = this.data;
    let e = d.time.length - 1;
    if (e < 0 || d.time[e] !== time || d.tie[e] !== tie) {
      d.time.push(time);
      d.tie.push(tie);
      d.peers.push(0);
      for (const column of d.informed) column.push(0);
      e++;
    }
    d.peers[e] += peers;
    for (let b = 0; b < d.informed.length; b++) if (holds(b)) d.informed[b][e] += peers;
  }
}
