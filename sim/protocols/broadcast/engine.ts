/**
 * The broadcast engine shared by push, pull, push-pull and flood (each a BroadcastProtocol,
 * protocol.ts), and by both engines: starts each broadcast, runs its round ticks (one
 * controller event per broadcast per round, which walks the peers that act and lets each
 * act through its protocol's `nextCycle`), says what a message does when it arrives, and
 * notices when a broadcast has ended. How messages travel is the Delivery's job: through
 * the transport (event engine) or at once, within the round (`engine: cycle`).
 *
 * Rounds: the origin holds the rumour in round 0, at `start`. The r-th tick (r = 1, 2, ...)
 * happens at start + (r−1)·period; the messages sent at it inform in round r. A tick that
 * finds every live peer informed, or r > maxRounds, sends nothing and schedules no more
 * ticks. A broadcast ends when no tick is left and none of its messages is in flight.
 * For push `once` and flood, the round of a peer is its hop count from the origin, and
 * maxRounds limits it (a peer informed at hop maxRounds does not forward).
 *
 * Cycle engine (snapshot semantics, as the event engine with a constant latency below the
 * period): a round acts on the peers informed when it began; a peer informed in round r
 * pushes, answers pulls and forwards (`once`, flood) from round r+1. Push `once` and flood
 * tick too, one hop a round, so hop r is reached at start + (r−1)·period.
 */
import { CONTROLLER } from '../../engine/simulator.js';
import type { PeerStreams } from '../../engine/random.js';
import type { SimContext } from '../../run/context.js';
import { uniformLivePeer } from '../../random/live-peer.js';
import { CycleDelivery } from './cycle-delivery.js';
import type { Arrivals, Delivery } from './delivery.js';
import { EventDelivery } from './event-delivery.js';
import { PhantomEvents } from './phantoms.js';
import type { BroadcastNet } from './protocol.js';
import { broadcastResult } from './result.js';
import type { BroadcastPartition, CycleRounds } from './split/partition.js';
import { BroadcastState, Phase } from './state.js';
import { TargetPicker } from './targets.js';
import { knownLive } from '../../dynamics/shared.js';

export interface EngineOptions {
  /**
   * Event engine: do not schedule the arrival of a rumour that is known to be a duplicate
   * when it is sent: its target holds the rumour already, or an earlier-arriving copy is in
   * flight to it. Such a message is counted (message and duplicate) at once, with the same
   * latency and loss draws. Exact when no peer can go offline (the results are identical,
   * only `engine.events` is smaller), and it saves most events and queue memory. Default:
   * on when the scenario has no churn and no failures; off for good once a peer goes down.
   */
  elide?: boolean;
  /** Where elided arrivals are counted (default: a counter of the engine's own). */
  phantoms?: PhantomEvents;
  /** Record who informed whom when (default: when the run has at most 500 peers). */
  trace?: boolean;
  /** Which engine delivers the messages (default: the scenario's `engine`). */
  engine?: 'event' | 'cycle';
  /**
   * Parallel run (sim/parallel/): this thread handles the arrivals at the partition's
   * peers (the origin is informed by its owner), shares out round ticks with the other
   * threads (see BroadcastPartition.nextChunk), reports each
   * informing to it, and never decides alone that a broadcast has ended (its `pending`
   * is only its share). With failures or churn, the runner sets `liveInformed` (the global
   * count) at each barrier. Cycle engine: each thread's own peers act in a round, and the
   * partition settles the arrivals (BroadcastPartition.cycle). Default: one thread, all peers.
   */
  partition?: BroadcastPartition;
}

/** Runs with at most this many peers record a trace by default (for the animation). */
export const TRACE_MAX_PEERS = 500;

export class BroadcastEngine implements Arrivals {
  /** Number of broadcasts started so far: ids 0..started-1 (ids follow start order). */
  started = 0;
  /** Arrivals settled when they were sent (elided duplicates), counted as events. */
  readonly phantoms: PhantomEvents;
  private readonly trace: boolean;
  private anyPeerLeft = false;
  private readonly streams: PeerStreams;
  private readonly delivery: Delivery;
  /** What the protocols act through. */
  private readonly net: BroadcastNet;
  /** Cycle engine: forwarding on receipt waits for the next round. */
  private readonly deferForwarding: boolean;
  private kindStart = -1;
  private kindTick = -1;
  private readonly partition: BroadcastPartition | null;
  /** Cycle engine, parallel run: each thread's peers act, the arrivals are settled after. */
  private readonly cycle: CycleRounds | null;

  constructor(
    private readonly ctx: SimContext,
    /** The broadcasts, sorted by start time (index = id). */
    readonly states: BroadcastState[],
    options: EngineOptions = {},
  ) {
    const scenario = ctx.scenario;
    const engine = options.engine ?? scenario.engine;
    this.phantoms = options.phantoms ?? new PhantomEvents();
    this.cycle = engine === 'cycle' ? options.partition?.cycle?.(ctx) ?? null : null;
    this.delivery = engine === 'cycle'
      ? this.cycle?.delivery ?? new CycleDelivery(ctx.transport)
      : new EventDelivery(ctx, states, options.elide ?? (scenario.churn === null && scenario.failures.length === 0), this.phantoms, options.partition);
    this.deferForwarding = this.delivery.immediate;
    this.trace = options.trace ?? ctx.peers.count <= TRACE_MAX_PEERS;
    this.streams = ctx.peerStreams('broadcast');
    // Under drawn churn a peer forwarding on receipt (its own event) draws uniform targets
    // from the live snapshot: another thread's peers go down and up meanwhile.
    const known = engine === 'event' ? knownLive(ctx) : null;
    this.net = { peers: ctx.peers, picker: new TargetPicker(ctx.peers, ctx.overlay, this.streams, known), overlay: ctx.overlay, delivery: this.delivery };
    this.partition = options.partition ?? null;
  }

  /** Registers the event kinds and listeners and schedules every start. */
  install(): void {
    const sim = this.ctx.sim;
    this.kindStart = sim.registerKind('broadcast/start', (id) => this.begin(this.states[id]));
    this.kindTick = sim.registerKind('broadcast/tick', (id) => this.tick(this.states[id]));
    this.delivery.install(this);
    for (const st of this.states) sim.at(st.start, this.kindStart, st.id, CONTROLLER);
    this.ctx.peerDown.push((peer) => this.peerDown(peer));
    this.ctx.peerUp.push((peer) => this.peerUp(peer));
  }

  // ---- lifecycle -------------------------------------------------------------------

  private begin(st: BroadcastState): void {
    const { peers } = this.ctx;
    this.started = st.id + 1;
    st.phase = Phase.Running;
    st.ensureCapacity(peers.alive.length);
    this.delivery.begin(st);
    if (this.trace) st.trace = [];
    // A random origin comes from the stream 'broadcast/<id>', by rejection alone.
    const origin = st.spec.origin !== 'random' ? st.spec.origin
      : peers.aliveCount === 0 ? -1 : uniformLivePeer(peers.alive, peers.count, this.ctx.namedStream(`broadcast/${st.id}`));
    st.origin = origin;
    if (origin >= 0 && origin < peers.count && peers.alive[origin] === 1) {
      if (this.owns(origin)) this.inform(st, origin, -1, 0);
      // Another partition's thread may gossip for the origin in the tick below: it must
      // know the origin holds the rumour (its owner alone records the informing), and
      // count it, as the tick compares the count with the live peers in every thread.
      else {
        st.mark(origin);
        st.liveInformed++;
        // Its owner marks it fresh: it forwards in round 1 (the count is global, the bit its owner's).
        if (this.deferForwarding) st.freshCount++;
      }
      // The cycle engine ticks for every protocol: hop r of push `once` and flood is round r.
      if (st.protocol.periodic || this.deferForwarding) {
        st.ticking = true;
        this.tick(st);
      }
    }
    this.endIfDone(st);
  }

  /** Whether this thread acts for `peer` (always, unless it runs one partition). */
  private owns(peer: number): boolean {
    return this.partition === null || this.partition.owns(peer);
  }

  private endIfDone(st: BroadcastState): void {
    // A partition sees only its share of the messages in flight: the parallel runner
    // decides at the end whether the broadcast ended.
    if (this.partition !== null) return;
    if (st.phase === Phase.Running && !st.ticking && st.pending === 0) this.finish(st);
  }

  /** Arrivals: no message of `st` is in flight any more. */
  settled(st: BroadcastState): void {
    this.endIfDone(st);
  }

  private finish(st: BroadcastState): void {
    st.phase = Phase.Ended;
    this.delivery.end(st);
    this.snapshot(st);
  }

  /** Freezes the result (at the end of the broadcast, or of the run if it is still going). */
  snapshot(st: BroadcastState): void {
    if (this.anyPeerLeft) st.liveInformed = this.countLiveInformed(st);
    st.aliveAtEnd = this.ctx.peers.aliveCount;
    st.result = broadcastResult(st);
  }

  private countLiveInformed(st: BroadcastState): number {
    const alive = this.ctx.peers.alive, bits = st.informed;
    const n = Math.min(this.ctx.peers.count, bits.length * 32);
    let live = 0;
    for (let w = 0, words = (n + 31) >>> 5; w < words; w++) {
      let word = bits[w];
      while (word !== 0) {
        const p = (w << 5) + (31 - Math.clz32(word & -word));
        word &= word - 1;
        if (alive[p] === 1) live++;
      }
    }
    return live;
  }

  // ---- rounds ----------------------------------------------------------------------

  /** The r-th round tick: every live peer that acts this round gossips. */
  private tick(st: BroadcastState): void {
    const r = ++st.round;
    const { peers } = this.ctx;
    if (r > st.spec.maxRounds) return this.stopTicking(st);
    st.ensureCapacity(peers.count);
    // Without churn the running count is exact; with it, recount (corrects any drift). A
    // partition's bits of the others' peers may be newer than the tick (bitset-exchange.ts):
    // it keeps the count it was given at the barrier, less the peers down since.
    if (this.anyPeerLeft && this.partition === null) st.liveInformed = this.countLiveInformed(st);
    const gossip = st.protocol.periodic && st.liveInformed < peers.aliveCount;
    let forward = false;
    if (this.deferForwarding) {
      st.nextRound();
      forward = st.forwarderCount > 0 && st.protocol.forwardsOnReceipt;
    }
    if (!gossip && !forward) return this.stopTicking(st);
    const cycle = this.cycle;
    cycle?.phase(0);
    if (forward) this.forwardAll(st, r);
    cycle?.phase(1);
    if (gossip) this.gossip(st, r);
    cycle?.settle(st, r);
    this.ctx.sim.at(st.start + r * st.spec.period, this.kindTick, st.id, CONTROLLER);
  }

  /**
   * The gossip of round r: the protocol's `nextCycle` over the peers' bitset words.
   * "Informed" is as of the start of the round: in the event engine no
   * message lands during a tick, in the cycle engine the round's fresh peers are masked.
   * In a parallel run the threads share out the peers' words in chunks, whoever owns them:
   * each peer draws from its own streams, so who acts for it changes nothing.
   */
  private gossip(st: BroadcastState, r: number): void {
    const words = (this.ctx.peers.count + 31) >>> 5;
    const part = this.partition;
    if (part === null || this.cycle !== null) {
      // A split cycle round: this thread's own peers (their arrivals settle after).
      const own = this.ownWords(words);
      for (let i = 0; i < own.length; i += 2) st.protocol.nextCycle(this.net, st, own[i], own[i + 1], r);
      return;
    }
    for (let w = part.nextChunk(st, words); w >= 0; w = part.nextChunk(st, words)) {
      st.protocol.nextCycle(this.net, st, w, Math.min(words, w + part.chunkWords), r);
    }
  }

  /** Bitset words of the peers this thread acts for in a cycle round, as [first, end) pairs: all, or its partition's. */
  private ownWords(words: number): number[] {
    const part = this.partition;
    return part === null ? [0, words] : part.ownWords(words);
  }

  /** Cycle engine: the peers informed in round r−1 forward now (push `once`, flood). */
  private forwardAll(st: BroadcastState, r: number): void {
    const alive = this.ctx.peers.alive;
    const bits = st.forwarders!;
    const own = this.ownWords(bits.length);
    for (let i = 0; i < own.length; i += 2) {
      for (let w = own[i]; w < own[i + 1]; w++) {
        let word = bits[w];
        while (word !== 0) {
          const p = (w << 5) + (31 - Math.clz32(word & -word));
          word &= word - 1;
          if (alive[p] === 1) st.protocol.forward(this.net, st, p, st.informedBy ? st.informedBy[p] : -1, r);
        }
      }
    }
  }

  private stopTicking(st: BroadcastState): void {
    st.ticking = false;
    this.endIfDone(st);
  }

  // ---- what a message does ---------------------------------------------------------

  /** Arrivals: a rumour reaches `to`; it informs `to` unless `to` is offline or has it. */
  rumourArrives(st: BroadcastState, to: number, from: number, round: number): void {
    const peers = this.ctx.peers;
    // While every peer is alive, skip the (random, cache-missing) read of alive[to].
    if (peers.aliveCount !== peers.count && peers.alive[to] !== 1) st.dropped++;
    else if (st.has(to)) st.duplicates++;
    else this.inform(st, to, from, round);
  }

  /**
   * Arrivals: a pull request. The target answers with the rumour if it has it (in the cycle
   * engine: had it when the round began), else stays silent.
   */
  requestArrives(st: BroadcastState, to: number, from: number, round: number): void {
    if (this.ctx.peers.alive[to] !== 1) st.dropped++;
    else if (st.heldBefore(to)) this.delivery.reply(st, to, from, round);
  }

  /**
   * `peer` gets the rumour now, in `round`, from `from` (-1: none); its protocol then
   * forwards it, or (cycle engine) will in the next round.
   */
  private inform(st: BroadcastState, peer: number, from: number, round: number): void {
    this.record(st, peer, from, round);
    if (this.deferForwarding) st.markFresh(peer, from);
    else st.protocol.received(this.net, st, peer, from, round);
  }

  /** Bookkeeping of a peer getting the rumour (gossip or anti-entropy). */
  private record(st: BroadcastState, peer: number, from: number, round: number): void {
    const now = this.ctx.sim.now;
    st.mark(peer);
    st.reachedEver++;
    if (this.ctx.peers.alive[peer] === 1) st.liveInformed++;
    st.lastRound = round;
    st.lastTime = now;
    if (round > st.maxRound) st.maxRound = round;
    st.timeline.offer(now, st.liveInformed);
    if (st.trace) st.trace.push([peer, now, from < 0 ? null : from]);
    if (this.partition !== null) this.partition.informed(st, peer, from, round);
  }

  // ---- churn -----------------------------------------------------------------------

  /** Anti-entropy (churn `sync`) gives `peer` rumour `id` now; it then gossips as usual. */
  deliver(peer: number, id: number): void {
    const st = this.states[id];
    if (!st || st.phase === Phase.Waiting || st.has(peer)) return;
    st.synced++;
    if (st.phase === Phase.Ended) {
      st.mark(peer);
      st.reachedEver++;
      if (this.ctx.peers.alive[peer] === 1) st.liveInformed++;
      this.partition?.lateCopy(st, peer);
      return;
    }
    this.record(st, peer, -1, st.round);
  }

  private peerDown(peer: number): void {
    this.anyPeerLeft = true;
    for (let i = 0; i < this.started; i++) {
      const st = this.states[i];
      if (st.has(peer)) st.liveInformed--;
    }
  }

  private peerUp(peer: number): void {
    for (let i = 0; i < this.started; i++) {
      const st = this.states[i];
      if (st.has(peer)) st.liveInformed++;
    }
  }
}
