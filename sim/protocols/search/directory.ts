/**
 * Directory search in hybrid P2P: the origin asks its super-peer, which answers from its
 * index or else asks the other super-peers one at a time, in an order that starts at a
 * random position of the super-peer list, until one reports a holder. A super-peer asked
 * without a hit replies with a miss (one control message), so a query costs
 * 1 (origin → super-peer) + 2 per super-peer asked + the answer's hops back: a handful of
 * messages for any item some super-peer indexes, and no message between ordinary peers.
 * Super-peers that are down are skipped (the mesh notices broken connections; under churn
 * it knows them from the live snapshot, so one that left since its last rebuild is asked,
 * and the query is lost with the message: super-peers.ts).
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
    slot.visit(origin, -1, true);
    const dir = this.directory;
    if (dir.isSuper[origin]) {
      this.atHome(slot, origin, 0);
      return;
    }
    const sp = dir.attachedTo[origin];
    if (sp >= 0) this.rt.sendQuery(slot, origin, sp, 0);
  }

  onQuery(slot: QuerySlot, peer: number, from: number, fromHops: number): void {
    const hops = fromHops + 1;
    slot.visit(peer, from, true);
    // The origin's own super-peer gets the query from an ordinary origin; any other
    // super-peer is being asked by the origin's super-peer.
    const fromOrigin = from === slot.origin && !this.directory.isSuper[slot.origin];
    if (fromOrigin) {
      this.atHome(slot, peer, hops);
    } else if (this.directory.lookup(peer, slot.item, slot.origin) >= 0) {
      this.rt.hit(slot, peer, hops);
    } else {
      // The miss carries the asking super-peer's own hops, for its next question.
      this.rt.sendControl(slot, peer, from, CONTROL_MISS, -1, fromHops);
    }
  }

  /** The origin's super-peer `sp` (`hops` from the origin: 0 or 1) handles the query. */
  private atHome(slot: QuerySlot, sp: number, hops: number): void {
    if (this.directory.lookup(sp, slot.item, slot.origin) >= 0) {
      this.rt.hit(slot, sp, hops);
      return;
    }
    slot.askFrom = this.rt.streams.int(sp, this.directory.superPeers.length);
    slot.asked = 0;
    this.askNext(slot, sp, hops);
  }

  /** Asks the next live super-peer in this query's order; nothing when all were asked. */
  private askNext(slot: QuerySlot, sp: number, hops: number): void {
    const dir = this.directory, list = dir.superPeers;
    const s = list.length;
    while (slot.asked < s) {
      const candidate = list[(slot.askFrom + slot.asked) % s];
      slot.asked++;
      if (candidate === sp || !dir.superPeerUp(candidate)) continue;
      this.rt.sendQuery(slot, sp, candidate, hops);
      return;
    }
  }

  onControl(slot: QuerySlot, peer: number, _from: number, code: number, _about: number, hops: number): void {
    if (code === CONTROL_MISS) this.askNext(slot, peer, hops);
  }

  onQuiet(): boolean {
    return true;
  }
}
