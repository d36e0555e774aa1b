/**
 * Capacity benchmark (issue 7 §7): P2P distribution of a 100 MB file in 256 KiB chunks
 * (382 chunks) to 10,000 peers, server 100 Mbps, peers 2 Mbps up / 10 Mbps down, tracker
 * swarm of 20 peers each, 4 upload slots. Every chunk transfer is one engine event.
 * `node dist/bench/capacity.js [peers=10000] [file=100MB] [chunk=256KiB] [seed=1] [rarity=swarm]`.
 * wallSeconds is the distribution (component start to the last event): drawing the links
 * and building the swarm are included, no overlay is built. bytesPerPeer = (peak RSS −
 * RSS before any peer existed) / peers.
 */
import { Graph } from '../sim/overlay/graph.js';
import { CapacityComponent } from '../sim/protocols/capacity/component.js';
import type { P2PDistribution } from '../sim/protocols/capacity/p2p.js';
import { createContext } from '../sim/run/create-context.js';
import { validate } from '../sim/scenario/validate.js';
import { emit, measure, workloadRow } from './row.js';

const n = Number(process.argv[2] ?? 10_000);
const file = process.argv[3] ?? '100MB';
const chunk = process.argv[4] ?? '256KiB';
const seed = Number(process.argv[5] ?? 1);
const rarity = process.argv[6] === 'neighbours' ? 'neighbours' : 'swarm';

const baselineRss = process.memoryUsage().rss;
const scenario = validate({
  name: 'bench capacity',
  seed,
  duration: '30d',
  peers: { count: n },
  overlay: { degree: 0 },
  capacity: {
    mode: 'p2p', file, chunk, server: { upload: '100Mbps' },
    peer: { upload: '2Mbps', download: '10Mbps' }, neighbours: 20, uploadSlots: 4, rarity,
  },
});

const ctx = createContext(scenario, new Graph(n, 0));
const { sim, peers } = ctx;
const component = new CapacityComponent();

const { wallSeconds } = measure(() => {
  component.start(ctx);
  sim.run(Infinity);
});
const r = component.summarize(sim.now);

emit({
  ...workloadRow(`capacity p2p ${file} in ${chunk} chunks${rarity === 'neighbours' ? ', neighbour rarity' : ''}`, n, wallSeconds, sim.events, baselineRss),
  extra: {
    chunks: r.chunks,
    rarity,
    // the distribution's own arrays (bitsets, slots), without the ledger and the event queue
    stateBytesPerPeer: (component.distribution as P2PDistribution).bytes / n,
    ledgerBytesPerPeer: 80,
    chunkTransfers: r.chunkTransfers,
    chunkTransfersPerSecond: Math.round(r.chunkTransfers / wallSeconds),
    distributionTime: r.distributionTime,
    lowerBound: r.lowerBound,
    boundRatio: r.distributionTime !== null && r.lowerBound !== null ? r.distributionTime / r.lowerBound : null,
    serverUtilisation: r.serverUtilisation,
    peerUtilisation: r.peerUtilisation,
    node: process.version,
  },
});
