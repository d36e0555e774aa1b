/**
 * Event-driven delivery: every broadcast message crosses the transport (latency, loss)
 * and arrives as an event. Known duplicates may be elided (counted, not scheduled).
 */
import type { InlineMessageType } from '../../network/messages.js';
import type { SimContext } from '../../run/context.js';
import type { Arrivals, Delivery } from './delivery.js';
import type { PhantomEvents } from './phantoms.js';
import type { BroadcastState } from './state.js';

const FIELDS = ['broadcast', 'round'] as const;

export class EventDelivery implements Delivery {
  readonly immediate = false;
  /** A rumour and a pull request carry (broadcast id, round): two fields, in the event itself. */
  private rumourType!: InlineMessageType;
  private requestType!: InlineMessageType;

  constructor(
    private readonly ctx: SimContext,
    private readonly states: readonly BroadcastState[],
    /**
     * Do not schedule the arrival of a rumour known to be a duplicate when it is sent (see
     * EngineOptions.elide); turned off for good once a peer goes down.
     */
    private elide: boolean,
    /** Where the elided arrivals are counted. */
    private readonly phantoms: PhantomEvents,
    /**
     * Parallel run: the peers of this partition. Arrival times in flight are tracked for
     * them only; a copy to another partition is checked for duplicates by its receiver.
     */
    private readonly own: { readonly lo: number; readonly hi: number } = { lo: 0, hi: Infinity },
  ) {}

  install(arrivals: Arrivals): void {
    const transport = this.ctx.transport;
    this.rumourType = transport.message('broadcast/rumour', FIELDS, (to, from, id, round) => {
      const st = this.states[id];
      st.pending--;
      arrivals.rumourArrives(st, to, from, round);
      if (st.pending === 0) arrivals.settled(st);
    });
    this.requestType = transport.message('broadcast/request', FIELDS, (to, from, id, round) => {
      const st = this.states[id];
      st.pending--;
      arrivals.requestArrives(st, to, from, round);
      if (st.pending === 0) arrivals.settled(st);
    });
    this.ctx.peerDown.push(() => { this.elide = false; });
  }

  begin(st: BroadcastState): void {
    if (this.elide) st.trackArrivals(this.ctx.peers.alive.length, this.own.lo, this.own.hi);
  }

  end(st: BroadcastState): void {
    st.earliest = null;
  }

  rumour(st: BroadcastState, from: number, to: number, round: number): void {
    st.messages++;
    const transport = this.ctx.transport;
    if (!this.elide) {
      if (transport.sendMessage(from, to, this.rumourType, st.id, round)) st.pending++;
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
    // The arrival still counts as an event (a phantom one) if it lies within the run; one
    // beyond the end is scheduled as it is never processed (the broadcast has not ended).
    // So results are those of a run without elision, however many duplicates are elided.
    const arrival = this.ctx.sim.now + delay;
    const tracked = to >= this.own.lo && to < this.own.hi;
    const peers = this.ctx.peers;
    if ((peers.aliveCount === peers.count || peers.alive[to] === 1) && arrival <= this.ctx.scenario.duration
      && (st.has(to) || (tracked && arrival > st.earliestArrival(to)))) {
      st.duplicates++;
      // PhantomEvents.add, written out: most messages of a large broadcast take this path,
      // and V8 may leave a call here out of line (it was rare when the function was
      // optimised), boxing \`arrival\` into a fresh heap number on every call: ~200 MB of
      // garbage and ~15% of the time of a 10^6-peer push.
      const phantoms = this.phantoms;
      phantoms.events++;
      if (arrival > phantoms.horizon) phantoms.horizon = arrival;
      return;
    }
    if (tracked) st.earliest![to] = arrival;
    transport.deliver(from, to, this.rumourType.kind, delay, st.id, round);
    st.pending++;
  }

  request(st: BroadcastState, from: number, to: number, round: number): void {
    st.messages++;
    if (this.ctx.transport.sendMessage(from, to, this.requestType, st.id, round)) st.pending++;
    else st.lost++;
  }

  /** An answer is sent at the answering peer's event: a rumour like any (its draws, its stream). */
  reply(st: BroadcastState, from: number, to: number, round: number): void {
    this.rumour(st, from, to, round);
  }
}
