/**
 * Benchmark: time and memory to build a 10^6-peer random-regular overlay of degree 8
 * (issue 3 targets: under 1 s, under 64 bytes of overlay memory a peer).
 * Usage: node dist/bench/overlay.js [peers=1000000] [degree=8] [seed=1]
 */
import { NamedStream } from '../sim/engine/random.js';
import { randomRegular } from '../sim/overlay/generators/random-regular.js';

const peers = Number(process.argv[2] ?? 1_000_000);
const degree = Number(process.argv[3] ?? 8);
const seed = Number(process.argv[4] ?? 1);

const rssBefore = process.memoryUsage().rss;
const start = process.hrtime.bigint();
const graph = randomRegular(peers, { degree }, new NamedStream(seed, 'overlay'));
const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const rssAfter = process.memoryUsage().rss;

console.log(JSON.stringify({
  workload: `overlay random-regular n=${peers} k=${degree}`,
  peers,
  wallSeconds,
  events: null,
  eventsPerSecond: null,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  bytesPerPeer: graph.bytes / peers,
  extra: {
    degree,
    links: graph.edges,
    overlayBytes: graph.bytes,
    // RSS that stays after the build (the overlay, plus garbage not yet collected).
    rssGrowthPerPeer: (rssAfter - rssBefore) / peers,
    node: process.version,
  },
}));
