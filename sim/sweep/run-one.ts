/** One sweep task: a scenario text with its point's `--set`s and a seed, run to metrics. */
import { loadScenarioText } from '../scenario/load.js';
import { runScenario } from '../run/run-scenario.js';
import { flattenMetrics } from './metrics.js';

export interface SweepTaskInput {
  text: string;
  file: string;
  sets: string[];
  seed: number;
}

export interface SweepTaskOutput {
  metrics: Record<string, number>;
  wallSeconds: number;
}

export function runSweepTask(input: SweepTaskInput): SweepTaskOutput {
  const scenario = loadScenarioText(input.text, input.file, [...input.sets, `seed=${input.seed}`]);
  const results = runScenario(scenario);
  return { metrics: flattenMetrics(results as unknown as Record<string, unknown>), wallSeconds: results.engine.wallSeconds };
}
