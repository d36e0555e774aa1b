/**
 * What a search protocol implements: how a query starts at its origin, what a peer does
 * with a query or control message, and whether a query whose messages have all been
 * delivered is over (expanding ring starts its next ring there instead).
 */
import type { QuerySlot } from './query-slot.js';

export type SearchProtocolName = 'flood' | 'random-walk' | 'expanding-ring' | 'directory' | 'dht';

/** Codes carried by control messages (field [2] of their payload, runtime.ts). */
export const CONTROL_CHECK = 0;     // random walk: walker → origin, "should I go on?"
export const CONTROL_CONTINUE = 1;  // origin → walker: not satisfied yet
export const CONTROL_STOP = 2;      // origin → walker: satisfied, stop
export const CONTROL_MISS = 3;      // directory: asked super-peer → asking one, "not in my index"

export interface SearchProtocol {
  readonly name: SearchProtocolName;
  /** Sends the first messages of a query whose origin does not hold the item. */
  launch(slot: QuerySlot): void;
  /**
   * A split run: sets the query's state as `launch` does, without sending, in the threads
   * that do not own the origin (which launch it).
   */
  prepare?(slot: QuerySlot): void;
  /** A query message from `from`, whose visit was `hops` from the origin, reached live peer `peer`. */
  onQuery(slot: QuerySlot, peer: number, from: number, hops: number): void;
  /**
   * A control message reached live peer `peer`, about a visit `hops` from the origin whose
   * query came from `about` (−1: none); see SearchRuntime.sendControl.
   */
  onControl(slot: QuerySlot, peer: number, from: number, code: number, about: number, hops: number): void;
  /**
   * No message of the query is in flight any more, anywhere, since the event at `time`;
   * `answered`: an answer has reached the origin. True when the query is over (expanding
   * ring sends its next ring instead, as of `time`: SearchRuntime.sendRing).
   */
  onQuiet(slot: QuerySlot, answered: boolean, time: number): boolean;
}
