/**
 * Expanding ring (Lv et al., ICS 2002): floods with TTL `ringStart`, then `ringStart +
 * ringStep`, ... (the last ring capped at `ttl`) until an answer has reached the origin.
 * The next ring starts the moment the previous one has died out (no message of the query
 * left in flight) without an answer: the ideal timeout, so that time to hit is not
 * inflated by an arbitrary timer. Every ring is counted: rings re-probe the inner peers.
 * A later ring's messages draw from streams of their own (SearchRuntime.sendRing), so
 * that a split run can send them at the barrier that learns of the quiet.
 */
import { FloodSearch } from './flood.js';
import type { QuerySlot } from './query-slot.js';
import type { SearchRuntime } from './runtime.js';

export class ExpandingRingSearch extends FloodSearch {
  override readonly name = 'expanding-ring' as const;

  constructor(rt: SearchRuntime, ttl: number, private readonly ringStart: number,
    private readonly ringStep: number) {
    super(rt, ttl);
  }

  override prepare(slot: QuerySlot): void {
    slot.rings = 1;
    slot.ringTtl = Math.min(this.ringStart, this.ttl);
  }

  override onQuiet(slot: QuerySlot, answered: boolean, time: number): boolean {
    if (answered || slot.ringTtl >= this.ttl) return true;
    slot.rings++;
    slot.ringTtl = Math.min(slot.ringTtl + this.ringStep, this.ttl);
    const rt = this.rt, origin = slot.origin;
    if (rt.mine(origin)) slot.visit(origin, -1, true);
    const g = rt.ringLinks ?? rt.ctx.overlay;
    const d = g.degree(origin);
    for (let i = 0; i < d; i++) rt.sendRing(slot, g.neighbor(origin, i), time);
    return false;
  }
}
