/**
 * How broadcast messages reach their target: the only thing that differs between the
 * event-driven engine (through the transport, after a latency) and the cycle-driven one
 * (at once, within the round). What a message does on arrival is the engine's, shared.
 */
import type { BroadcastState } from './state.js';

/** The engine's side of an exchange: what a message does when it arrives. */
export interface Arrivals {
  /** A rumour reaches `to` (sent by `from` in round `round`). */
  rumourArrives(st: BroadcastState, to: number, from: number, round: number): void;
  /** A pull request from `from` reaches `to`. */
  requestArrives(st: BroadcastState, to: number, from: number, round: number): void;
  /** No message of `st` is in flight any more (it may have ended). */
  settled(st: BroadcastState): void;
}

export interface Delivery {
  /**
   * True when messages arrive within the round they were sent in (cycle engine): a peer
   * informed in round r then acts, and forwards, from round r+1 (snapshot semantics).
   * False: forwarding on receipt happens at the moment of receipt.
   */
  readonly immediate: boolean;
  /** Registers event kinds and listeners; called once, by the engine's install. */
  install(arrivals: Arrivals): void;
  /** A broadcast begins / ends (per-broadcast bookkeeping of the delivery). */
  begin(st: BroadcastState): void;
  end(st: BroadcastState): void;
  /** Sends the rumour from `from` to `to`, counted in `st`; it informs in `round`. */
  rumour(st: BroadcastState, from: number, to: number, round: number): void;
  /** Sends a pull request from `from` to `to`. */
  request(st: BroadcastState, from: number, to: number, round: number): void;
  /**
   * `from` answers `to`'s pull request with the rumour: a rumour, but on the cycle engine
   * its loss is drawn from the requester's stream (cycle-delivery.ts).
   */
  reply(st: BroadcastState, from: number, to: number, round: number): void;
}
