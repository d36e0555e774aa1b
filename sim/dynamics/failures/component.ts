/**
 * Scheduled mass failures and attacks (`failures`): at `at`, a `fraction` of the live
 * peers crash, chosen at random or highest degree first; `resilience[]` reports the damage.
 */
import type { ResilienceResult } from './results-section.js';
import { CONTROLLER } from '../../engine/simulator.js';
import { sampleInPlace } from '../../metrics/alive-peers.js';
import { largestComponent } from '../../metrics/components.js';
import type { Component, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import type { FailureSpec } from './schema.js';
import { currentOverlay, dynamicsOf, type Dynamics } from '../shared.js';

export type { ResilienceResult };

/**
 * Victims: `random` draws a uniform sample of the live peers from the scenario-level
 * stream 'failures/<index>'; `degree` sorts the live peers by their number of live
 * neighbours at that moment, highest first, ties by lower peer id (degrees are not
 * recomputed while removing). Peers crashed by a failure stay down, even under churn.
 */
export class FailuresComponent implements Component {
  /**
   * A failure is a controller event that reads the whole overlay and changes other peers'
   * links and liveness. In a split run (sim/parallel/) every thread runs it: each takes
   * down its own victims and drops its own peers' links to them, between barriers
   * (failures/split.ts, membership.ts).
   */
  readonly parallel = 'safe';
  private readonly results: ResilienceResult[] = [];

  constructor(private readonly specs: FailureSpec[]) {}

  start(ctx: SimContext): void {
    const kind = ctx.sim.registerKind('failures/fail', (index) => this.fail(ctx, index));
    dynamicsOf(ctx);
    this.specs.forEach((spec, i) => ctx.sim.at(spec.at, kind, i, CONTROLLER));
  }

  private fail(ctx: SimContext, index: number): void {
    const spec = this.specs[index];
    const { peers } = ctx;
    const overlay = currentOverlay(ctx);
    const aliveBefore = peers.aliveCount;
    const live = new Int32Array(aliveBefore);
    for (let p = 0, k = 0; p < peers.count; p++) if (peers.alive[p] === 1) live[k++] = p;
    const removed = Math.round(spec.fraction * aliveBefore);
    const victims = spec.target === 'degree'
      ? highestDegreeFirst(live, overlay, peers.alive).subarray(0, removed)
      : sampleInPlace(live, removed, ctx.namedStream(`failures/${index}`));
    dynamicsOf(ctx).membership.crash(victims);
    const component = largestComponent(currentOverlay(ctx), peers.alive, aliveBefore);
    const survivors = peers.aliveCount;
    const result: ResilienceResult = {
      at: spec.at,
      target: spec.target,
      removed,
      aliveBefore,
      largestComponentFraction: component.fraction,
      survivorsLargestComponentFraction: survivors > 0 ? component.largest / survivors : 0,
      components: component.components,
    };
    const scenario = ctx.scenario;
    if (scenario.overlay.repair || scenario.overlay.sampling) {
      result.recovery = { time: [0], largestComponentFraction: [result.survivorsLargestComponentFraction] };
    }
    this.results[index] = result;
  }

  contribute(results: Results, ctx: SimContext): void {
    results.resilience = withRecovery(this.done, dynamicsOf(ctx).history);
  }

  /** The failures so far, each without its recovery's later points. */
  get done(): ResilienceResult[] {
    return this.results.filter((r) => r !== undefined);
  }
}

/**
 * `done` with each failure's recovery: the largest-component samples of `history` after it,
 * up to the next failure (appended to the recovery's first point, taken at the failure).
 */
export function withRecovery(done: ResilienceResult[], history: Dynamics['history']): ResilienceResult[] {
  for (const r of done) {
    if (!r.recovery) continue;
    const next = Math.min(...done.map((o) => (o.at > r.at ? o.at : Infinity)));
    for (let i = 0; i < history.time.length; i++) {
      const t = history.time[i];
      if (t <= r.at || t > next) continue;
      r.recovery.time.push(t - r.at);
      r.recovery.largestComponentFraction.push(history.fraction[i]);
    }
  }
  return done;
}

/** `live` sorted by number of live neighbours, highest first, ties by lower id. */
function highestDegreeFirst(live: Int32Array, overlay: SimContext['overlay'], alive: Uint8Array): Int32Array {
  const degree = new Int32Array(overlay.size);
  for (const p of live) {
    let d = 0;
    for (let i = 0, n = overlay.degree(p); i < n; i++) if (alive[overlay.neighbor(p, i)] === 1) d++;
    degree[p] = d;
  }
  return live.slice().sort((a, b) => degree[b] - degree[a] || a - b);
}
