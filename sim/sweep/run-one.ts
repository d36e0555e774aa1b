/** One sweep task: a scenario text with its point's `--set`s and a seed, run to metrics. */
import { loadScenarioText } from '../scenario/load.js';
import { runScenario } from '../run/run-scenario.js';
import { flattenMetrics } from './metrics.js';
import { adoptFiles, type SentFile } from '../scenario/file-store.js';

export interface SweepTaskInput {
  text: string;
  file: string;
  sets: string[];
  seed: number;
  /** The files the point's scenario names (a churn trace), parsed once by the main thread (input-files.ts's filesForWorker). */
  files?: SentFile[];
}

export interface SweepTaskOutput {
  metrics: Record<string, number>;
  wallSeconds: number;
}

export function runSweepTask(input: SweepTaskInput): SweepTaskOutput {
  // Kept with the stamp of their read, so loading the scenario below finds them unchanged rather than parsing them again.
  if (input.files) adoptFiles(input.files);
  const scenario = loadScenarioText(input.text, input.file, [...input.sets, `seed=${input.seed}`]);
  const results = runScenario(scenario);
  return { metrics: flattenMetrics(results as unknown as Record<string, unknown>), wallSeconds: results.engine.wallSeconds };
}
