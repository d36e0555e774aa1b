/**
 * Runs one scenario to completion on one thread: builds the peers, the overlay, the
 * transport and the components the scenario names, drives the scheduler in steps of
 * `metrics.sample` (sampling the time series between steps) and assembles the results.
 */
import type { Graph } from '../overlay/graph.js';
import { summarizeOverlay } from '../metrics/overlay-summary.js';
import type { Scenario } from '../scenario/schema.js';
import { buildComponents } from './components.js';
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

export function runScenario(scenario: Scenario, options: RunOptions = {}): Results {
  const wallStart = performance.now();
  const n = scenario.peers.count;
  const ctx = createContext(scenario);
  const { sim, peers, overlay, transport } = ctx;
  const overlayResults = summarizeOverlay(overlay, peers.alive, ctx.namedStream('metrics/overlay'));
  // Small networks carry their links so the report can draw and animate them.
  if (n <= SMALL_NETWORK) overlayResults.links = linksOf(overlay);

  const components = buildComponents(scenario);
  for (const c of components) c.start(ctx);

  const recorder = new SeriesRecorder();
  const takeSample = (t: number) => {
    const write = recorder.row(t);
    write('alive', peers.aliveCount);
    for (const c of components) c.sample?.(ctx, write);
  };

  const settled = components.flatMap((c) => (c.settled ? [c.settled] : []));
  const settledHorizon = () => settled.reduce((h, s) => Math.max(h, s.horizon), 0);

  const duration = scenario.duration;
  const step = scenario.metrics.sample;
  takeSample(0);
  let k = 0;
  let endTime = duration;
  for (;;) {
    k++;
    const t = Math.min(k * step, duration);
    sim.run(t);
    // Events settled in advance count as if they had been queued.
    const idle = sim.queue.size === 0 && settledHorizon() <= t;
    takeSample(t);
    options.onProgress?.(t / duration);
    if (t >= duration) break;
    if (idle) {
      endTime = Math.max(sim.now, settledHorizon());
      break;
    }
  }
  const series = recorder.finish();

  const results = assembleResults(scenario, wallStart, {
    events: settled.reduce((sum, s) => sum + s.events, sim.events),
    simulatedSeconds: endTime,
    workers: 1,
    messages: transport.sent,
    messagesLost: transport.lost,
  }, overlayResults, series);
  for (const c of components) c.contribute(results, ctx);
  return results;
}
