/**
 * The cycle engine's rounds in a split run. A round acts on the peers that held the rumour
 * when it began, so each thread lets its own peers act (forwarders, then gossip, in peer
 * order) and the arrivals wait for the end of the round. A message's place in a one-thread
 * round is its key (phase, sender, index): there, the first rumour to reach a peer informs
 * it and the later ones are duplicates. Here a rumour for a peer that did not hold the
 * rumour bids its key in a shared cell of that peer; after a barrier the owner informs each
 * of its peers from the smallest bid, and the threads exchange their peers' new bits and
 * how many they informed (a second barrier).
 *
 * What the sender knows it counts itself: the loss (drawn from its own stream), a target
 * offline or holding the rumour already, and a pull request's answer (its target's bit as
 * of the round's start) and that answer's loss, which the requester draws from its own
 * stream right after its request's, as a one-thread round does (cycle-delivery.ts).
 */
import type { PeerTable } from '../../../run/peers.js';
import type { Transport } from '../../../network/transport.js';
import type { Barrier } from '../../../parallel/barrier.js';
import { CycleDelivery } from '../cycle-delivery.js';
import type { Delivery } from '../delivery.js';
import type { BroadcastState } from '../state.js';
import type { BitsetExchange } from './bitset-exchange.js';
import type { CycleRounds } from './partition.js';

/** No bid yet (the largest Int32: every key is smaller); with a trace, the largest Int64. */
const NONE = 0x7fffffff;
const NONE64 = 0x7fffffffffffffffn;

/** Whether a traced round's keys (below 8·n³ for n peer ids) are exact in a double, as they are computed. */
export function tracedKeysFit(ids: number): boolean {
  return 8 * ids * ids * ids <= Number.MAX_SAFE_INTEGER;
}

/**
 * The shared buffers: one bid cell a peer id, arrivals included (Int32, or with a trace
 * Int64: its keys hold four parts), one count a thread (Float64).
 */
export function cycleBuffers(peers: number, threads: number, withTrace: boolean): SharedArrayBuffer[] {
  const bids = new SharedArrayBuffer(Math.max(8, peers * (withTrace ? 8 : 4)));
  if (withTrace) new BigInt64Array(bids).fill(NONE64);
  else new Int32Array(bids).fill(NONE);
  return [bids, new SharedArrayBuffer(threads * 8)];
}

export class SplitCycleRounds extends CycleDelivery implements CycleRounds {
  readonly delivery: Delivery = this;
  /**
   * The informing being recorded: its key (-1: the origin, before every arrival of the
   * round it starts with), which orders a round's informings in the merged trace.
   */
  order = -1;
  /** Without a trace (else null): Int32 bids. */
  private readonly bids: Int32Array | null;
  /** With a trace (else null): Int64 bids. */
  private readonly bids64: BigInt64Array | null;
  private readonly counts: Float64Array;
  /** Peer ids the run may hand out (arrivals included): keys number the senders among them. */
  private readonly n: number;
  /** A trace is kept (at most 500 initial peers): keys hold the index and the informer too. */
  private readonly full: boolean;
  private currentPhase = 0;
  private sender = -1;
  private index = 0;
  /** Keys of this thread's newly informed peers, and the peers (a round's scratch). */
  private won = new Float64Array(0);

  constructor(
    transport: Transport,
    private readonly peers: PeerTable,
    buffers: SharedArrayBuffer[],
    private readonly bitsets: () => BitsetExchange,
    private readonly barrier: Barrier,
    private readonly me: number,
    private readonly threads: number,
    capacity: number,
    /** This thread's peers among 0..count-1, as flat [from, to) pairs (PartitionEnv.ownRanges). */
    private readonly ownRanges: (count: number) => number[],
    withTrace: boolean,
  ) {
    super(transport);
    this.n = capacity;
    this.bids = withTrace ? null : new Int32Array(buffers[0], 0, Math.max(1, this.n));
    this.bids64 = withTrace ? new BigInt64Array(buffers[0], 0, Math.max(1, this.n)) : null;
    this.counts = new Float64Array(buffers[1], 0, threads);
    this.full = withTrace;
    // 8·n³ keys must be exact with a trace; n peers of two phases without one.
    if (withTrace && !tracedKeysFit(this.n)) throw new Error('parallel: too many peers for a traced cycle round');
  }

  phase(phase: number): void {
    this.currentPhase = phase;
    this.sender = -1;
  }

  /**
   * The place in a one-thread round of the next message of `sender`: (phase, sender, index)
   * with a trace, and the informer too (a reply's key is its request's, its informer the
   * peer that answers); (phase, sender) without (messages from one sender to one peer are
   * alike, and only a flood, which has no replies, reads the informer).
   */
  private key(sender: number): number {
    if (sender !== this.sender) {
      this.sender = sender;
      this.index = 0;
    }
    const n = this.n, at = this.currentPhase * n + sender;
    if (!this.full) return at;
    const index = this.index++;
    if (index >= 4 * n) throw new Error('parallel: too many messages from one peer in a cycle round');
    return (at * 4 * n + index) * n;
  }

  override rumour(st: BroadcastState, from: number, to: number, _round: number): void {
    st.messages++;
    const key = this.key(from);
    if (!this.transport.sendNow(from)) st.lost++;
    else this.arrive(st, to, key + (this.full ? from : 0));
  }

  override request(st: BroadcastState, from: number, to: number, _round: number): void {
    st.messages++;
    const key = this.key(from);
    if (!this.transport.sendNow(from)) {
      st.lost++;
      return;
    }
    // The target answers at once if it held the rumour when the round began; the requester
    // draws the answer's loss.
    if (this.peers.alive[to] !== 1) st.dropped++;
    else if (st.has(to)) {
      st.messages++;
      if (!this.transport.sendNow(from)) st.lost++;
      else this.arrive(st, from, key + (this.full ? to : 0));
    }
  }

  /** A rumour with `key` reaches `to`; the informed bits are those of the round's start. */
  private arrive(st: BroadcastState, to: number, key: number): void {
    const peers = this.peers;
    if (peers.aliveCount !== peers.count && peers.alive[to] !== 1) {
      st.dropped++;
      return;
    }
    // A duplicate, unless this bid wins: then its owner takes the duplicate back.
    st.duplicates++;
    if (st.has(to)) return;
    const bids = this.bids;
    if (bids === null) {
      this.bid64(to, BigInt(key));
      return;
    }
    let cur = Atomics.load(bids, to);
    while (key < cur) {
      const seen = Atomics.compareExchange(bids, to, cur, key);
      if (seen === cur) break;
      cur = seen;
    }
  }

  /** A traced round's bid (the smallest key wins, as above). */
  private bid64(to: number, key: bigint): void {
    const bids = this.bids64!;
    let cur = Atomics.load(bids, to);
    while (key < cur) {
      const seen = Atomics.compareExchange(bids, to, cur, key);
      if (seen === cur) break;
      cur = seen;
    }
  }

  /** Peer p's winning key, cleared for the next round (-1: no bid). */
  private take(p: number): number {
    const bids = this.bids;
    if (bids !== null) {
      const key = bids[p];
      if (key === NONE) return -1;
      bids[p] = NONE;
      return key;
    }
    const key = this.bids64![p];
    if (key === NONE64) return -1;
    this.bids64![p] = NONE64;
    return Number(key);
  }

  settle(st: BroadcastState, round: number): void {
    this.barrier.wait();
    const n = this.n;
    let won = 0;
    const own = this.ownRanges(this.peers.count);
    for (let i = 0; i < own.length; i += 2) {
      for (let p = own[i]; p < own[i + 1]; p++) {
        const key = this.take(p);
        if (key < 0) continue;
        if (2 * won + 2 > this.won.length) {
          const grown = new Float64Array(Math.max(64, this.won.length * 2));
          grown.set(this.won);
          this.won = grown;
        }
        this.won[2 * won] = key;
        this.won[2 * won + 1] = p;
        won++;
      }
    }
    // In key order, the order of a one-thread round (needed for the trace only).
    const order = this.full ? sortedPairs(this.won, won) : null;
    for (let i = 0; i < won; i++) {
      const at = order === null ? i : order[i];
      const key = this.won[2 * at], peer = this.won[2 * at + 1];
      st.duplicates--;
      this.order = key;
      // The informer: the key's last part with a trace; the sender without (see `key`).
      this.arrivals!.rumourArrives(st, peer, key % n, round);
    }
    this.order = -1;
    // Everyone's new bits, and how many peers the others informed.
    const counts = this.counts, bitsets = this.bitsets();
    counts[this.me] = won;
    bitsets.publishNow(st.id);
    this.barrier.wait();
    let others = 0;
    for (let i = 0; i < this.threads; i++) if (i !== this.me) others += counts[i];
    bitsets.takeNow(st.id);
    st.liveInformed += others;
    st.freshCount += others;
  }
}

/** Indices 0..count-1 of (key, value) pairs in `pairs`, by key. */
function sortedPairs(pairs: Float64Array, count: number): Int32Array {
  const idx = new Int32Array(count);
  for (let i = 0; i < count; i++) idx[i] = i;
  idx.sort((a, b) => pairs[2 * a] - pairs[2 * b]);
  return idx;
}
