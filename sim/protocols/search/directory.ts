/**
 * Directory search in hybrid P2P: the origin asks its super-peer, which answers from its
 * index or else asks the other super-peers one at a time, in an order that starts at a
 * random position of the super-peer list, until one reports a holder. A super-peer asked
 * without a hit replies with a miss (one control message), so a query costs
 * 1 (origin → super-peer) + 2 per super-peer asked + the answer's hops back: a handful of
 * messages for any item some super-peer indexes, and no message between ordinary peers.
 * Super-peers that are down are skipped (the mesh notices broken connections).
 */
import { CONTROL_MISS, type SearchProtocol } from './protocol.js';
import type { QuerySlot } from './query-slot.js';
import type { SearchRuntime } from './runtime.js';
import type { SuperPeerDirectory } from './super-peers.js';

export class DirectorySearch implements SearchProtocol {
  readonly name = 'directory' as const;

  constructor(private readonly rt: SearchRuntime, private readonly directory: SuperPeerDirectory) {}

  launch(slot: QuerySlot): void {
    const origin = slot.origin;
    const e = slot.addEntry(origin, -1, 0);
    slot.seen.set(origin, e);
    const dir = this.directory;
    if (dir.isSuper[origin]) {
      this.atHome(slot, origin, e);
      return;
    }
    const sp = dir.attachedTo[origin];
    if (sp >= 0) this.rt.sendQuery(slot, origin, sp, e);
  }

  onQuery(slot: QuerySlot, peer: number, from: number, entry: number): void {
    const hops = slot.trailHops[entry] + 1;
    const e = slot.addEntry(peer, entry, hops);
    slot.seen.set(peer, e);
    // The origin's own super-peer gets the query from an ordinary origin; any other
    // super-peer is being asked by the origin's super-peer.
    const fromOrigin = slot.trailPrev[entry] < 0 && !this.directory.isSuper[slot.origin];
    if (fromOrigin) {
      this.atHome(slot, peer, e);
    } else if (this.directory.lookup(peer, slot.item, slot.origin) >= 0) {
      this.rt.hit(slot, e);
    } else {
      this.rt.sendControl(slot, peer, from, CONTROL_MISS, entry);
    }
  }

  /** The origin's super-peer `sp` (trail entry `e`) handles the query. */
  private atHome(slot: QuerySlot, sp: number, e: number): void {
    if (this.directory.lookup(sp, slot.item, slot.origin) >= 0) {
      this.rt.hit(slot, e);
      return;
    }
    slot.askFrom = this.rt.streams.int(sp, this.directory.superPeers.length);
    slot.asked = 0;
    this.askNext(slot, sp, e);
  }

  /** Asks the next live super-peer in this query's order; nothing when all were asked. */
  private askNext(slot: QuerySlot, sp: number, e: number): void {
    const list = this.directory.superPeers;
    const alive = this.rt.ctx.peers.alive;
    const s = list.length;
    while (slot.asked < s) {
      const candidate = list[(slot.askFrom + slot.asked) % s];
      slot.asked++;
      if (candidate === sp || !alive[candidate]) continue;
      this.rt.sendQuery(slot, sp, candidate, e);
      return;
    }
  }

  onControl(slot: QuerySlot, peer: number, _from: number, code: number, entry: number): void {
    if (code === CONTROL_MISS) this.askNext(slot, peer, entry);
  }

  onQuiet(_slot: QuerySlot): boolean {
    return true;
  }
}
