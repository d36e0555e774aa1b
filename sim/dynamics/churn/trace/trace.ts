/**
 * An availability trace in memory: every session (peer, start, end) in flat typed arrays,
 * sorted once by start time. Built by the CSV and FTA parsers, replayed by replay.ts.
 */
import { ScenarioError } from '../../../scenario/errors.js';

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
  /** The latest session end (0 for an empty trace): where the trace ends. */
  lastEnd: number;
  /** Sessions of zero length (end = start) in the file: nothing to replay, so they are dropped. */
  zeroLength: number;
  /** FTA: the absolute time subtracted so that the trace starts at 0 (0 for CSV). */
  origin: number;
  /** Size of the file read (0 when parsed from text), for the memory estimate. */
  fileBytes: number;
}

/**
 * Peak bytes of loading a trace of `sessions` sessions and `peers` peers from a file of
 * `fileBytes`: the file's bytes and its text (2 × file), the parser's growable arrays
 * (24 B a slot, up to twice the sessions while one doubles: 36 B a session), the sort
 * orders (8 B), the trace itself (20 B) and the ids with their map (~120 B a peer).
 * Measured (bench/trace.ts, 10^6 sessions, 10^5 peers): 100 MB above the baseline, this gives 115 MB.
 */
export function traceBytes(sessions: number, peers: number, fileBytes: number): number {
  return 2 * fileBytes + 64 * sessions + 120 * peers;
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
 * Sorting avoids comparator sorts where it can (they dominate at 10^6 sessions): a file
 * already in start order (the CSV) is used as it is, and the per-peer order is a stable
 * counting sort of the start order.
 */
export function buildTrace(list: SessionList, format: TraceFormat, origin = 0): Trace {
  const n = list.length;
  const { start, end, peer, line, file } = list;
  const peerCount = list.ids.length;
  // Start order (ties in file order).
  let byStart = new Uint32Array(n);
  for (let i = 0; i < n; i++) byStart[i] = i;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (start[i] < start[i - 1]) sorted = false;
  if (!sorted) byStart.sort((a, b) => start[a] - start[b] || line[a] - line[b]);
  // (peer, start) order: a stable counting sort of the start order by peer.
  const from = new Uint32Array(peerCount + 1);
  for (let i = 0; i < n; i++) from[peer[i] + 1]++;
  for (let p = 0; p < peerCount; p++) from[p + 1] += from[p];
  const byPeer = new Uint32Array(n);
  for (let k = 0; k < n; k++) { const i = byStart[k]; byPeer[from[peer[i]]++] = i; }
  for (let k = 1; k < n; k++) {
    const a = byPeer[k - 1], b = byPeer[k];
    if (peer[a] === peer[b] && start[b] < end[a]) {
      const [first, second] = line[a] < line[b] ? [a, b] : [b, a];
      throw traceError(file, line[second],
        `this session of peer '${list.ids[peer[b]]}' (${start[second]} to ${end[second]} s) overlaps its session on line ${line[first]} (${start[first]} to ${end[first]} s): a peer is online once at a time`);
    }
  }
  // Simulated ids in order of first (non-empty) session, then keep the non-empty sessions.
  const renumber = new Int32Array(peerCount).fill(-1);
  const ids: string[] = [];
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const i = byStart[k];
    if (end[i] <= start[i]) continue;
    if (renumber[peer[i]] < 0) { renumber[peer[i]] = ids.length; ids.push(list.ids[peer[i]]); }
    byStart[kept++] = i;
  }
  byStart = byStart.subarray(0, kept);
  // Equal starts: order by simulated peer (short runs, sorted in place).
  for (let a = 0; a < kept;) {
    let b = a + 1;
    while (b < kept && start[byStart[b]] === start[byStart[a]]) b++;
    if (b - a > 1) byStart.subarray(a, b).sort((x, y) => renumber[peer[x]] - renumber[peer[y]]);
    a = b;
  }
  const trace: Trace = {
    file, format, origin, ids, fileBytes: 0,
    start: new Float64Array(kept), end: new Float64Array(kept), peer: new Uint32Array(kept),
    lastEnd: 0, zeroLength: n - kept,
  };
  for (let k = 0; k < kept; k++) {
    const i = byStart[k];
    trace.start[k] = start[i];
    trace.end[k] = end[i];
    trace.peer[k] = renumber[peer[i]];
    if (end[i] > trace.lastEnd) trace.lastEnd = end[i];
  }
  return trace;
}

/** Number of trace peers online at trace time t (a session covers [start, end)); for checks and summaries. */
export function onlineAt(trace: Trace, t: number): number {
  let online = 0;
  for (let i = 0; i < trace.start.length && trace.start[i] <= t; i++) if (t < trace.end[i]) online++;
  return online;
}
