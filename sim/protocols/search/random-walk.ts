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
    const e = slot.addEntry(origin, -1, 0);
    slot.seen.set(origin, e);
    const g = this.rt.ctx.overlay;
    const d = g.degree(origin);
    if (d === 0) return;
    const streams = this.rt.streams;
    for (let w = 0; w < this.walkers; w++) {
      this.rt.sendQuery(slot, origin, g.neighbor(origin, streams.int(origin, d)), e);
    }
  }

  onQuery(slot: QuerySlot, peer: number, _from: number, entry: number): void {
    const rt = this.rt;
    const hops = slot.trailHops[entry] + 1;
    const e = slot.addEntry(peer, entry, hops);
    // `seen` keeps each peer's first visit: the way answers go back.
    const firstVisit = slot.seen.add(peer, e);
    if (rt.data.holds(peer, slot.item)) {
      // A holder answers once per query; the walker ends here either way.
      if (firstVisit) rt.hit(slot, e);
      return;
    }
    if (hops >= this.ttl) return;
    if (hops % this.checkEvery === 0) {
      rt.sendControl(slot, peer, slot.origin, CONTROL_CHECK, e);
      return;
    }
    this.step(slot, peer, e);
  }

  onControl(slot: QuerySlot, peer: number, _from: number, code: number, entry: number): void {
    if (code === CONTROL_CHECK) {
      // At the origin: satisfied once an answer has come back.
      const reply = slot.answers > 0 ? CONTROL_STOP : CONTROL_CONTINUE;
      this.rt.sendControl(slot, peer, slot.trailPeer[entry], reply, entry);
    } else if (code === CONTROL_CONTINUE) {
      this.step(slot, peer, entry);
    }
  }

  /** Moves the walker standing at `peer` (trail entry `entry`) one hop on. */
  private step(slot: QuerySlot, peer: number, entry: number): void {
    const g = this.rt.ctx.overlay;
    const d = g.degree(peer);
    if (d === 0) return;
    const prevEntry = slot.trailPrev[entry];
    const back = prevEntry >= 0 ? slot.trailPeer[prevEntry] : -1;
    let next: number;
    if (d === 1) {
      next = g.neighbor(peer, 0);
    } else {
      // Uniform over the neighbours other than `back` (links are simple: it appears at most once).
      const j = this.rt.streams.int(peer, back >= 0 && g.contains(peer, back) ? d - 1 : d);
      next = g.neighbor(peer, j);
      if (next === back) next = g.neighbor(peer, d - 1);
    }
    this.rt.sendQuery(slot, peer, next, entry);
  }

  onQuiet(_slot: QuerySlot): boolean {
    return true;
  }
}
