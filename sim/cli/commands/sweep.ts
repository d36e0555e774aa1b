/** `gossipsim sweep` and `gossipsim merge`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOutputFile } from '../../io/output.js';
import { ScenarioError } from '../../scenario/errors.js';
import { renderReport } from '../../../viz/report.js';
import { runSweep, mergeParts } from '../../sweep/sweep.js';
import { parseShard, parseVary } from '../../sweep/plan.js';
import type { SweepResults } from '../../run/sweep-results.js';
import { stringifyResults } from '../../run/serialize.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { defaultSweepWorkers, parseIntOption, parseWorkers } from '../options.js';
import { slug } from '../paths.js';
import { makeProgress } from '../progress.js';
import { readResultsFile } from '../../io/results-file.js';
import { totalmem } from 'node:os';
import { memoryLimit } from '../../run/memory-estimate.js';

export interface SweepCommandOptions {
  vary?: string[];
  set?: string[];
  replicates?: string;
  workers?: string;
  out?: string;
  json?: string;
  shard?: string;
  quiet?: boolean;
}

function readScenarioText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(`cannot read the scenario file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file });
  }
}

function describeSweep(r: SweepResults, outputs: string[]): string {
  const lines = [`${r.scenario.name}: sweep of ${r.points.length} point(s) x ${r.replicates} replicate(s), ${r.engine.runs} run(s)` +
    (r.shard ? ` (shard ${r.shard.index}/${r.shard.count})` : '')];
  for (const o of outputs) lines.push(`  wrote ${o}`);
  return lines.join('\n') + '\n';
}

export async function sweepCommand(file: string, opts: SweepCommandOptions, io: CliIO): Promise<number> {
  if (!opts.vary || opts.vary.length === 0) throw new UsageError('sweep: give at least one --vary key.path=v1,v2,...');
  const varies = opts.vary.map(parseVary);
  const replicates = opts.replicates === undefined ? 1 : parseIntOption('--replicates', opts.replicates, 1, 100000);
  const workers = parseWorkers(opts.workers, defaultSweepWorkers());
  const shard = parseShard(opts.shard);
  const text = readScenarioText(file);
  const progress = makeProgress('sweeping', !!opts.quiet, io.errStream);
  const results = await runSweep({
    file, text, sets: opts.set ?? [], varies, replicates, workers, shard,
    // Refuse, before any run starts, a sweep whose concurrent runs would not fit (exit 2).
    memoryLimit: memoryLimit(process.env, totalmem()),
    onProgress: (done, total) => progress.update(done / total, `${done}/${total} runs`),
  });
  progress.done();
  const outputs: string[] = [];
  if (opts.json) {
    writeOutputFile(opts.json, stringifyResults(results), [file]);
    outputs.push(opts.json);
  }
  // A shard part is an intermediate file: it gets a report only when asked for.
  if (!shard || opts.out) {
    const out = opts.out ?? join('reports', `${slug(results.scenario.name)}-sweep.html`);
    writeOutputFile(out, renderReport(results), [file, ...(opts.json ? [opts.json] : [])]);
    outputs.push(out);
  }
  if (!opts.quiet) io.out(describeSweep(results, outputs));
  return 0;
}

export function mergeCommand(files: string[], opts: { json?: string; out?: string; quiet?: boolean }, io: CliIO): number {
  if (!opts.json) throw new UsageError('merge: --json results.json is required (where to write the merged results).');
  const parts = files.map((file) => {
    // Exit 2 on anything but a well-formed shard part (io/results-file.ts says where it is wrong).
    return { file, data: readResultsFile(file, 'sweep-part') as SweepResults };
  });
  const merged = mergeParts(parts);
  const outputs = [opts.json];
  writeOutputFile(opts.json, stringifyResults(merged), files);
  if (opts.out) {
    writeOutputFile(opts.out, renderReport(merged), [...files, opts.json]);
    outputs.push(opts.out);
  }
  if (!opts.quiet) io.out(describeSweep(merged, outputs));
  return 0;
}
