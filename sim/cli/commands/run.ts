/** `gossipsim run`: one scenario, one seed; writes the report, optionally the results file. */
import { join } from 'node:path';
import { loadScenarioFile } from '../../scenario/load.js';
import { runScenario } from '../../run/run-scenario.js';
import { writeOutputFile } from '../../io/output.js';
import { renderReport } from '../../../viz/report.js';
import type { CliIO } from '../io.js';
import { parseIntOption, parseWorkers } from '../options.js';
import { slug } from '../paths.js';
import { makeProgress } from '../progress.js';
import { formatSummary } from '../summary.js';
import { stringifyResults } from '../../run/serialize.js';
import { totalmem } from 'node:os';
import { checkMemory, memoryLimit } from '../../run/memory-estimate.js';

export interface RunCommandOptions {
  seed?: string;
  set?: string[];
  workers?: string;
  out?: string;
  json?: string;
  quiet?: boolean;
}

export function runCommand(file: string, opts: RunCommandOptions, io: CliIO): number {
  const sets = [...(opts.set ?? [])];
  if (opts.seed !== undefined) sets.push(`seed=${parseIntOption('--seed', opts.seed, 0, 2 ** 32 - 1)}`);
  const workers = parseWorkers(opts.workers, 1);
  const scenario = loadScenarioFile(file, sets);
  // Refuse, before anything is allocated, a scenario too big for this machine (exit 2).
  checkMemory(scenario, memoryLimit(process.env, totalmem()), file);
  if (workers > 1 && !opts.quiet) {
    io.err(`note: the parallel single-run engine is not available yet; running on 1 thread (results are the same).\n`);
  }
  const progress = makeProgress('simulating', !!opts.quiet, io.errStream);
  const results = runScenario(scenario, { onProgress: (f) => progress.update(f), workers });
  progress.done();
  const notes = (results.engine.notes as string[] | undefined) ?? [];
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
