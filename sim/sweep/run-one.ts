/** One sweep task: a scenario text with its point's `--set`s and a seed, run to metrics. */
import { loadScenarioText } from '../scenario/load.js';
import { runScenario } from '../run/run-scenario.js';
import { flattenMetrics } from './metrics.js';
import { adoptFiles, type SentFile } from '../scenario/file-store.js';
import { nodeFiles, storedNodeFiles } from '../scenario/node-files.js';

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
  // Given its files, a task replays what the sweep validated, even if a file changed since: it reads none.
  if (input.files) adoptFiles(input.files);
  const scenario = loadScenarioText(input.text, input.file, [...input.sets, `seed=${input.seed}`], input.files ? storedNodeFiles : nodeFiles);
  const results = runScenario(scenario);
  return { metrics: flattenMetrics(results as unknown as Record<string, unknown>), wallSeconds: results.engine.wallSeconds };
}
