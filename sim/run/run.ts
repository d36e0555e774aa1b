/**
 * The run entry point: one scenario, on one thread or split across worker threads
 * (`--workers N`), with the same results either way. The CLI, the golden test and the
 * benchmarks call this; neither runner knows of the other.
 */
import { planParallelRun } from '../parallel/eligibility.js';
import { runScenarioSplit, type ParallelRunOptions } from '../parallel/run-parallel.js';
import type { Scenario } from '../scenario/schema.js';
import type { Results } from './results.js';
import { runScenario } from './run-scenario.js';
import { runScenarioOffThread } from './run-off-thread.js';

export interface RunOptions extends ParallelRunOptions {
  /** Run a one-thread run on a worker thread, so that this one can handle Ctrl-C at once. */
  offThread?: boolean;
}

/**
 * Runs `scenario` on `options.workers` threads when it can be split, else on this thread
 * (results `engine.workersNote` then says why, as it does when fewer threads are used).
 */
export async function runSimulation(scenario: Scenario, options: RunOptions = {}): Promise<Results> {
  const plan = planParallelRun(scenario, options.workers ?? 1);
  if (plan.threads < 2) {
    const results = options.offThread ? await runScenarioOffThread(scenario, options.onProgress) : runScenario(scenario, options);
    if (plan.note) results.engine.workersNote = plan.note;
    return results;
  }
  return runScenarioSplit(scenario, plan, options);
}
