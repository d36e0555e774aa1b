/**
 * The discrete-event scheduler. It knows nothing of protocols: components register a
 * handler per event kind and schedule events; the simulator pops them in (time, tie) order.
 */
import { EventQueue } from './event-queue.js';

/** Handles one event: `target` is usually a peer, `src` who scheduled it (-1: controller). */
export type EventHandler = (target: number, src: number, a: number, b: number) => void;

/**
 * What an event's `a` names when it is a slot of a pool (a message's payload, see
 * network/messages.ts): the scheduler gives it back once the event's handler has returned.
 */
export interface SlotOwner {
  give(slot: number): void;
}

/**
 * Watches a run without taking part in it (a live view): told of each event when it is
 * scheduled and when it is handled. It must not change any state of the run.
 */
export interface SimObserver {
  /** An event of `kind` for `target`, caused by `src`, was scheduled at `now` for `time`. */
  scheduled(now: number, time: number, kind: number, target: number, src: number): void;
  /** An event of `kind` for `target`, caused by `src`, is about to be handled at `time`. */
  handled(time: number, kind: number, target: number, src: number): void;
}

/** The scheduler's identity for events not caused by a peer (timers, scenario controls). */
export const CONTROLLER = -1;

// The tie-break depends only on who scheduled the event and how many it scheduled before,
// never on thread or partition order. Three ranges of exact doubles, in this order:
// - the controller: −2^53 + its sequence (no wrap: 2^52 events before the peers' range);
// - peer src: −2^52 + (src + 1) · 2^26 + its sequence mod 2^26 (below 2^52 for 2^27 − 1
//   peers). Two events of one peer tie only if it scheduled 2^26 others between them and
//   both are pending for the same instant;
// - the band (`bandTie`): 2^52 + a caller's sequence, after every peer's.
// Same order as the former (src + 1) · 2^29 + seq of < 2^24 peers while sequences < 2^26.
const SEQ_SPAN = 67_108_864; // 2^26, literals: constants in the hot path
const PEER_BASE = -4_503_599_627_370_496; // −2^52
const CONTROLLER_BASE = -9_007_199_254_740_992; // −2^53
const BAND = 4_503_599_627_370_496; // 2^52
export const MAX_PEERS = 134_217_727; // 2^27 − 1

/**
 * A tie-break of the band above every peer's, numbered by a sequence of the caller's own
 * (for `atTie`): such an event goes after every other event of its instant, and its order
 * depends on no peer's or the controller's sequence.
 */
export function bandTie(n: number): number {
  return BAND + n;
}

/** The tie-break of the `n`-th event peer `src` schedules. */
function peerTie(src: number, n: number): number {
  return PEER_BASE + (src + 1) * SEQ_SPAN + (n % SEQ_SPAN);
}

/** The tie-break of the `n`-th event `src` schedules (a peer, or CONTROLLER). */
export function tieOf(src: number, n: number): number {
  return src < 0 ? CONTROLLER_BASE + n : peerTie(src, n);
}

export class Simulator {
  readonly queue: EventQueue;
  now = 0;
  /** Events processed so far. */
  events = 0;
  private handlers: EventHandler[] = [];
  /** Per kind, the pool its events' `a` is a slot of (null: none). */
  protected owners: Array<SlotOwner | null> = [];
  private kindNames: string[] = [];
  /** Events scheduled so far by each peer (its sequence number), and by the controller. */
  private seq: Uint32Array;
  private controllerSeq = 0;
  private stopped = false;
  private observer: SimObserver | null = null;

  /**
   * `peerSeq`: the peers' sequence numbers, when they live elsewhere (a parallel run shares
   * them, so that any thread may act for any peer); at least `peerCapacity` long.
   */
  constructor(peerCapacity: number, initialQueueCapacity = 1024, peerSeq?: Uint32Array) {
    if (peerCapacity > MAX_PEERS) throw new Error(`engine: at most ${MAX_PEERS} peers are supported`);
    this.seq = peerSeq ?? new Uint32Array(peerCapacity);
    this.queue = new EventQueue(initialQueueCapacity);
  }

  /** Makes room for peers 0..n-1 (peers that join later). */
  ensurePeerCapacity(n: number): void {
    if (n <= this.seq.length) return;
    if (n > MAX_PEERS) throw new Error(`engine: at most ${MAX_PEERS} peers are supported`);
    const next = new Uint32Array(Math.max(n, this.seq.length * 2));
    next.set(this.seq);
    this.seq = next;
  }

  /**
   * Registers a handler and returns the kind id to schedule it with. `owner`: the events'
   * `a` is a slot of this pool, given back after the handler returns.
   */
  registerKind(name: string, handler: EventHandler, owner: SlotOwner | null = null): number {
    this.kindNames.push(name);
    this.owners.push(owner);
    const kind = this.handlers.length;
    this.handlers.push(this.observer ? this.watched(kind, handler) : handler);
    return kind;
  }

  /**
   * Tells `observer` of every event from now on. Nothing changes for a simulator never
   * observed: `at` and the handlers are replaced on this instance only, so the hot paths
   * of the class stay as they are (zero cost when unused); results are the same either way.
   */
  observe(observer: SimObserver): void {
    if (this.observer) throw new Error('engine: a simulator has at most one observer');
    this.observer = observer;
    this.handlers = this.handlers.map((handler, kind) => this.watched(kind, handler));
    const schedule = this.at, scheduleTie = this.atTie;
    this.at = (time, kind, target, src, a = 0, b = 0) => {
      schedule.call(this, time, kind, target, src, a, b);
      observer.scheduled(this.now, time, kind, target, src);
    };
    this.atTie = (time, tie, kind, target, src, a = 0, b = 0) => {
      scheduleTie.call(this, time, tie, kind, target, src, a, b);
      observer.scheduled(this.now, time, kind, target, src);
    };
  }

  private watched(kind: number, handler: EventHandler): EventHandler {
    const observer = this.observer!;
    return (target, src, a, b) => {
      observer.handled(this.now, kind, target, src);
      handler(target, src, a, b);
    };
  }

  kindName(kind: number): string {
    return this.kindNames[kind];
  }

  /** Schedules `kind` at absolute `time`, caused by `src` (a peer id or CONTROLLER). */
  at(time: number, kind: number, target: number, src: number, a = 0, b = 0): void {
    this.queue.push(time, this.nextTie(src), kind, target, src, a, b);
  }

  /**
   * Schedules `kind` at `time`, caused by peer `src`, with a tie-break the caller chose
   * (`bandTie`) instead of src's next one: src's sequence does not move.
   */
  atTie(time: number, tie: number, kind: number, target: number, src: number, a = 0, b = 0): void {
    this.queue.push(time, tie, kind, target, src, a, b);
  }

  /**
   * The tie-break of the next event `src` schedules (advancing src's sequence number).
   * `at` uses it; a parallel run uses it for an event it hands to another worker's queue.
   */
  nextTie(src: number): number {
    if (src < 0) return CONTROLLER_BASE + this.controllerSeq++;
    if (src >= this.seq.length) this.ensurePeerCapacity(src + 1);
    return peerTie(src, this.seq[src]++);
  }

  /**
   * Schedules, from the controller, an event that reads and changes only `peer`'s state (a
   * peer's first timer). Ordered as any controller event; in a split run only the thread
   * that owns `peer` runs it, among that peer's events (see parallel/partition-simulator.ts).
   */
  forPeer(time: number, kind: number, peer: number, a = 0, b = 0): void {
    this.at(time, kind, peer, CONTROLLER, a, b);
  }

  /** Schedules `kind` `delay` seconds from now. */
  after(delay: number, kind: number, target: number, src: number, a = 0, b = 0): void {
    this.at(this.now + delay, kind, target, src, a, b);
  }

  /** Stops `run` after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Processes events in order while their time is <= `until`. Returns when the queue is
   * empty, the next event lies beyond `until`, or `stop()` was called.
   */
  run(until: number): void {
    const q = this.queue;
    const handlers = this.handlers, owners = this.owners;
    this.stopped = false;
    while (q.size > 0 && !this.stopped) {
      if (q.peekTime() > until) break;
      q.pop();
      this.now = q.curTime;
      this.events++;
      const kind = q.curKind;
      handlers[kind](q.curTarget, q.curSrc, q.curA, q.curB);
      const owner = owners[kind];
      if (owner !== null) owner.give(q.curA);
    }
  }
}
