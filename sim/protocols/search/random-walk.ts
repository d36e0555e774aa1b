/**
 * k random walkers (Lv et al., ICS 2002): the origin sends `walkers` walkers, each to a
 * neighbour drawn at random; a walker moves to a random neighbour other than the one it
 * came from (when there is another) for at most `ttl` hops. A walker stops at a holder
 * (which answers along the walker's path). Every `checkEvery` hops the walker's current
 * peer asks the origin whether the query is satisfied and waits for the reply: a stop
 * ends the walker, so walkers die soon after a hit instead of running out their TTL.
 */
import { CONTROL_CHECK, CONTROL_CONTINUE, CONTROL_STOP, type SearchProtocol } from './protocol.js';
import type { QuerySlot } from './query-slot.js';
import type { SearchRuntime } from './runtime.js';

export class RandomWalkSearch implements SearchProtocol {
  readonly name = 'random-walk' as const;

  constructor(
    private readonly rt: SearchRuntime,
    private readonly ttl: number,
    private readonly walkers: number,
    private readonly checkEvery: number,
  ) {}

  launch(slot: QuerySlot): void {
    const origin = slot.origin;
    slot.visit(origin, -1, false);
    const g = this.rt.ctx.overlay;
    const d = g.degree(origin);
    if (d === 0) return;
    const streams = this.rt.streams;
    for (let w = 0; w < this.walkers; w++) {
      this.rt.sendQuery(slot, origin, g.neighbor(origin, streams.int(origin, d)), 0);
    }
  }

  onQuery(slot: QuerySlot, peer: number, from: number, fromHops: number): void {
    const rt = this.rt;
    const hops = fromHops + 1;
    // `seen` keeps each peer's first visit: the way answers go back.
    const firstVisit = slot.visit(peer, from, false);
    if (rt.data.holds(peer, slot.item)) {
      // A holder answers once per query; the walker ends here either way.
      if (firstVisit) rt.hit(slot, peer, hops);
      return;
    }
    if (hops >= this.ttl) return;
    if (hops % this.checkEvery === 0) {
      // The check carries where the walker came from, for its next step.
      rt.sendControl(slot, peer, slot.origin, CONTROL_CHECK, from, hops);
      return;
    }
    this.step(slot, peer, from, hops);
  }

  onControl(slot: QuerySlot, peer: number, from: number, code: number, back: number, hops: number): void {
    if (code === CONTROL_CHECK) {
      // At the origin: satisfied once an answer has come back.
      const reply = slot.answers > 0 ? CONTROL_STOP : CONTROL_CONTINUE;
      this.rt.sendControl(slot, peer, from, reply, back, hops);
    } else if (code === CONTROL_CONTINUE) {
      this.step(slot, peer, back, hops);
    }
  }

  /** Moves the walker standing at `peer`, `hops` from the origin, come from `back` (−1: none), one hop on. */
  private step(slot: QuerySlot, peer: number, back: number, hops: number): void {
    const g = this.rt.ctx.overlay;
    const d = g.degree(peer);
    if (d === 0) return;
    let next: number;
    if (d === 1) {
      next = g.neighbor(peer, 0);
    } else {
      // Uniform over the neighbours other than `back` (links are simple: it appears at most once).
      const j = this.rt.streams.int(peer, back >= 0 && g.contains(peer, back) ? d - 1 : d);
      next = g.neighbor(peer, j);
      if (next === back) next = g.neighbor(peer, d - 1);
    }
    this.rt.sendQuery(slot, peer, next, hops);
  }

  onQuiet(): boolean {
    return true;
  }
}
