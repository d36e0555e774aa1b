/**
 * The benchmark workloads `npm run bench` runs, each in its own process (so peak RSS is
 * that workload's own). Each file prints one JSON line per workload (see bench/row.ts).
 */
export interface Workload {
  name: string;
  /** Compiled file under dist/bench/, e.g. 'queue.js'. */
  file: string;
  args?: string[];
  /** The issue that asked for it. */
  issue: number;
}

export const workloads: Workload[] = [
  { name: 'event queue, hold model (10^6 pending, 2·10^7 pop+push), median of 3 runs', file: 'queue.js', issue: 3 },
  { name: 'overlay: build a 10^6-peer random-regular overlay of degree 8', file: 'overlay.js', args: ['1000000', '8'], issue: 3 },
  { name: 'capacity: p2p, 100 MB in 256 KiB chunks to 10^4 peers', file: 'capacity.js', issue: 7 },
  { name: 'search: 10^4 floods (TTL 7) over 10^5 peers', file: 'search.js', args: ['flood'], issue: 5 },
  { name: 'search: 10^4 random walks (32 walkers) over 10^5 peers', file: 'search.js', args: ['random-walk'], issue: 5 },
  { name: 'broadcast: push gossip over 10^5 peers until all informed', file: 'broadcast.js', args: ['push', '100000'], issue: 4 },
  { name: 'broadcast: push gossip over 10^6 peers until all informed', file: 'broadcast.js', args: ['push', '1000000'], issue: 4 },
  { name: 'broadcast: push gossip over 10^6 peers, every arrival simulated', file: 'broadcast.js', args: ['push', '1000000', '--full'], issue: 4 },
  { name: 'broadcast: flood over a 10^6-peer random-regular overlay of degree 8', file: 'broadcast.js', args: ['flood', '1000000'], issue: 4 },
  { name: 'churn: 10^5 peers, Weibull sessions and Cyclon (period 10 s, view 20), one simulated hour', file: 'churn.js', issue: 6 },
  { name: 'churn: replay a session CSV of 10^5 peers and 10^6 sessions (load + whole run)', file: 'trace.js', args: ['100000', '10'], issue: 31 },
  { name: 'cycle engine: push gossip over 10^6 peers until all informed', file: 'broadcast.js', args: ['push', '1000000', '--engine', 'cycle'], issue: 9 },
  { name: 'cycle engine: flood over a 10^6-peer random-regular overlay of degree 8', file: 'broadcast.js', args: ['flood', '1000000', '--engine', 'cycle'], issue: 9 },
  { name: 'scale: push over a 10^7-peer random-regular overlay of degree 8 (event engine)', file: 'scale.js', args: ['10000000', '--engine', 'event'], issue: 9 },
  { name: 'scale: push over a 10^7-peer random-regular overlay of degree 8 (cycle engine)', file: 'scale.js', args: ['10000000', '--engine', 'cycle'], issue: 9 },
  { name: 'structured: Chord ring of 10^6 peers (ideal bootstrap), 10^5 lookups', file: 'structured.js', args: ['chord', '1000000', '100000'], issue: 28 },
  { name: 'structured: Kademlia of 10^6 peers (k = 20, alpha = 3, ideal bootstrap), 10^5 lookups', file: 'structured.js', args: ['kademlia', '1000000', '100000'], issue: 28 },
  // Parallel single run (run --workers N): the simulation alone, then the whole run.
  { name: 'parallel: flood over 10^6 peers (random-regular degree 8), simulation, 1 thread', file: 'parallel.js', args: ['flood', '1000000', '1', '--phase', 'simulation'], issue: 9 },
  { name: 'parallel: flood over 10^6 peers (random-regular degree 8), simulation, 2 threads', file: 'parallel.js', args: ['flood', '1000000', '2', '--phase', 'simulation'], issue: 9 },
  { name: 'parallel: push over 10^6 peers (uniform, fanout 1), simulation, 1 thread', file: 'parallel.js', args: ['push', '1000000', '1', '--phase', 'simulation'], issue: 9 },
  { name: 'parallel: push over 10^6 peers (uniform, fanout 1), simulation, 2 threads', file: 'parallel.js', args: ['push', '1000000', '2', '--phase', 'simulation'], issue: 9 },
  { name: 'parallel: flood over 10^6 peers, whole run, 1 thread', file: 'parallel.js', args: ['flood', '1000000', '1'], issue: 9 },
  { name: 'parallel: flood over 10^6 peers, whole run, 2 threads', file: 'parallel.js', args: ['flood', '1000000', '2'], issue: 9 },
  { name: 'parallel: push over 10^6 peers, whole run, 1 thread', file: 'parallel.js', args: ['push', '1000000', '1'], issue: 9 },
  { name: 'parallel: push over 10^6 peers, whole run, 2 threads', file: 'parallel.js', args: ['push', '1000000', '2'], issue: 9 },
  // Failures split too; with them every message is simulated (no elision).
  { name: 'parallel: push over 10^6 peers after 30% crash, whole run, 1 thread', file: 'parallel.js', args: ['push', '1000000', '1', '--failures', '0.3'], issue: 9 },
  { name: 'parallel: push over 10^6 peers after 30% crash, whole run, 2 threads', file: 'parallel.js', args: ['push', '1000000', '2', '--failures', '0.3'], issue: 9 },
  // Every family on every core (issue 27): whole runs through the run entry point.
  { name: 'parallel: 10^4 TTL-7 search floods over 10^5 peers, whole run, 1 thread', file: 'split-run.js', args: ['search', '1'], issue: 27 },
  { name: 'parallel: 10^4 TTL-7 search floods over 10^5 peers, whole run, 2 threads', file: 'split-run.js', args: ['search', '2'], issue: 27 },
  { name: 'parallel: churn + Cyclon, 10^5 peers, 1 h, whole run, --workers 2 (runs on one thread: not split)', file: 'split-run.js', args: ['churn', '2'], issue: 27 },
  // The browser playground (issue 29): a 10^5-peer push broadcast from the page, in headless chromium.
  { name: 'playground: push gossip over 10^5 peers in headless chromium (click to results, main thread blocks)', file: 'playground.js', args: ['100000', '3'], issue: 29 },
];
