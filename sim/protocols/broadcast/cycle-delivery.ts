/**
 * Cycle-driven delivery (`engine: cycle`): a message arrives in the round it is sent, with
 * no latency and no event of its own. It is still counted, and still lost with probability
 * `network.loss`, drawn from the sender's network stream as in the event engine; but the
 * answer to a pull request draws its loss from the requester's stream, right after the
 * request's, so a peer's stream is drawn in its own turn of the round only (what lets a
 * split round draw it: split/cycle-rounds.ts).
 */
import type { Transport } from '../../network/transport.js';
import type { Arrivals, Delivery } from './delivery.js';
import type { BroadcastState } from './state.js';

export class CycleDelivery implements Delivery {
  readonly immediate = true;
  protected arrivals: Arrivals | null = null;

  constructor(protected readonly transport: Transport) {}

  install(arrivals: Arrivals): void {
    this.arrivals = arrivals;
  }

  begin(st: BroadcastState): void {
    st.startRounds();
  }

  end(st: BroadcastState): void {
    st.endRounds();
  }

  rumour(st: BroadcastState, from: number, to: number, round: number): void {
    st.messages++;
    if (this.transport.sendNow(from)) this.arrivals!.rumourArrives(st, to, from, round);
    else st.lost++;
  }

  request(st: BroadcastState, from: number, to: number, round: number): void {
    st.messages++;
    if (this.transport.sendNow(from)) this.arrivals!.requestArrives(st, to, from, round);
    else st.lost++;
  }

  reply(st: BroadcastState, from: number, to: number, round: number): void {
    st.messages++;
    // The requester `to` draws the answer's loss (see the header).
    if (this.transport.sendNow(to)) this.arrivals!.rumourArrives(st, to, from, round);
    else st.lost++;
  }
}
