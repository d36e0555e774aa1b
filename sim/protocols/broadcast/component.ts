/**
 * The broadcasts of `workload.broadcasts` as a pluggable component: expands each entry
 * (`count` broadcasts `every` interval), runs them on the shared engine, publishes the
 * rumour ledger for anti-entropy, samples `informed[<id>]` and contributes the results.
 */
import { RUMOUR_LEDGER } from '../../services/rumour-ledger.js';
import type { BroadcastSpec } from './schema.js';
import type { Component, SeriesWriter, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import { BroadcastEngine, type EngineOptions } from './engine.js';
import { BroadcastLedger } from './ledger.js';
import { PhantomEvents } from './phantoms.js';
import { protocolOf } from './protocols.js';
import { BroadcastState, Phase } from './state.js';

/**
 * One state per broadcast, numbered in order of start time (ties: list order): the k-th
 * broadcast of entry j starts at at + k·every. Starts after `duration` are left out.
 */
export function planBroadcasts(specs: readonly BroadcastSpec[], duration: number): BroadcastState[] {
  const plans: Array<{ spec: BroadcastSpec; specIndex: number; start: number }> = [];
  specs.forEach((spec, specIndex) => {
    for (let k = 0; k < spec.count; k++) {
      const start = spec.at + k * spec.every;
      if (start > duration) break;
      plans.push({ spec, specIndex, start });
    }
  });
  plans.sort((x, y) => x.start - y.start);
  return plans.map((p, id) => new BroadcastState(id, p.specIndex, p.spec, protocolOf(p.spec), p.start));
}

export class BroadcastComponent implements Component {
  /** Event engine, no churn: see EngineOptions.partition and sim/parallel/. */
  readonly parallel = 'safe';
  /** Duplicate arrivals settled when sent, not queued (see EngineOptions.elide). */
  readonly settled = new PhantomEvents();
  private engine: BroadcastEngine | null = null;
  private seriesNames: string[] = [];

  constructor(
    private readonly specs: readonly BroadcastSpec[],
    private readonly options: EngineOptions = {},
  ) {}

  start(ctx: SimContext): void {
    const states = planBroadcasts(this.specs, ctx.scenario.duration);
    this.engine = new BroadcastEngine(ctx, states, { ...this.options, phantoms: this.settled });
    this.engine.install();
    this.seriesNames = states.map((st) => `informed[${st.id}]`);
    ctx.services.provide(RUMOUR_LEDGER, new BroadcastLedger(this.engine));
  }

  /** `informed[<id>]`: fraction of the live peers holding rumour <id> (null before it starts). */
  sample(ctx: SimContext, write: SeriesWriter): void {
    const states = this.engine?.states ?? [];
    const alive = ctx.peers.aliveCount;
    for (let i = 0; i < states.length; i++) {
      const st = states[i];
      write(this.seriesNames[i], st.phase === Phase.Waiting ? null : alive > 0 ? st.liveInformed / alive : 0);
    }
  }

  contribute(results: Results, _ctx: SimContext): void {
    const engine = this.engine;
    if (!engine) return;
    results.broadcasts = engine.states
      .filter((st) => st.phase !== Phase.Waiting)
      .map((st) => {
        if (!st.result) engine.snapshot(st);
        return st.result!;
      });
  }

  /** The broadcasts (for tests and tools): states in id order. */
  get states(): readonly BroadcastState[] {
    return this.engine?.states ?? [];
  }
}
