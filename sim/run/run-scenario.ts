/**
 * Runs one scenario to completion on one thread: builds the peers, the overlay, the
 * transport and the components the scenario names, drives the scheduler in steps of
 * `metrics.sample` (sampling the time series between steps) and assembles the results.
 */
import type { Graph } from '../overlay/graph.js';
import { summarizeOverlay } from '../metrics/overlay-summary.js';
import type { Scenario } from '../scenario/schema.js';
import { buildComponents } from './components.js';
import type { Component, SettledEvents, SimContext } from './context.js';
import { engineNotes } from './engine-notes.js';
import { createContext } from './create-context.js';
import { SeriesRecorder } from './series.js';
import { RESULTS_FORMAT, type Results } from './results.js';
import { provenanceOf } from './provenance.js';

export interface RunOptions {
  /** Called after each sampling step with the fraction of simulated time done. */
  onProgress?: (fraction: number) => void;
  /** Worker threads (only 1 is implemented by this runner). */
  workers?: number;
}

/** Peak resident set size of this process so far, in bytes (0 where unknown, as in a browser). */
export function peakRssBytes(): number {
  const proc = (globalThis as { process?: { resourceUsage?: () => { maxRSS: number } } }).process;
  return typeof proc?.resourceUsage === 'function' ? proc.resourceUsage().maxRSS * 1024 : 0;
}

/** Up to this many peers, the results include the overlay's links (for the report). */
export const SMALL_NETWORK = 500;

export function linksOf(g: Graph): Array<[number, number]> {
  const links: Array<[number, number]> = [];
  for (let p = 0; p < g.size; p++) {
    for (let i = 0; i < g.deg[p]; i++) {
      const q = g.adj[g.offset[p] + i];
      if (p < q) links.push([p, q]);
    }
  }
  return links;
}

/** What a run counted, before the wall-clock figures are added. */
export interface RunCounts {
  events: number;
  simulatedSeconds: number;
  workers: number;
  messages: number;
  messagesLost: number;
}

/**
 * The results skeleton shared by the one-thread and the parallel runner: format, scenario,
 * engine figures (wall clock and peak RSS measured now), overlay, series and engine notes.
 */
export function assembleResults(
  scenario: Scenario, wallStart: number, counts: RunCounts,
  overlay: Results['overlay'], series: Results['series'],
): Results {
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const results: Results = {
    format: RESULTS_FORMAT,
    provenance: provenanceOf(scenario),
    scenario,
    seed: scenario.seed,
    engine: {
      events: counts.events,
      simulatedSeconds: counts.simulatedSeconds,
      wallSeconds,
      eventsPerSecond: wallSeconds > 0 ? Math.round(counts.events / wallSeconds) : 0,
      workers: counts.workers,
      peakRssBytes: peakRssBytes(),
      messages: counts.messages,
      messagesLost: counts.messagesLost,
    },
    overlay,
    series,
  };
  // Under `engine: cycle`, which parts ran event-driven (the CLI prints these on stderr).
  const notes = engineNotes(scenario);
  if (notes.length > 0) results.engine.notes = notes;
  return results;
}

/**
 * One run taken a sampling step (`metrics.sample`) at a time, so that a caller can pause
 * between steps and watch (a playground); `runScenario` takes every step at once. Either
 * way the results are the same.
 */
export class SteppedRun {
  readonly ctx: SimContext;
  /** Simulated time reached (the end of the last step). */
  time = 0;
  done = false;
  private readonly wallStart = performance.now();
  private readonly components: Component[];
  private readonly recorder = new SeriesRecorder();
  private readonly overlayResults: Results['overlay'];
  private readonly settled: SettledEvents[];
  private k = 0;
  private endTime: number;
  private latest: Record<string, number | null> = {};

  /** `watch`: called with the context before any component starts (to observe its simulator). */
  constructor(readonly scenario: Scenario, watch?: (ctx: SimContext) => void) {
    const n = scenario.peers.count;
    const ctx = this.ctx = createContext(scenario);
    this.overlayResults = summarizeOverlay(ctx.overlay, ctx.peers.alive, ctx.namedStream('metrics/overlay'));
    // Small networks carry their links so the report can draw and animate them.
    if (n <= SMALL_NETWORK) this.overlayResults.links = linksOf(ctx.overlay);
    watch?.(ctx);
    this.components = buildComponents(scenario);
    for (const c of this.components) c.start(ctx);
    this.settled = this.components.flatMap((c) => (c.settled ? [c.settled] : []));
    this.endTime = scenario.duration;
    this.takeSample(0);
  }

  /** The time series' values at the last sampling instant, by column name. */
  get lastSample(): Readonly<Record<string, number | null>> {
    return this.latest;
  }

  private takeSample(t: number): void {
    const write = this.recorder.row(t);
    const latest: Record<string, number | null> = { time: t };
    const both = (name: string, value: number | null) => { latest[name] = value; write(name, value); };
    both('alive', this.ctx.peers.aliveCount);
    for (const c of this.components) c.sample?.(this.ctx, both);
    this.latest = latest;
  }

  private settledHorizon(): number {
    return this.settled.reduce((h, s) => Math.max(h, s.horizon), 0);
  }

  /** Runs one sampling step; returns true when the run is over (then call `finish`). */
  step(): boolean {
    if (this.done) return true;
    const { sim } = this.ctx;
    const duration = this.scenario.duration;
    this.k++;
    const t = Math.min(this.k * this.scenario.metrics.sample, duration);
    sim.run(t);
    // Events settled in advance count as if they had been queued.
    const idle = sim.queue.size === 0 && this.settledHorizon() <= t;
    this.takeSample(t);
    this.time = t;
    if (t >= duration) this.done = true;
    else if (idle) {
      this.endTime = Math.max(sim.now, this.settledHorizon());
      this.done = true;
    }
    return this.done;
  }

  /**
   * The results, once the run is over. `pausedMs`: wall-clock time the caller spent
   * paused between steps, left out of the run's wall-clock figures.
   */
  finish(pausedMs = 0): Results {
    if (!this.done) throw new Error('run: finish() before the last step');
    const { sim, transport } = this.ctx;
    const results = assembleResults(this.scenario, this.wallStart + pausedMs, {
      events: this.settled.reduce((sum, s) => sum + s.events, sim.events),
      simulatedSeconds: this.endTime,
      workers: 1,
      messages: transport.sent,
      messagesLost: transport.lost,
    }, this.overlayResults, this.recorder.finish());
    for (const c of this.components) c.contribute(results, this.ctx);
    return results;
  }
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): Results {
  const run = new SteppedRun(scenario);
  for (;;) {
    const done = run.step();
    options.onProgress?.(run.time / scenario.duration);
    if (done) break;
  }
  return run.finish();
}
