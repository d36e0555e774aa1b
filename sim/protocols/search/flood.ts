/**
 * Flooding with a TTL (Gnutella): the origin sends the query to all its neighbours; a
 * peer that sees it for the first time answers if it holds the item and, while hops
 * remain, forwards it to all neighbours but the one it came from. Later copies are
 * duplicates and are dropped (as Gnutella drops a query id it has seen), so with
 * variable latency a flood may reach less than the ball of radius `ttl`.
 */
import type { SearchProtocol } from './protocol.js';
import type { QuerySlot } from './query-slot.js';
import type { SearchRuntime } from './runtime.js';

export class FloodSearch implements SearchProtocol {
  readonly name: 'flood' | 'expanding-ring' = 'flood';

  constructor(protected readonly rt: SearchRuntime, protected readonly ttl: number) {}

  launch(slot: QuerySlot): void {
    this.prepare(slot);
    const origin = slot.origin;
    slot.visit(origin, -1, true);
    const g = this.rt.ctx.overlay;
    const d = g.degree(origin);
    for (let i = 0; i < d; i++) this.rt.sendQuery(slot, origin, g.neighbor(origin, i), 0);
  }

  /** The first flood's TTL (a split run's threads that do not own the origin: only this). */
  prepare(slot: QuerySlot): void {
    slot.ringTtl = this.ttl;
  }

  onQuery(slot: QuerySlot, peer: number, from: number, fromHops: number): void {
    // Already processed in this flood: a duplicate.
    if (slot.seenInRing(peer)) return;
    const hops = fromHops + 1;
    slot.visit(peer, from, true);
    const rt = this.rt;
    if (rt.data.holds(peer, slot.item)) rt.hit(slot, peer, hops);
    if (hops >= slot.ringTtl) return;
    const g = rt.ctx.overlay;
    const d = g.degree(peer);
    for (let i = 0; i < d; i++) {
      const q = g.neighbor(peer, i);
      if (q !== from) rt.sendQuery(slot, peer, q, hops);
    }
  }

  onControl(): void {
    // Floods send no control messages.
  }

  onQuiet(_slot: QuerySlot, _answered: boolean, _time: number): boolean {
    return true;
  }
}
