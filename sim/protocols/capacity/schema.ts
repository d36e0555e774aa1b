/** The file-distribution family's scenario keys (`capacity`) and their cross-check. */
import { s, type Infer } from '../../scenario/dsl.js';
import { place, type SchemaFragment } from '../../scenario/fragment.js';
import { MAX_BANDWIDTH, MAX_CHUNKS, MAX_DEGREE, MAX_SIZE, MAX_SLOTS, MIN_BANDWIDTH, MIN_SIZE } from '../../scenario/limits.js';
import { formatSize } from '../../scenario/units.js';
import { grouped } from '../../text/group-digits.js';

export const capacityKeys = {
  capacity: place('scenario', 140, s.optional(s.object({
    mode: s.enumOf(['p2p', 'client-server'], { doc: 'p2p: peers upload chunks to each other; client-server: only the server uploads.', default: 'p2p' }),
    file: s.size({ doc: 'Size of the file to distribute.', default: 100e6, min: MIN_SIZE, max: MAX_SIZE, example: '100MB' }),
    chunk: s.size({ doc: `Chunk size (p2p); at most the file, and file / chunk at most ${grouped(MAX_CHUNKS)} chunks (every peer keeps a bit, or 2 bytes, per chunk).`, default: 262144, min: MIN_SIZE, max: MAX_SIZE, example: '256KiB' }),
    server: s.object({
      upload: s.bandwidth({ doc: 'Server upload bandwidth.', default: 12.5e6, min: MIN_BANDWIDTH, max: MAX_BANDWIDTH, example: '100Mbps' }),
      slots: s.integer({ doc: 'p2p: concurrent chunk uploads of the server, each at an equal share of its upload; 0 = auto: as many as give each server slot the rate of a mean peer\'s slot (server upload × `uploadSlots` / mean peer upload), at most peers × `uploadSlots`.', default: 0, min: 0, max: MAX_SLOTS }),
    }, { doc: 'The seed server.' }),
    peer: s.object({
      upload: s.distribution({ doc: 'Peer upload bandwidth (a constant or a distribution).', unit: 'bandwidth', default: { dist: 'constant', value: 250e3 }, min: 0, max: MAX_BANDWIDTH, example: '2Mbps' }),
      download: s.distribution({ doc: 'Peer download bandwidth (a constant or a distribution).', unit: 'bandwidth', default: { dist: 'constant', value: 1.25e6 }, min: 0, max: MAX_BANDWIDTH, example: '10Mbps' }),
    }, { doc: 'Peer access links.' }),
    neighbours: s.choice(['overlay'], s.integer({ doc: 'Number of random peers each peer gets from the tracker.', min: 1, max: MAX_DEGREE }), {
      doc: 'p2p: whom a peer exchanges chunks with: `overlay` (its overlay neighbours at the start) or a number K: K random peers from the tracker, as in BitTorrent (connections are two-way, so a peer ends up with about 2K neighbours).',
      default: 20, example: 'overlay' }),
    uploadSlots: s.integer({ doc: 'p2p: concurrent chunk uploads of a peer (BitTorrent unchokes 4), each at an equal share of its upload.', default: 4, min: 1, max: MAX_SLOTS }),
    rarity: s.enumOf(['swarm', 'neighbours'], { doc: 'p2p rarest-first: rank chunks by their copies in the whole swarm (fast), or by how many of the receiver\'s neighbours hold them, as BitTorrent does (2 more bytes per peer per chunk, slower).', default: 'swarm' }),
  }, { doc: 'File distribution experiment.' }), { doc: 'Optional file-distribution experiment (client-server vs P2P).' })),
};

/** A scenario's `capacity` section, validated. */
export type CapacitySpec = NonNullable<Infer<typeof capacityKeys.capacity.node>>;

export const capacitySchema: SchemaFragment<typeof capacityKeys> = {
  keys: capacityKeys,
  /** chunk <= file, and at most 2^20 chunks (p2p). */
  check(scenario, { problem }) {
    const capacity = scenario.capacity;
    if (capacity && capacity.chunk > capacity.file) {
      problem(['capacity', 'chunk'], `expected a chunk no larger than capacity.file (${formatSize(capacity.file)}), got ${formatSize(capacity.chunk)}`);
    } else if (capacity && capacity.mode === 'p2p' && Math.ceil(capacity.file / capacity.chunk) > MAX_CHUNKS) {
      problem(['capacity', 'chunk'], `a file of ${formatSize(capacity.file)} in chunks of ${formatSize(capacity.chunk)} makes ${grouped(Math.ceil(capacity.file / capacity.chunk))} chunks, more than the ${grouped(MAX_CHUNKS)} a peer can track: use a chunk of at least ${formatSize(Math.ceil(capacity.file / MAX_CHUNKS))}`);
    }
  },
  highlight: { needs: [{ prefix: 'capacity.', present: (scenario) => scenario.capacity !== null, what: 'a capacity section' }] },
};
