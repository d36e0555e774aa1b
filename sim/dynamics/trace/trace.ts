/**
 * An availability trace in memory: every session (peer, start, end) in flat typed arrays,
 * sorted once by start time. Built by the CSV and FTA parsers, replayed by replay.ts.
 */
import { ScenarioError } from '../../scenario/errors.js';

export type TraceFormat = 'csv' | 'fta';

/**
 * Sessions sorted by (start, peer). Peer i of the simulation replays `ids[i]`: trace peers
 * are numbered in the order of their first session (earliest start; ties in the order of
 * the file), a deterministic rule that puts the peers online at the start first.
 */
export interface Trace {
  /** The file, as named to the loader (used in messages). */
  file: string;
  format: TraceFormat;
  /** Trace peer ids, indexed by simulated peer. */
  ids: string[];
  /** Session i: peer[i] is online from start[i] (inclusive) to end[i] (exclusive), in seconds of trace time. */
  start: Float64Array;
  end: Float64Array;
  peer: Uint32Array;
  /** Sessions of zero length (end = start) in the file: nothing to replay, so they are dropped. */
  zeroLength: number;
  /** FTA: the absolute time subtracted so that the trace starts at 0 (0 for CSV). */
  origin: number;
}

/** The number of sessions a trace holds. */
export function sessionCount(trace: Trace): number {
  return trace.start.length;
}

/** Bytes a trace of `sessions` sessions and `peers` peers holds while replayed (arrays and ids). */
export function traceBytes(sessions: number, peers: number): number {
  // start, end (8 + 8), peer (4), line numbers while building (4), two sort orders (4 + 4);
  // an id string and its map entry about 80 B a peer.
  return 32 * sessions + 80 * peers;
}

/** A growable list of raw sessions with the line each came from, as a parser reads them. */
export class SessionList {
  length = 0;
  start = new Float64Array(1024);
  end = new Float64Array(1024);
  peer = new Uint32Array(1024);
  line = new Uint32Array(1024);
  /** Trace peer id → index in order of first appearance in the file. */
  readonly index = new Map<string, number>();
  readonly ids: string[] = [];

  constructor(readonly file: string) {}

  /** The index of trace peer `id` (a new one on first sight). */
  peerIndex(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.index.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  push(peer: number, start: number, end: number, line: number): void {
    if (this.length === this.start.length) this.grow();
    const i = this.length++;
    this.peer[i] = peer;
    this.start[i] = start;
    this.end[i] = end;
    this.line[i] = line;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const f = (a: Float64Array) => { const b = new Float64Array(size); b.set(a); return b; };
    const u = (a: Uint32Array) => { const b = new Uint32Array(size); b.set(a); return b; };
    this.start = f(this.start);
    this.end = f(this.end);
    this.peer = u(this.peer);
    this.line = u(this.line);
  }
}

/** A bad trace: `file:line: what is wrong` (exit 2 through the CLI). */
export function traceError(file: string, line: number | undefined, detail: string): ScenarioError {
  return new ScenarioError(detail, { file, line });
}

/**
 * Checks the sessions (no overlap between two sessions of one peer: both lines are named),
 * drops zero-length ones, renumbers peers by first session and sorts by (start, peer).
 */
export function buildTrace(list: SessionList, format: TraceFormat, origin = 0): Trace {
  const n = list.length;
  const { start, end, peer, line, file } = list;
  // Sort by (peer, start) to find overlaps; one index array, sorted once.
  const byPeer = new Uint32Array(n);
  for (let i = 0; i < n; i++) byPeer[i] = i;
  byPeer.sort((a, b) => peer[a] - peer[b] || start[a] - start[b] || line[a] - line[b]);
  for (let k = 1; k < n; k++) {
    const a = byPeer[k - 1], b = byPeer[k];
    if (peer[a] === peer[b] && start[b] < end[a]) {
      const [first, second] = line[a] < line[b] ? [a, b] : [b, a];
      throw traceError(file, line[second],
        `this session of peer '${list.ids[peer[b]]}' (${start[second]} to ${end[second]} s) overlaps its session on line ${line[first]} (${start[first]} to ${end[first]} s): a peer is online once at a time`);
    }
  }
  let kept = 0;
  for (let i = 0; i < n; i++) if (end[i] > start[i]) kept++;
  // First session of each peer (earliest start, then file order) gives its simulated id.
  const firstStart = new Float64Array(list.ids.length).fill(Infinity);
  const firstLine = new Uint32Array(list.ids.length).fill(0xffffffff);
  for (let i = 0; i < n; i++) {
    if (end[i] <= start[i]) continue;
    const p = peer[i];
    if (start[i] < firstStart[p] || (start[i] === firstStart[p] && line[i] < firstLine[p])) {
      firstStart[p] = start[i];
      firstLine[p] = line[i];
    }
  }
  const present: number[] = [];
  for (let p = 0; p < list.ids.length; p++) if (firstStart[p] !== Infinity) present.push(p);
  present.sort((a, b) => firstStart[a] - firstStart[b] || firstLine[a] - firstLine[b]);
  const renumber = new Uint32Array(list.ids.length);
  present.forEach((p, i) => { renumber[p] = i; });
  const order = new Uint32Array(kept);
  let k = 0;
  for (let i = 0; i < n; i++) if (end[i] > start[i]) order[k++] = i;
  order.sort((a, b) => start[a] - start[b] || renumber[peer[a]] - renumber[peer[b]]);
  const trace: Trace = {
    file, format, origin,
    ids: present.map((p) => list.ids[p]),
    start: new Float64Array(kept), end: new Float64Array(kept), peer: new Uint32Array(kept),
    zeroLength: n - kept,
  };
  for (let i = 0; i < kept; i++) {
    const j = order[i];
    trace.start[i] = start[j];
    trace.end[i] = end[j];
    trace.peer[i] = renumber[peer[j]];
  }
  return trace;
}

/** Number of trace peers online at trace time t (a session covers [start, end)); for checks and summaries. */
export function onlineAt(trace: Trace, t: number): number {
  let online = 0;
  for (let i = 0; i < trace.start.length && trace.start[i] <= t; i++) if (t < trace.end[i]) online++;
  return online;
}
