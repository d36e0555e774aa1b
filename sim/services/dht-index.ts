/**
 * The structured family's index as it offers it to the search family (`workload.searches`
 * with `protocol: dht`): a named service, so search depends on this interface only.
 */
import type { DataPlacement } from '../data/placement.js';
import { serviceKey } from '../run/services.js';

export interface DhtOutcomeForSearch {
  success: boolean;
  /** Nodes on the path from the origin to the peer that returned the record (−1: failed). */
  hops: number;
  latency: number;
  /** Messages of the lookup: those it sent (lost ones included) and the replies that reached it while it waited. */
  messages: number;
  /** The peers that answered, in order. */
  path: number[];
}

export interface DhtIndex {
  /** Publishes `data`'s items in the index (the search family places the data, then calls this once). */
  publish(data: DataPlacement): void;
  /** Looks up `item`'s record from `origin`; `done` is called once, later or at once. */
  lookup(origin: number, item: number, done: (outcome: DhtOutcomeForSearch) => void): void;
}

/** Provided by the structured component when a scenario has a `structured` section. */
export const DHT_INDEX = serviceKey<DhtIndex>('dht-index');
