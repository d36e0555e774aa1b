/**
 * Searches through the structured overlay (`protocol: dht`): each query is one lookup of the
 * item's key in the DHT index (sim/services/dht-index.ts, offered by the structured
 * family), run with that family's messages; the query ends with the lookup. All its
 * messages (requests, replies, acknowledgements) count as query messages; the peers that
 * answered are the peers probed. The lookup lives at its origin, so in a split run the
 * query's events are all in the origin's thread.
 */
import type { DhtIndex } from '../../services/dht-index.js';
import type { SearchProtocol } from './protocol.js';
import type { QuerySlot } from './query-slot.js';

export class DhtSearch implements SearchProtocol {
  readonly name = 'dht' as const;

  /** `settle`: the lookup has ended (`seen`, `hit`: the slot's peers seen and whether it had a hit, before). */
  constructor(private readonly index: DhtIndex, private readonly settle: (slot: QuerySlot, seen: number, hit: boolean) => void) {}

  launch(slot: QuerySlot): void {
    // The lookup holds the slot open as one message in flight would.
    slot.inFlight++;
    slot.visit(slot.origin, -1, true);
    this.index.lookup(slot.origin, slot.item, (o) => {
      const seen = slot.seen.size, hit = slot.probesToHit >= 0;
      slot.queryMessages += o.messages;
      for (const p of o.path) slot.visit(p, slot.origin, false);
      if (o.success) {
        slot.answers = 1;
        slot.hopsToHit = o.hops;
        slot.timeToHit = o.latency;
        slot.probesToHit = slot.peersProbed;
      }
      slot.inFlight--;
      this.settle(slot, seen, hit);
    });
  }
  onQuery(): void {}

  onControl(): void {}

  onQuiet(): boolean {
    return true;
  }
}
