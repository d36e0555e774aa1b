/**
 * The scheduler of one partition of a parallel run. Same ordering as Simulator, but:
 * - an event caused by a peer for a peer of another partition goes to that partition's
 *   outbox (with the tie-break its sender gives it), not to the local queue; a message
 *   whose payload lives in a pool travels with a copy of its fields, and is re-posted on
 *   the receiving partition in a slot of that partition's pool of the same type;
 * - controller events (which every partition holds and runs alike) wait in a queue of
 *   their own, run only at the start of a window, when every partition has processed all
 *   events before them; so a controller event sees the global state (e.g. how many peers
 *   are informed, summed at the barrier) exactly as a one-thread run would;
 * - controller events of the kinds a family declared inline (runInline) run in every
 *   partition too, but among its peers' events in (time, tie) order, so they end no window.
 */
import { EventQueue } from '../engine/event-queue.js';
import { CONTROLLER, Simulator, type EventHandler, type SlotOwner } from '../engine/simulator.js';
import { PayloadPool } from '../network/messages.js';
import type { OutboxWriter } from './outbox.js';

export class PartitionSimulator extends Simulator {
  /** Controller events, due in every partition. */
  readonly controller = new EventQueue(64);
  /**
   * Inline controller events (runInline): each reads only state that changes at the other
   * controller events or at barriers, and changes only this thread's own state or its own
   * peers' (a search launch), so each thread can run it in its own event order.
   */
  readonly inline = new EventQueue(64);
  private readonly inlineNames = new Set<string>();
  /** Kinds inline even where peer events change what controller events read (runInline's `always`). */
  private readonly alwaysInline = new Set<string>();
  /**
   * True while the controller events of a window's start run (runController): every thread
   * runs them before a barrier, and none runs its peers' events before that barrier where a
   * family's peer events change what controller events read.
   */
  atWindowStart = false;
  private readonly inlineKinds: boolean[] = [];
  /** Controller events processed (the same in every partition). */
  controllerEvents = 0;
  /** Tie-break of the event being processed (to merge per-partition logs in global order). */
  currentTie = 0;
  private readonly handlerList: EventHandler[] = [];
  /** Per kind, the pool its messages' payloads live in (null: none, `a` and `b` carry them). */
  private readonly pools: Array<PayloadPool | null> = [];

  constructor(
    peerCapacity: number,
    /** This partition's peers: [lo, hi). */
    private readonly lo: number,
    private readonly hi: number,
    /** Peers per partition (the owner of an initial peer p is floor(p / blockSize)). */
    private readonly blockSize: number,
    /** Outbox to each partition (null for this one). */
    private readonly outboxes: ReadonlyArray<OutboxWriter | null>,
    /** The peers' sequence numbers, shared by all partitions (see Simulator). */
    peerSeq?: Uint32Array,
    initialQueueCapacity = 1024,
    /**
     * The first id of the peers that arrive during the run, dealt out to the partitions by
     * 32-peer words in turn (partition.ts: Ownership); Infinity: no arrivals.
     */
    private readonly dealtFrom = Infinity,
  ) {
    super(peerCapacity, initialQueueCapacity, peerSeq);
  }

  /** The outbox to peer p's partition: null when p is this partition's (partition.ts: Ownership.owner). */
  private outboxOf(p: number): OutboxWriter | null {
    return this.outboxes[p < this.dealtFrom ? Math.floor(p / this.blockSize) : ((p - this.dealtFrom) >>> 5) % this.outboxes.length];
  }

  override registerKind(name: string, handler: EventHandler, owner: SlotOwner | null = null): number {
    // A slot lives in one thread's pool: what crosses partitions is a copy of its fields.
    if (owner !== null && !(owner instanceof PayloadPool)) throw new Error(`parallel: '${name}' events carry slots of a pool that is no PayloadPool`);
    this.handlerList.push(handler);
    this.pools.push(owner);
    this.inlineKinds.push(this.inlineNames.has(name));
    return super.registerKind(name, handler, owner);
  }

  /** Whether events of `kind` carry a payload in a pool (then an outbox record carries its fields). */
  readonly pooled = (kind: number): boolean => this.pools[kind] !== null;

  /**
   * Runs the controller events of kind `name` (registered later) inline: see `inline`.
   * `always`: even after noInline, for a kind that reads no state any peer event changes,
   * and changes only its thread's own state or its own peers' (a churn arrival).
   */
  runInline(name: string, always = false): void {
    this.inlineNames.add(name);
    if (always) this.alwaysInline.add(name);
  }

  /** No kind runs inline after all but the `always` ones (call before the components register their kinds). */
  noInline(): void {
    if (this.inline.size > 0) throw new Error('parallel: inline controller events are already queued');
    for (const name of this.inlineNames) if (!this.alwaysInline.has(name)) this.inlineNames.delete(name);
    this.inlineKinds.fill(false);
  }

  /** Time of the earliest controller event, inline or not (+Infinity: none). */
  controllerNext(): number {
    const t = this.controller.peekTime(), i = this.inline.peekTime();
    return i < t ? i : t;
  }

  /** The kind id registered under `name`, or -1. */
  kindId(name: string): number {
    for (let k = 0; this.kindName(k) !== undefined; k++) if (this.kindName(k) === name) return k;
    return -1;
  }

  /** Runs events of `kind` through wrap(its handler) from now on (-1: no such kind, nothing). */
  wrapKind(kind: number, wrap: (handler: EventHandler) => EventHandler): void {
    if (kind >= 0) this.handlerList[kind] = wrap(this.handlerList[kind]);
  }

  override at(time: number, kind: number, target: number, src: number, a = 0, b = 0): void {
    const tie = this.nextTie(src);
    if (src === CONTROLLER) (this.inlineKinds[kind] ? this.inline : this.controller).push(time, tie, kind, target, src, a, b);
    else this.atTie(time, tie, kind, target, src, a, b);
  }

  /** A peer's event with the given tie-break: to this partition's queue or the target's outbox. */
  override atTie(time: number, tie: number, kind: number, target: number, src: number, a = 0, b = 0): void {
    const out = target >= this.lo && target < this.hi ? null : this.outboxOf(target);
    if (out === null) this.queue.push(time, tie, kind, target, src, a, b);
    else {
      const pool = this.pools[kind];
      if (pool === null) out.write(time, tie, kind, target, src, a, b);
      else {
        out.writeWithPayload(time, tie, kind, target, src, b, pool.data, a * pool.stride, pool.stride);
        pool.give(a);
      }
    }
  }

  /**
   * A controller event for one peer alone: every thread takes its tie-break (the
   * controller's sequence stays the same in all), only the peer's owner queues it, with
   * its own peers' events (it does not end a window as a controller event does).
   */
  override forPeer(time: number, kind: number, peer: number, a = 0, b = 0): void {
    const tie = this.nextTie(CONTROLLER);
    if ((peer >= this.lo && peer < this.hi) || this.outboxOf(peer) === null) this.queue.push(time, tie, kind, peer, CONTROLLER, a, b);
  }

  /**
   * Decides whether an event received from another partition is queued; false when it was
   * settled on arrival (a family's SplitPart.admit). Default: every event is queued.
   */
  admit: ((time: number, kind: number, target: number, src: number, a: number, b: number) => boolean) | null = null;

  /** An event from another partition (its tie-break given by its sender; its payload's fields, if any). */
  readonly receive = (
    time: number, tie: number, kind: number, target: number, src: number, a: number, b: number,
    payload: Int32Array | null, at: number,
  ): void => {
    const pool = payload === null ? null : this.pools[kind];
    if (pool !== null) {
      const slot = pool.take();
      pool.data.set(payload!.subarray(at, at + pool.stride), slot * pool.stride);
      a = slot;
    }
    if (this.admit === null || this.admit(time, kind, target, src, a, b)) this.queue.push(time, tie, kind, target, src, a, b);
    else if (pool !== null) pool.give(a);
  };

  /**
   * Runs the controller events due at exactly `time` (those they schedule for it too).
   * `between` is called between two of them (every thread holds the same ones, so every
   * thread calls it as often): a thread may act for another's peers in a controller event
   * (a shared round tick), so the threads wait there for each other.
   */
  runController(time: number, between?: () => void): void {
    const q = this.controller, inline = this.inline;
    let first = true;
    this.atWindowStart = true;
    try {
      for (;;) {
        // Inline ones due at `time` too, in tie order with the others.
        const due = q.size > 0 && q.peekTime() === time, inlineDue = inline.size > 0 && inline.peekTime() === time;
        if (!due && !inlineDue) return;
        if (!first) between?.();
        first = false;
        this.controllerEvents++;
        this.dispatch(due && (!inlineDue || q.peekTie() < inline.peekTie()) ? q : inline);
      }
    } finally {
      this.atWindowStart = false;
    }
  }

  /** Pops `from`'s earliest event and runs it. */
  private dispatch(from: EventQueue): void {
    from.pop();
    this.now = from.curTime;
    this.currentTie = from.curTie;
    this.handlerList[from.curKind](from.curTarget, from.curSrc, from.curA, from.curB);
    const owner = this.owners[from.curKind];
    if (owner !== null) owner.give(from.curA);
  }

  /** Processes this partition's events with time < `end`, inline controller events among them, in (time, tie) order. */
  runBefore(end: number): void {
    const q = this.queue, inline = this.inline, handlers = this.handlerList, owners = this.owners;
    for (;;) {
      const next = inline.size > 0 ? inline.peekTime() : Infinity;
      const until = next < end ? next : end;
      while (q.size > 0 && q.peekTime() < until) {
        q.pop();
        this.now = q.curTime;
        this.currentTie = q.curTie;
        this.events++;
        const kind = q.curKind;
        handlers[kind](q.curTarget, q.curSrc, q.curA, q.curB);
        const owner = owners[kind];
        if (owner !== null) owner.give(q.curA);
      }
      if (!(next < end)) return;
      // At its instant, peer events go after it (the controller's tie-breaks are below
      // every peer's and bandTie's); the comparison only keeps (time, tie) order explicit.
      while (q.size > 0 && q.peekTime() === next && q.peekTie() < inline.peekTie()) {
        this.events++;
        this.dispatch(q);
      }
      this.controllerEvents++;
      this.dispatch(inline);
    }
  }
}
