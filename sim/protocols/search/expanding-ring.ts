/**
 * Expanding ring (Lv et al., ICS 2002): floods with TTL `ringStart`, then `ringStart +
 * ringStep`, ... (the last ring capped at `ttl`) until an answer has reached the origin.
 * The next ring starts the moment the previous one has died out (no message of the query
 * left in flight) without an answer: the ideal timeout, so that time to hit is not
 * inflated by an arbitrary timer. Every ring is counted: rings re-probe the inner peers.
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

  override launch(slot: QuerySlot): void {
    slot.rings = 1;
    this.startFlood(slot, Math.min(this.ringStart, this.ttl));
  }

  override onQuiet(slot: QuerySlot): boolean {
    if (slot.answers > 0 || slot.ringTtl >= this.ttl) return true;
    slot.rings++;
    this.startFlood(slot, Math.min(slot.ringTtl + this.ringStep, this.ttl));
    return false;
  }
}
