/** The structured family's section of the results file: its lookups, routing state and upkeep. */

export interface LookupSummary {
  /** Lookups started by `dht` searches (a search whose origin holds the item starts none). */
  count: number;
  /** Lookups that reached a live peer returning a record with a live holder. */
  successRate: number | null;
  /**
   * Over successful lookups: the nodes on the path from the origin to the peer that returned
   * the record, that peer included and the origin not (each was named by the one before it);
   * 0 when the origin stores the record itself.
   */
  meanHops: number | null;
  /** Successful lookups by hops: element h counts those with h hops. */
  hopsHistogram: number[];
  /**
   * Chord, successful lookups whose origin does not store the record: the nodes passed to
   * reach the node that named the owner (the key's predecessor on a stable ring), origin not
   * counted: the paper's path length, ½·log2 N on a stable ring. Null for Kademlia.
   */
  meanPathLength: number | null;
  /** Kademlia: mean of the deepest node each lookup reached (its rounds of requests). Null for Chord. */
  meanRounds: number | null;
  /** Seconds from a lookup's start to its end, over successful lookups: mean, median, 95th percentile. */
  meanLatency: number | null;
  medianLatency: number | null;
  p95Latency: number | null;
  /** Every message of a lookup (requests and forwarded lookups it sent, lost ones included; replies and acknowledgements that reached it while it waited), and their modelled bytes. */
  messagesPerLookup: number | null;
  bytesPerLookup: number | null;
  /** Requests of a lookup that timed out (dead or unreachable contacts routed around). */
  timeoutsPerLookup: number | null;
  /** Lookups still running when the run ended. */
  unfinished: number;
}

export interface StructuredResults {
  protocol: 'chord' | 'kademlia';
  bootstrap: 'join' | 'ideal';
  bits: number;
  /** Chord: iterative or recursive; Kademlia: iterative. */
  lookupMode: 'iterative' | 'recursive';
  lookups: LookupSummary;
  /** Routing state of the live peers that have joined, at the end of the run. */
  routingState: {
    peers: number;
    /** Chord: distinct fingers (the successor included); Kademlia: contacts in all buckets. */
    meanEntries: number | null;
    minEntries: number | null;
    maxEntries: number | null;
    /** Chord: successor-list entries; null for Kademlia. */
    meanSuccessors: number | null;
    /** Records (pointer lists) stored, per peer. */
    meanRecords: number | null;
    /** Bytes of the protocol's per-peer arrays and IDs, per peer slot. */
    bytesPerPeer: number;
  };
  /** Upkeep traffic: joins, stabilise / notify / predecessor checks, finger and refresh lookups. */
  maintenance: {
    messages: number;
    bytes: number;
    /** Live peer-seconds the traffic is spread over (sampled at metrics.sample). */
    peerSeconds: number;
    messagesPerPeerPerSecond: number | null;
    bytesPerPeerPerSecond: number | null;
  };
  /** Requests that timed out, lookups and upkeep together. */
  timeouts: number;
  /** Per message type: its name, its modelled size and the traffic of each class. */
  messages: Array<{ type: string; size: string; lookupMessages: number; lookupBytes: number; maintenanceMessages: number; maintenanceBytes: number }>;
  /** Small networks (at most 500 peers): the ring view's data (positions are ID / 2^bits). */
  ring: {
    positions: number[];
    /** One successful lookup: its origin, key position, the peers that answered in order, and the peer that returned the record. */
    lookup: { origin: number; key: number; path: number[]; owner: number } | null;
  } | null;
}

export interface StructuredSections {
  structured: StructuredResults;
}

declare module '../../run/results.js' {
  interface FamilyResults extends Partial<StructuredSections> {}
}
