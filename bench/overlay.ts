/**
 * Benchmark: time and memory to build a 10^6-peer random-regular overlay of degree 8
 * (issue 3 targets: under 1 s, under 64 bytes of overlay memory a peer).
 * Usage: node dist/bench/overlay.js [peers=1000000] [degree=8] [seed=1]
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { NamedStream } from '../sim/engine/random.js';
import { randomRegular } from '../sim/overlay/generators/random-regular.js';
import { emit, measure, peakRss } from './row.js';

const peers = Number(process.argv[2] ?? 1_000_000);
const degree = Number(process.argv[3] ?? 8);
const seed = Number(process.argv[4] ?? 1);

// A handle on the garbage collector, to tell the overlay's memory from the builder's
// garbage (the n·k stub array) in the RSS figures.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

gc();
const rssBefore = process.memoryUsage().rss;
const cpuStart = process.cpuUsage();
let graph!: ReturnType<typeof randomRegular>;
const { wallSeconds } = measure(() => { graph = randomRegular(peers, { degree }, new NamedStream(seed, 'overlay')); });
const cpu = process.cpuUsage(cpuStart);
const rssAfter = process.memoryUsage().rss;
gc();
const rssAfterGc = process.memoryUsage().rss;

emit({
  workload: `overlay: random-regular, ${peers} peers of degree ${degree}`,
  peers,
  wallSeconds,
  events: null,
  eventsPerSecond: null,
  peakRssBytes: peakRss(),
  // The overlay's own arrays (offset, deg, cap, adj) per peer.
  bytesPerPeer: graph.bytes / peers,
  extra: {
    degree,
    // CPU time of the build: close to wallSeconds on an idle machine, and less sensitive
    // than wall time to other processes sharing the cores.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    links: graph.edges,
    overlayBytes: graph.bytes,
    // RSS growth across the build, per peer: right after it (the overlay plus the
    // 4·k-byte-a-peer stub array not yet collected), and after a full GC.
    rssGrowthPerPeer: (rssAfter - rssBefore) / peers,
    rssGrowthPerPeerAfterGc: (rssAfterGc - rssBefore) / peers,
    node: process.version,
  },
});
