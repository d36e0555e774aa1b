/**
 * The broadcast engine shared by push, pull, push-pull and flood: starts each broadcast,
 * runs its round ticks (one controller event per broadcast per round, which walks the
 * peers that act), delivers its messages, and notices when it has ended.
 *
 * Rounds: the origin holds the rumour in round 0, at `start`. The r-th tick (r = 1, 2, ...)
 * happens at start + (r−1)·period; the messages sent at it inform in round r. A tick that
 * finds every live peer informed, or r > maxRounds, sends nothing and schedules no more
 * ticks. A broadcast ends when no tick is left and none of its messages is in flight.
 * For push `once` and flood, the round of a peer is its hop count from the origin, and
 * maxRounds limits it (a peer informed at hop maxRounds does not forward).
 */
import { CONTROLLER } from '../../engine/simulator.js';
import type { PeerStreams } from '../../engine/random.js';
import type { SimContext } from '../../run/context.js';
import { isPeriodic } from './behaviour.js';
import { broadcastResult } from './result.js';
import { BroadcastState, Phase } from './state.js';
import { TargetPicker } from './targets.js';

export interface EngineOptions {
  /**
   * Do not schedule the arrival of a rumour that is known to be a duplicate when it is
   * sent: its target holds the rumour already, or an earlier-arriving copy is in flight
   * to it. Such a message is counted (message and duplicate) at once, with the same
   * latency and loss draws. Exact when no peer can go offline (the results are identical,
   * only `engine.events` is smaller), and it saves most events and queue memory. Default:
   * on when the scenario has no churn and no failures; off for good once a peer goes down.
   */
  elide?: boolean;
  /** Record who informed whom when (default: when the run has at most 500 peers). */
  trace?: boolean;
}

/** Runs with at most this many peers record a trace by default (for the animation). */
export const TRACE_MAX_PEERS = 500;

export class BroadcastEngine {
  /** Number of broadcasts started so far: ids 0..started-1 (ids follow start order). */
  started = 0;
  private elide: boolean;
  private readonly trace: boolean;
  private anyPeerLeft = false;
  private readonly picker: TargetPicker;
  private readonly streams: PeerStreams;
  private kindStart = -1;
  private kindTick = -1;
  private kindRumour = -1;
  private kindRequest = -1;

  constructor(
    private readonly ctx: SimContext,
    /** The broadcasts, sorted by start time (index = id). */
    readonly states: BroadcastState[],
    options: EngineOptions = {},
  ) {
    const scenario = ctx.scenario;
    this.elide = options.elide ?? (scenario.churn === null && scenario.failures.length === 0);
    this.trace = options.trace ?? ctx.peers.count <= TRACE_MAX_PEERS;
    this.streams = ctx.peerStreams('broadcast');
    this.picker = new TargetPicker(ctx.peers, ctx.overlay, this.streams);
  }

  /** Registers the event kinds and listeners and schedules every start. */
  install(): void {
    const sim = this.ctx.sim;
    this.kindStart = sim.registerKind('broadcast/start', (id) => this.begin(this.states[id]));
    this.kindTick = sim.registerKind('broadcast/tick', (id) => this.tick(this.states[id]));
    this.kindRumour = sim.registerKind('broadcast/rumour', (to, from, id, round) => this.onRumour(to, from, id, round));
    this.kindRequest = sim.registerKind('broadcast/request', (to, from, id, round) => this.onRequest(to, from, id, round));
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
    if (this.elide) st.trackArrivals(peers.alive.length);
    if (this.trace) st.trace = [];
    const origin = st.spec.origin === 'random' ? this.randomLivePeer(st.id) : st.spec.origin;
    st.origin = origin;
    if (origin >= 0 && origin < peers.count && peers.alive[origin] === 1) {
      this.inform(st, origin, -1, 0);
      if (isPeriodic(st.behaviour)) {
        st.ticking = true;
        this.tick(st);
      }
    }
    this.endIfDone(st);
  }

  /** A uniformly chosen live peer (the stream 'broadcast/<id>'), or -1 when none is alive. */
  private randomLivePeer(id: number): number {
    const { peers } = this.ctx;
    if (peers.aliveCount === 0) return -1;
    const rng = this.ctx.namedStream(`broadcast/${id}`);
    for (;;) {
      const p = rng.int(peers.count);
      if (peers.alive[p] === 1) return p;
    }
  }

  private endIfDone(st: BroadcastState): void {
    if (st.phase === Phase.Running && !st.ticking && st.pending === 0) this.finish(st);
  }

  private finish(st: BroadcastState): void {
    st.phase = Phase.Ended;
    st.earliest = null;
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
    const spec = st.spec;
    if (r > spec.maxRounds) return this.stopTicking(st);
    st.ensureCapacity(peers.count);
    // Exact count at each tick (cheap next to the sends): it also corrects any drift of
    // the running count under churn.
    st.liveInformed = this.countLiveInformed(st);
    if (st.liveInformed >= peers.aliveCount) return this.stopTicking(st);

    const { pushEachRound, pullEachRound } = st.behaviour;
    const alive = peers.alive, bits = st.informed, n = peers.count;
    const fanout = spec.fanout;
    const uniform = spec.targets === 'uniform';
    const picker = this.picker;
    const words = (n + 31) >>> 5;
    for (let w = 0; w < words; w++) {
      const held = bits[w];
      let acting = (pushEachRound ? held : 0) | (pullEachRound ? ~held : 0);
      if (w === words - 1 && (n & 31) !== 0) acting &= (1 << (n & 31)) - 1;
      while (acting !== 0) {
        const p = (w << 5) + (31 - Math.clz32(acting & -acting));
        acting &= acting - 1;
        if (alive[p] !== 1) continue;
        const k = uniform ? picker.uniform(p, fanout) : picker.neighbours(p, fanout);
        const out = picker.out;
        if ((held >>> (p & 31)) & 1) {
          for (let j = 0; j < k; j++) this.sendRumour(st, p, out[j], r);
        } else {
          for (let j = 0; j < k; j++) this.sendRequest(st, p, out[j], r);
        }
      }
    }
    this.ctx.sim.at(st.start + r * spec.period, this.kindTick, st.id, CONTROLLER);
  }

  private stopTicking(st: BroadcastState): void {
    st.ticking = false;
    this.endIfDone(st);
  }

  // ---- messages --------------------------------------------------------------------

  private sendRumour(st: BroadcastState, from: number, to: number, round: number): void {
    st.messages++;
    const transport = this.ctx.transport;
    if (!this.elide) {
      if (transport.send(from, to, this.kindRumour, st.id, round)) st.pending++;
      else st.lost++;
      return;
    }
    const delay = transport.draw(from);
    if (delay < 0) {
      st.lost++;
      return;
    }
    // Known duplicates: the live target holds the rumour already, or an earlier copy is on
    // its way (no peer goes offline, so it will hold it before this one lands). A message
    // to an offline peer still travels, to be dropped on arrival.
    const arrival = this.ctx.sim.now + delay;
    if (this.ctx.peers.alive[to] === 1 && (st.has(to) || arrival > st.earliestArrival(to))) {
      st.duplicates++;
      return;
    }
    st.earliest![to] = arrival;
    transport.deliver(from, to, this.kindRumour, delay, st.id, round);
    st.pending++;
  }

  private sendRequest(st: BroadcastState, from: number, to: number, round: number): void {
    st.messages++;
    if (this.ctx.transport.send(from, to, this.kindRequest, st.id, round)) st.pending++;
    else st.lost++;
  }

  private onRumour(to: number, from: number, id: number, round: number): void {
    const st = this.states[id];
    st.pending--;
    if (this.ctx.peers.alive[to] !== 1) st.dropped++;
    else if (st.has(to)) st.duplicates++;
    else this.inform(st, to, from, round);
    if (st.pending === 0) this.endIfDone(st);
  }

  /** A pull request: the target answers with the rumour if it has it, else stays silent. */
  private onRequest(to: number, from: number, id: number, round: number): void {
    const st = this.states[id];
    st.pending--;
    if (this.ctx.peers.alive[to] !== 1) st.dropped++;
    else if (st.has(to)) this.sendRumour(st, to, from, round);
    if (st.pending === 0) this.endIfDone(st);
  }

  /** `peer` gets the rumour now, in `round`, from `from` (-1: none); then forwards. */
  private inform(st: BroadcastState, peer: number, from: number, round: number): void {
    this.record(st, peer, from, round);
    const b = st.behaviour;
    if (b.floodOnReceipt) {
      if (round >= st.spec.maxRounds) return;
      const g = this.ctx.overlay;
      if (peer >= g.size) return;
      const o = g.offset[peer], d = g.deg[peer];
      for (let i = 0; i < d; i++) {
        const q = g.adj[o + i];
        if (q !== from) this.sendRumour(st, peer, q, round + 1);
      }
    } else if (b.pushOnReceipt) {
      // push `once` counts hops; in push-pull `once` a push counts in the round in progress.
      const label = isPeriodic(b) ? Math.max(1, st.round) : round + 1;
      if (label > st.spec.maxRounds) return;
      const k = st.spec.targets === 'uniform' ? this.picker.uniform(peer, st.spec.fanout) : this.picker.neighbours(peer, st.spec.fanout);
      const out = this.picker.out;
      for (let j = 0; j < k; j++) this.sendRumour(st, peer, out[j], label);
    }
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
      return;
    }
    this.record(st, peer, -1, st.round);
  }

  private peerDown(peer: number): void {
    this.anyPeerLeft = true;
    this.elide = false;
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
