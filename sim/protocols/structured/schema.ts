/** The structured family's scenario keys (`structured`: a Chord ring or a Kademlia network) and their cross-checks. */
import { s, type Infer } from '../../scenario/dsl.js';
import { place, type SchemaFragment } from '../../scenario/fragment.js';
import { twoTo } from '../../math/two-to.js';
import { IdSpace } from './ids.js';
import { STEP_BOUNDS, TIME_BOUNDS } from '../../scenario/limits.js';

/** IDs are exact integers in doubles (2^53), and XOR splits them into a high and a 32-bit low word. */
export const MAX_ID_BITS = 52;

export const structuredKeys = {
  structured: place('scenario', 135, s.optional(s.object({
    protocol: s.enumOf(['chord', 'kademlia'], {
      doc: '`chord`: a ring with fingers and successor lists (Stoica et al. 2001); `kademlia`: XOR distance and k-buckets (Maymounkov & Mazières 2002).',
      default: 'chord' }),
    bits: s.integer({ doc: `ID length in bits (at most ${MAX_ID_BITS}: IDs are exact integers in doubles). The papers use 160-bit SHA-1 IDs; past log2 N plus a few bits the length changes only the chance of two peers drawing one ID and the message sizes.`, default: 48, min: 8, max: MAX_ID_BITS }),
    bootstrap: s.enumOf(['join', 'ideal'], {
      doc: '`join`: the initial peers join one at a time through a bootstrap peer during `joinWindow` and the protocol builds its tables itself; `ideal`: start from a stable ring or full buckets built from global knowledge (experiments that want it; later joins still go through a bootstrap peer).',
      default: 'join' }),
    joinWindow: s.duration({ doc: '`bootstrap: join`: the initial peers join at uniformly random times in [0, joinWindow) (the first peer founds the network at 0).', default: 10, ...TIME_BOUNDS }),
    timeout: s.duration({ doc: 'How long a peer waits for a reply before it counts the contact as dead and routes around it. Keep it well above twice the network latency.', default: 1, ...STEP_BOUNDS }),
    republish: s.duration({ doc: 'Every holder of an item publishes its pointer again this often: a lookup for the key, then a store on the peers responsible for it (BitTorrent\'s DHT announces every 15 to 30 min; Kademlia\'s publishers every 24 h, its storers every 1 h). Default 30 min. 0: never (pointers stay where they were first stored).', default: 1800, ...TIME_BOUNDS }),
    expiry: s.duration({ doc: 'How long a stored pointer lives unless its holder republishes it: a holder that left drops out of the index after this. Default 1 h, two republish periods, so that one lost republish does not drop a live holder. 0: pointers never expire.', default: 3600, ...TIME_BOUNDS }),
    chord: s.object({
      lookup: s.enumOf(['iterative', 'recursive'], {
        doc: '`iterative`: the origin asks each node on the path in turn; `recursive`: each node forwards the lookup to the next (hop-by-hop acknowledged) and the owner answers the origin.',
        default: 'iterative' }),
      successors: s.integer({ doc: 'Successor-list length r (OverSim default 8; the paper\'s robustness theorem takes 2·log2 N). The key\'s owner and its next r − 1 successors store the item\'s pointers.', default: 8, min: 1, max: 64 }),
      stabilize: s.duration({ doc: 'Period of stabilise (ask the successor for its predecessor and successor list, notify it) and of the predecessor check (OverSim default 20 s). 0: never (only with `bootstrap: ideal`).', default: 20, ...TIME_BOUNDS }),
      fixFingers: s.duration({ doc: 'Period at which a peer refreshes its fingers, each by a lookup (OverSim default 120 s). 0: never.', default: 120, ...TIME_BOUNDS }),
    }, { doc: 'Chord\'s parameters (used when protocol is chord).' }),
    kademlia: s.object({
      k: s.integer({ doc: 'Bucket size and replication parameter: contacts per bucket, peers a lookup returns and peers that store an item\'s pointers (paper default 20).', default: 20, min: 1, max: 64 }),
      alpha: s.integer({ doc: 'Parallel requests a lookup keeps in flight (paper default 3).', default: 3, min: 1, max: 16 }),
      refresh: s.duration({ doc: 'Bucket refresh period: each peer looks up a random ID in each of its buckets (paper default 1 h). 0: never.', default: 3600, ...TIME_BOUNDS }),
    }, { doc: 'Kademlia\'s parameters (used when protocol is kademlia).' }),
  }, { doc: 'A structured overlay (DHT) beside the unstructured one: an index from each item\'s key to the peers holding it.' }),
  { doc: 'Optional structured P2P: a Chord ring or a Kademlia network that `workload.searches` with `protocol: dht` look items up in.' })),
};

/** A scenario's `structured` section, validated. */
export type StructuredSpec = NonNullable<Infer<typeof structuredKeys.structured.node>>;

export const structuredSchema: SchemaFragment<typeof structuredKeys> = {
  keys: structuredKeys,
  /**
   * A `dht` search needs a structured section; `bootstrap: join` with Chord needs
   * stabilisation; pointers must outlive a republish period; IDs must outnumber the peers well (2^bits >= 64 × peers.count).
   */
  check(scenario, { problem }) {
    const st = scenario.structured;
    scenario.workload.searches.forEach((q, i) => {
      if (q.protocol === 'dht' && st === null) {
        problem(['workload', 'searches', i, 'protocol'], "a 'dht' search needs a structured overlay: add a structured section, e.g. structured: { protocol: chord }");
      }
    });
    if (!st) return;
    if (st.protocol === 'chord' && st.chord.stabilize === 0 && (st.bootstrap === 'join' || scenario.churn !== null)) {
      problem(['structured', 'chord', 'stabilize'], 'a ring that peers join needs stabilisation: give a period (e.g. 20s), or use bootstrap: ideal without churn');
    }
    if (st.republish > 0 && st.expiry > 0 && st.expiry <= st.republish) {
      problem(['structured', 'expiry'], `pointers that expire (${st.expiry} s) before their holders republish them (every ${st.republish} s) vanish between republishes: give an expiry longer than republish (e.g. twice it), or 0 for never`);
    }
    if (twoTo(st.bits) < 64 * scenario.peers.count) {
      problem(['structured', 'bits'], `${st.bits}-bit IDs are too few for ${scenario.peers.count} peers: expected 2^bits at least 64 × peers.count (at least ${IdSpace.bitLength(64 * scenario.peers.count - 1)} bits)`);
    }
  },
  highlight: { needs: [{ prefix: 'structured.', present: (scenario) => scenario.structured !== null, what: 'a structured section' }] },
};
