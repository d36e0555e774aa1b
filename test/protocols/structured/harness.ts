/** Builds a structured overlay alone (no searches) and runs it, for tests that look inside. */
import { createContext } from '../../../sim/run/create-context';
import { loadScenarioText } from '../../../sim/scenario/load';
import { StructuredComponent } from '../../../sim/protocols/structured/component';
import type { SimContext } from '../../../sim/run/context';

export interface Built {
  ctx: SimContext;
  dht: StructuredComponent;
  /** Runs the simulation up to time t. */
  runTo(t: number): void;
}

export function buildDht(structured: string, o: { peers: number; duration?: number; extra?: string; sets?: string[] }): Built {
  const yaml = `name: structured test
duration: ${o.duration ?? 100}
peers: { count: ${o.peers} }
overlay: { degree: 2 }
structured: ${structured}
${o.extra ?? ''}
`;
  const scenario = loadScenarioText(yaml, 'structured.yaml', o.sets ?? []);
  const ctx = createContext(scenario);
  const dht = new StructuredComponent(scenario.structured!);
  dht.start(ctx);
  return { ctx, dht, runTo: (t) => ctx.sim.run(t) };
}

/** Live joined peers sorted by ID. */
export function liveRing(b: Built): number[] {
  const { ctx, dht } = b;
  const out: number[] = [];
  for (let p = 0; p < ctx.peers.count; p++) if (ctx.peers.alive[p] === 1 && dht.core.joined[p] === 1) out.push(p);
  return out.sort((a, c) => dht.core.ids[a] - dht.core.ids[c]);
}
