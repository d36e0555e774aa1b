/**
 * What the broadcast engine needs to know when it runs as one partition of a parallel run
 * (sim/parallel/): which peers this thread acts for, how the work of a round tick is
 * shared out, and whom to tell of each informing so that the per-broadcast timeline,
 * trace and last round can be merged in global order.
 */
import type { SimContext } from '../../../run/context.js';
import type { Delivery } from '../delivery.js';
import type { BroadcastState } from '../state.js';

/** Cycle engine: a round's messages, settled across the partitions (cycle-rounds.ts). */
export interface CycleRounds {
  /** Delivers the messages of this thread's peers (their arrivals wait for `settle`). */
  readonly delivery: Delivery;
  /** This thread's forwarders (0), then its gossiping peers (1), act next. */
  phase(phase: number): void;
  /** After this thread's peers acted in round `round` (every thread, every round): the arrivals. */
  settle(st: BroadcastState, round: number): void;
}

export interface BroadcastPartition {
  /** First initial peer of this partition (a multiple of 32: no bitset word is shared). */
  readonly lo: number;
  /** One past the last initial peer of this partition (a multiple of 32, or the peer count). */
  readonly hi: number;
  /** Whether this thread acts for peer p: [lo, hi), and its share of the arrivals (PartitionEnv.owns). */
  owns(p: number): boolean;
  /** The bitset words of this thread's peers among words 0..words-1, as flat [first, end) pairs in order. */
  ownWords(words: number): number[];
  /**
   * `peer` (of this partition) got the rumour now, in `round`, from `from` (-1: none).
   * Called once per informing, in this thread's event order.
   */
  informed(st: BroadcastState, peer: number, from: number, round: number): void;
  /** Anti-entropy gave `peer` (of this partition) the rumour after the broadcast ended (not an informing). */
  lateCopy(st: BroadcastState, peer: number): void;
  /**
   * A round tick's gossip is shared out among the threads in chunks of `chunkWords` bitset
   * words (32 peers each), whoever owns the peers: each thread asks for chunks until none
   * is left, so a slow thread does less of it. Returns the first word of this thread's
   * next chunk of the tick in progress of `st`, or -1 when all `words` are taken. Every
   * thread must call it until it returns -1, once per tick.
   */
  nextChunk(st: BroadcastState, words: number): number;
  readonly chunkWords: number;
  /** Cycle engine: each thread acts for its own peers and settles the arrivals with the others. */
  readonly cycle?: (ctx: SimContext) => CycleRounds;
}
