/**
 * A bare broadcast on worker threads: the calibration behind the parallel speed-up figures
 * (issue 9 §2, bench/parallel.md). It is not the simulator: it runs the 10^6-peer broadcasts
 * of bench/parallel.ts with nothing else in their event loop: no event kinds, no per-peer
 * random streams (one stream per thread, so its event order depends on the number of
 * threads), no tie-breaks, no logs or series. It shows how much faster two threads can run
 * such a loop on this machine.
 * - flood: the same random-regular overlay of degree 8; on first receipt a peer forwards to
 *   every neighbour but its sender.
 * - push: rounds of 1 s from time 0, each informed peer pushing to one uniform random other
 *   peer, until every peer is informed (no overlay).
 * - Latency uniform in 100–500 ms. Peers are split in equal ranges; each thread keeps its
 *   events in a binary heap of typed arrays and processes them in conservative windows of
 *   100 ms (the minimum latency), or, for push, whose arrivals send nothing, from one round to
 *   the next; it hands the messages for the other ranges over through shared memory at a
 *   barrier (the simulator's, sim/parallel/barrier.ts).
 * - `--elide` (as the simulator does): a message known to change nothing is not queued (its
 *   target holds the rumour, or an earlier copy is on its way to it); in a flood the sender
 *   knows only its own peers, the receiver checks the rest as they arrive; at a push's tick
 *   every peer's state is known. Without it, only a copy for a peer of the sender's own range
 *   that holds the rumour already is dropped (a shortcut any prototype takes).
 * `node dist/bench/bare-broadcast.js flood|push <threads> [peers] [--elide]` prints one JSON
 * line: wall seconds (the longest loop: the threads start together once loaded, and run
 * from the first event to the last), each thread's loop seconds, a push's rounds, events
 * processed, messages sent (a flood's: 7 n + 1 whatever the threads, every peer informed
 * once) and peers informed.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Graph } from '../sim/overlay/graph.js';
import { Barrier } from '../sim/parallel/barrier.js';
import { shareGraph, sharedGraphView, type SharedGraph } from '../sim/parallel/shared-graph.js';
import { benchOverlay } from './broadcast-setup.js';

export type BareProtocol = 'flood' | 'push';

const LATENCY_MIN = 100;
const LATENCY_SPAN = 400;
const PERIOD = 1000;
/** Messages one thread may hand another in one window. */
const OUTBOX_ROOM = 1 << 22;

interface BareInput {
  protocol: BareProtocol;
  graph: SharedGraph;
  threads: number;
  me: number;
  elide: boolean;
  informed: SharedArrayBuffer;
  /** [from][to]: times (Float64) and [peer, sender] pairs (Int32) of the messages of a window. */
  outTimes: SharedArrayBuffer[][];
  outPeers: SharedArrayBuffer[][];
  /** Int32 [from * threads + to]: messages in each outbox. */
  outCounts: SharedArrayBuffer;
  /** Float64 [thread]: earliest pending event of each thread; then [threads + thread]: peers it informed. */
  board: SharedArrayBuffer;
  barrier: SharedArrayBuffer;
}

export interface BareOutput {
  loopSeconds: number;
  /** Push: the rounds (ticks) it took; flood: 0. */
  rounds: number;
  events: number;
  messages: number;
  informed: number;
}

/** A small seeded stream (LCG): the bare loop has one per thread. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function runBare(input: BareInput): BareOutput {
  const { threads, me, elide } = input;
  const g = sharedGraphView(input.graph);
  const n = g.size, offset = g.offset, deg = g.deg, adj = g.adj;
  const block = Math.ceil(n / threads), lo = me * block, hi = Math.min(n, lo + block);
  const informed = new Uint8Array(input.informed);
  const earliest = new Float64Array(elide ? n : 0).fill(Infinity);
  const random = lcg(1 + me);

  // The heap: times, peers, senders.
  let cap = 1 << 20, size = 0;
  let ht = new Float64Array(cap), hp = new Int32Array(cap), hf = new Int32Array(cap);
  const push = (t: number, p: number, f: number) => {
    if (size === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap), p2 = new Int32Array(cap), f2 = new Int32Array(cap);
      t2.set(ht); p2.set(hp); f2.set(hf);
      ht = t2; hp = p2; hf = f2;
    }
    let i = size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (ht[up] <= t) break;
      ht[i] = ht[up]; hp[i] = hp[up]; hf[i] = hf[up];
      i = up;
    }
    ht[i] = t; hp[i] = p; hf[i] = f;
  };
  const popTop = () => {
    const t = ht[--size], p = hp[size], f = hf[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && ht[c + 1] < ht[c]) c++;
      if (ht[c] >= t) break;
      ht[i] = ht[c]; hp[i] = hp[c]; hf[i] = hf[c];
      i = c;
    }
    ht[i] = t; hp[i] = p; hf[i] = f;
  };
  /** Queues a copy for own peer q unless it is known to change nothing. */
  const offer = (t: number, q: number, f: number) => {
    if (informed[q] === 1) return;
    if (elide) {
      if (t > earliest[q]) return;
      earliest[q] = t;
    }
    push(t, q, f);
  };

  const outCounts = new Int32Array(input.outCounts);
  const outT = input.outTimes[me].map((b) => new Float64Array(b));
  const outP = input.outPeers[me].map((b) => new Int32Array(b));
  let messages = 0;
  /** A message from p, sent at t, to q. */
  const send = (t: number, q: number, p: number) => {
    messages++;
    const tq = t + LATENCY_MIN + LATENCY_SPAN * random();
    if (q >= lo && q < hi) {
      offer(tq, q, p);
      return;
    }
    const j = Math.floor(q / block);
    const c = outCounts[me * threads + j];
    if (c === OUTBOX_ROOM) throw new Error('bare-broadcast: outbox full');
    outT[j][c] = tq;
    outP[j][2 * c] = q;
    outP[j][2 * c + 1] = p;
    outCounts[me * threads + j] = c + 1;
  };

  // The simulator's barrier (sim/parallel/barrier.ts).
  const barrier = new Barrier(input.barrier, threads);
  const sync = () => {
    if (threads > 1) barrier.wait();
  };
  /** Hands this thread's outboxes over and takes in the others'. */
  const exchange = () => {
    sync(); // every outbox written
    for (let j = 0; j < threads; j++) {
      if (j === me) continue;
      const c = outCounts[j * threads + me];
      const times = new Float64Array(input.outTimes[j][me]), peers = new Int32Array(input.outPeers[j][me]);
      for (let k = 0; k < c; k++) offer(times[k], peers[2 * k], peers[2 * k + 1]);
    }
    sync(); // every outbox read
    for (let j = 0; j < threads; j++) outCounts[me * threads + j] = 0;
  };
  const board = new Float64Array(input.board);
  let informedHere = 0;
  /** Publishes this thread's earliest event and informed count; returns the earliest of all and the total. */
  const publish = (): [number, number] => {
    board[me] = size > 0 ? ht[0] : Infinity;
    board[threads + me] = informedHere;
    sync();
    let first = Infinity, total = 0;
    for (let j = 0; j < threads; j++) {
      first = Math.min(first, board[j]);
      total += board[threads + j];
    }
    sync(); // every thread has read the board
    return [first, total];
  };

  let events = 0, rounds = 0;
  /** Processes this thread's events before `end`; `forward`: a flood's arrivals send on. */
  const runBefore = (end: number, forward: boolean) => {
    while (size > 0 && ht[0] < end) {
      const t = ht[0], p = hp[0], from = hf[0];
      popTop();
      events++;
      if (informed[p] === 1) continue;
      informed[p] = 1;
      informedHere++;
      if (!forward) continue;
      for (let i = offset[p], e = i + deg[p]; i < e; i++) if (adj[i] !== from) send(t, adj[i], p);
    }
  };

  sync(); // every thread loaded: start together
  const start = performance.now();
  if (input.protocol === 'flood') {
    if (lo === 0) push(0, 0, -1);
    for (;;) {
      const [first] = publish();
      if (first === Infinity) break;
      runBefore(first + LATENCY_MIN, true);
      exchange();
    }
  } else {
    if (lo === 0) {
      informed[0] = 1;
      informedHere++;
    }
    for (let tick = 0; ; tick += PERIOD) {
      // Every event before the tick is processed: it acts on the peers informed by then.
      const [, total] = publish();
      if (total === n) break;
      rounds++;
      for (let p = lo; p < hi; p++) {
        if (informed[p] === 0) continue;
        let q = Math.floor(random() * n);
        while (q === p) q = Math.floor(random() * n);
        // No peer is informed during a tick, so every thread may read every peer's state
        // (the simulator's senders have the other partitions' bits as of the tick too).
        if (elide && informed[q] === 1) messages++;
        else send(tick, q, p);
      }
      exchange();
      // Arrivals send nothing: a window runs to the next tick.
      runBefore(tick + PERIOD, false);
    }
    runBefore(Infinity, false); // the copies still in flight (duplicates)
  }
  let reached = 0;
  for (let p = lo; p < hi; p++) reached += informed[p];
  return { loopSeconds: (performance.now() - start) / 1000, rounds, events, messages, informed: reached };
}

export interface BareRun {
  /** The longest loop (the threads start together, once loaded). */
  wallSeconds: number;
  loops: number[];
  rounds: number;
  events: number;
  messages: number;
  informed: number;
}

export async function bareBroadcast(protocol: BareProtocol, threads: number, n: number, elide: boolean): Promise<BareRun> {
  const overlay = protocol === 'flood'
    ? benchOverlay(n)
    : Graph.withUniformCapacity(n, 0);
  const grid = (bytes: number) => Array.from({ length: threads }, (_, from) =>
    Array.from({ length: threads }, (_, to) => new SharedArrayBuffer(from === to ? 8 : bytes)));
  const base = {
    protocol, threads, elide,
    graph: shareGraph(overlay),
    informed: new SharedArrayBuffer(n),
    outTimes: grid(OUTBOX_ROOM * 8),
    outPeers: grid(OUTBOX_ROOM * 8),
    outCounts: new SharedArrayBuffer(threads * threads * 4),
    board: new SharedArrayBuffer(2 * threads * 8),
    barrier: Barrier.allocate(),
  };
  const outs = threads === 1
    ? [runBare({ ...base, me: 0 })]
    : await Promise.all(Array.from({ length: threads }, (_, me) => new Promise<BareOutput>((resolve, reject) => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { ...base, me } });
      w.once('message', (o: BareOutput) => { resolve(o); void w.terminate(); });
      w.once('error', reject);
    })));
  const loops = outs.map((o) => o.loopSeconds);
  return {
    wallSeconds: Math.max(...loops),
    loops,
    rounds: outs[0].rounds,
    events: outs.reduce((s, o) => s + o.events, 0),
    messages: outs.reduce((s, o) => s + o.messages, 0),
    informed: outs.reduce((s, o) => s + o.informed, 0),
  };
}

if (!isMainThread) {
  const input = workerData as BareInput;
  try {
    parentPort!.postMessage(runBare(input));
  } catch (e) {
    Barrier.abortBuffer(input.barrier); // the other threads stop waiting for this one
    throw e;
  }
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const protocol: BareProtocol = args[0] === 'push' ? 'push' : 'flood';
  const threads = Number(args[1] ?? 1);
  const n = Number(args.find((a, i) => i > 1 && /^\d+$/.test(a)) ?? 1_000_000);
  const elide = args.includes('--elide');
  const out = await bareBroadcast(protocol, threads, n, elide);
  if (out.informed !== n) throw new Error(`bare-broadcast: ${out.informed} of ${n} peers informed`);
  console.log(JSON.stringify({ protocol, threads, peers: n, elide, ...out, loops: out.loops.map((x) => +x.toFixed(3)) }));
}
