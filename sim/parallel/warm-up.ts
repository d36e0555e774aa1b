/**
 * Warming the workers up before a large split run. Each worker is a fresh V8 isolate that
 * compiles the hot code of its partition for itself, on V8's background threads, once that
 * code has run for a while. Without a warm-up those compiles fall inside the simulation, on
 * the cores the workers need (a 10^6-peer flood on two cores: ~0.3 s of compiling, against
 * ~0.08 s after a warm-up), and the code runs unoptimised meanwhile, each held-up partition
 * holding up the others at the next barrier. So each worker first runs the same scenario
 * over a small overlay (WARM_UP_PEERS), twice: V8 compiles the first run's code for that
 * run's own closures (each run makes new ones), and throws it away when the next run's show
 * up; the second run's code is compiled for any. The workers do this as soon as they have
 * loaded, while the main thread draws the real overlay's pairing; what they compute is
 * thrown away. The runs share no state with the real one, only V8's compiled code.
 */
import { buildOverlay } from '../overlay/build.js';
import type { Graph } from '../overlay/graph.js';
import { makeStreamFactories } from '../run/context.js';
import type { Scenario } from '../scenario/schema.js';
import type { ParallelPlan } from './eligibility.js';
import { MIN_PEERS_PER_PARTITION } from './partition.js';
import { sharedInput } from './shared-input.js';
import type { SharedInput } from './workers.js';

/** Runs of fewer peers are not warmed up by default: their simulation is short anyway. */
export const WARM_UP_MIN_PEERS = 1 << 18;
/**
 * Peers of a warm-up run. On the Xeon VM, 10^6-peer flood: ~7,800 peers left as little
 * compiling in the run as ~31,000 (~0.09 s), ~2,000 twice as much; a push's warm-up took
 * ~0.25 s with ~7,800, ~0.35 s with ~31,000.
 */
const WARM_UP_PEERS = 8192;
/** Warm-up runs (see above). */
const WARM_UP_RUNS = 2;

/**
 * The scenario the workers warm up on: `scenario` over fewer peers (at most WARM_UP_PEERS,
 * at least two bitset words per thread), a fixed origin folded into them.
 */
export function warmUpScenario(scenario: Scenario, threads: number): Scenario {
  const count = Math.min(scenario.peers.count, Math.max(2 * threads * MIN_PEERS_PER_PARTITION, WARM_UP_PEERS));
  return {
    ...scenario,
    peers: { ...scenario.peers, count },
    workload: {
      ...scenario.workload,
      broadcasts: scenario.workload.broadcasts.map((b) => (typeof b.origin === 'number' ? { ...b, origin: b.origin % count } : b)),
    },
  };
}

/** Whether a run warms its workers up: `force` if given, else by its size. */
export function warmsUp(scenario: Scenario, force?: boolean): boolean {
  return force ?? scenario.peers.count >= WARM_UP_MIN_PEERS;
}

/**
 * The warm-up runs the workers are handed: the small scenario, over one overlay, each with
 * buffers of its own. None when that overlay cannot be built (a model whose parameters fit
 * the run's peers but not WARM_UP_PEERS, e.g. a degree above it): the run goes on cold.
 */
export function warmUpRuns(scenario: Scenario, plan: ParallelPlan): SharedInput[] {
  const small = warmUpScenario(scenario, plan.threads);
  const n = small.peers.count;
  let overlay: Graph;
  try {
    overlay = buildOverlay(small.overlay, n, makeStreamFactories(small.seed, () => n).namedStream('overlay'));
  } catch {
    return [];
  }
  return Array.from({ length: WARM_UP_RUNS }, () => sharedInput(small, plan, overlay, false));
}
