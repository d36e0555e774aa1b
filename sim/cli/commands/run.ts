/** `gossipsim run`: one scenario, one seed; writes the report, optionally the results file. */
import { join } from 'node:path';
import { loadScenarioFile } from '../../scenario/load.js';
import { runSimulation } from '../../run/run.js';
import { planParallelRun } from '../../parallel/eligibility.js';
import { workOffThread } from '../interrupt.js';
import { writeOutputFile } from '../../io/output.js';
import { renderReport } from '../../../viz/report.js';
import type { CliIO } from '../io.js';
import { parseIntOption, parseWorkers } from '../options.js';
import { slug } from '../paths.js';
import { makeProgress } from '../progress.js';
import { formatSummary } from '../summary.js';
import { stringifyResults } from '../../run/serialize.js';
import { availableParallelism, totalmem } from 'node:os';
import { checkMemory, memoryLimit } from '../../run/memory-estimate.js';
import { twoTo } from '../../math/two-to.js';

export interface RunCommandOptions {
  seed?: string;
  set?: string[];
  workers?: string;
  out?: string;
  json?: string;
  quiet?: boolean;
}

export async function runCommand(file: string, opts: RunCommandOptions, io: CliIO): Promise<number> {
  const sets = [...(opts.set ?? [])];
  if (opts.seed !== undefined) sets.push(`seed=${parseIntOption('--seed', opts.seed, 0, twoTo(32) - 1)}`);
  const workers = parseWorkers(opts.workers, 1);
  const scenario = loadScenarioFile(file, sets);
  // Refuse, before anything is allocated, a scenario too big for this machine (exit 2);
  // split across threads, each keeps its own per-peer state.
  const plan = planParallelRun(scenario, workers);
  checkMemory(scenario, memoryLimit(process.env, totalmem()), file, plan.threads);
  const progress = makeProgress('simulating', !!opts.quiet, io.errStream);
  const onProgress = (f: number) => progress.update(f);
  // --workers N > 1: one run split across N threads (sim/parallel/); same results. A run on
  // one thread runs off the main one when Ctrl-C is handled, so that it stops at once.
  const results = await runSimulation(scenario, { onProgress, workers, offThread: workOffThread() });
  progress.done();
  const notes = (results.engine.notes as string[] | undefined) ?? [];
  // Why fewer threads than asked for were used (e.g. a component that cannot be split).
  const workersNote = results.engine.workersNote as string | undefined;
  if (workersNote && !opts.quiet) io.err(`note: --workers ${workers}: ${workersNote}\n`);
  const threads = results.engine.workers, cores = availableParallelism();
  if (threads > cores && !opts.quiet) {
    io.err(`note: --workers ${workers}: ${threads} threads on ${cores} cores: the threads share the cores, and each time window waits for the slowest, so the run is likely slower than with --workers ${cores} (the results are the same)\n`);
  }
  if (!opts.quiet) for (const note of notes) io.err(`note: ${note}\n`);
  const outputs: string[] = [];
  const reportPath = opts.out ?? join('reports', `${slug(scenario.name)}.html`);
  writeOutputFile(reportPath, renderReport(results), [file]);
  outputs.push(reportPath);
  if (opts.json) {
    writeOutputFile(opts.json, stringifyResults(results), [file, reportPath]);
    outputs.push(opts.json);
  }
  if (!opts.quiet) io.out(formatSummary(results, outputs));
  return 0;
}
