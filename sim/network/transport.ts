/**
 * The network model: every protocol message goes through the transport, which draws its
 * latency from the scenario's distribution and drops it with probability `loss`. Draws
 * come from the sender's own network stream, so they do not depend on event interleaving.
 * A message's payload is a typed record in its type's pool (messages.ts: `messageType`,
 * `post`); one of at most two numbers may ride in the event itself (`send`), as a
 * broadcast rumour's (id, round) does on the hottest path of all.
 */
import type { Simulator } from '../engine/simulator.js';
import type { PeerStreams, RandomSource } from '../engine/random.js';
import type { Sampler } from '../random/types.js';
import { InlineMessageType, MessageType, PayloadPool, type InlineHandler, type MessageHandler } from './messages.js';

export class Transport {
  /** Messages handed to the network, lost ones included. */
  sent = 0;
  /** Messages dropped by the loss model. */
  lost = 0;

  constructor(
    private readonly sim: Simulator,
    private readonly latency: Sampler,
    private readonly loss: number,
    private readonly streams: PeerStreams,
  ) {}

  /** Smallest possible latency: the lookahead a parallel engine may use. */
  get minLatency(): number {
    return this.latency.min;
  }

  /**
   * Registers a message type whose payloads are laid out in `pool` (the types of a family
   * may share one pool, of one layout): when one arrives, `onArrive` reads it, then the
   * scheduler gives its slot back (a handler that keeps a payload copies it).
   */
  messageType(name: string, pool: PayloadPool, onArrive: MessageHandler): MessageType {
    // The handler is the event's own (no wrapper): called from one site per type, V8
    // inlines it there; a shared wrapper made every pooled message some 5% dearer.
    return new MessageType(name, this.sim.registerKind(name, onArrive, pool), pool);
  }

  /**
   * Declares a message type by its payload's Int32 fields, in order; the transport decides
   * where they live. Up to two ride in the event itself (an InlineMessageType: send with
   * `sendMessage`, the handler gets them as arguments); more take a slot of a pool of
   * their own (a MessageType: compose in `type.pool`, send with `post`, the handler gets
   * the slot). Either way the family never packs fields into an event's numbers itself, and
   * a split run's outboxes carry either kind to another partition.
   */
  message(name: string, fields: readonly [string] | readonly [string, string], onArrive: InlineHandler): InlineMessageType;
  message(name: string, fields: readonly string[], onArrive: MessageHandler): MessageType;
  message(name: string, fields: readonly string[], onArrive: InlineHandler | MessageHandler): InlineMessageType | MessageType {
    if (fields.length <= 2) return new InlineMessageType(name, this.sim.registerKind(name, onArrive as InlineHandler), fields);
    return this.messageType(name, new PayloadPool(fields.length), onArrive as MessageHandler);
  }

  /** Sends a message of an inline type with its fields; false when it is lost. */
  sendMessage(from: number, to: number, type: InlineMessageType, f0 = 0, f1 = 0): boolean {
    return this.send(from, to, type.kind, f0, f1);
  }

  /**
   * Sends the payload in `slot` of `type`'s pool from `from` to `to`; it arrives after a
   * latency draw, unless lost: then its slot is given back at once and this returns false.
   */
  post(from: number, to: number, type: MessageType, slot: number): boolean {
    if (this.send(from, to, type.kind, slot)) return true;
    type.pool.give(slot);
    return false;
  }

  /**
   * Sends a message of event kind `kind` from `from` to `to`; it is delivered as that
   * event after a latency draw, unless lost. Returns false when the message is lost.
   */
  send(from: number, to: number, kind: number, a = 0, b = 0): boolean {
    const delay = this.draw(from);
    if (delay < 0) return false;
    this.sim.at(this.sim.now + delay, kind, to, from, a, b);
    return true;
  }

  /**
   * The first half of `send`: counts a message from `from` sent now and draws its fate
   * from the sender's stream, returning its latency in seconds, or -1 when it is lost.
   * Follow with `deliver`, or not when its arrival is known in advance to change nothing
   * (e.g. a rumour to a peer that will already hold it, in a run where no peer can go
   * offline): the draws, and so every later draw and event order, stay the same.
   */
  draw(from: number): number {
    this.sent++;
    const rng = this.streams.use(from);
    if (this.loss > 0 && rng.next() < this.loss) {
      this.lost++;
      return -1;
    }
    return this.latency.sample(rng);
  }

  /**
   * A message's fate drawn from `rng` instead of the sender's stream (a send that must not
   * depend on the order of the sender's other events): its latency, or -1 when it is lost.
   * Counted only when `counted` (a split run's other threads draw it too, to learn its fate).
   */
  drawWith(rng: RandomSource, counted: boolean): number {
    const lost = this.loss > 0 && rng.next() < this.loss;
    if (counted) {
      this.sent++;
      if (lost) this.lost++;
    }
    return lost ? -1 : this.latency.sample(rng);
  }

  /**
   * A message sent now that arrives at once (the cycle engine: no per-message latency).
   * Counts it and draws only its loss, from the stream of peer `from` (the sender's, or
   * the requester's for a cycle-engine answer); false when it is lost.
   */
  sendNow(from: number): boolean {
    this.sent++;
    if (this.loss > 0 && this.streams.next(from) < this.loss) {
      this.lost++;
      return false;
    }
    return true;
  }

  /** The second half of `send`: the message drawn with latency `delay` arrives as event `kind`. */
  deliver(from: number, to: number, kind: number, delay: number, a = 0, b = 0): void {
    this.sim.at(this.sim.now + delay, kind, to, from, a, b);
  }
}
