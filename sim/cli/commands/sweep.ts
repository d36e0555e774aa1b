/** `gossipsim sweep` and `gossipsim merge`. */
import { join } from 'node:path';
import { writeOutputFile } from '../../io/output.js';
import { readScenarioFile } from '../../scenario/load.js';
import { renderReport } from '../../../viz/report.js';
import { runSweep, mergeParts } from '../../sweep/sweep.js';
import { parseShard, parseVary } from '../../sweep/plan.js';
import type { SweepResults } from '../../run/sweep-results.js';
import { stringifyResults } from '../../run/serialize.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { defaultSweepWorkers, parseIntOption, parseWorkers } from '../options.js';
import { slug } from '../paths.js';
import { GOSSIPSIM_VERSION } from '../../version.js';
import { makeSweepProgress } from '../sweep-progress.js';
import { setInterruptNote, workOffThread } from '../interrupt.js';
import { journalPathFor } from '../../sweep/journal.js';
import { loadScenarioText } from '../../scenario/load.js';
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
  resume?: boolean;
}


/** Below this many replicates a sweep's intervals are too wide and too unsure to lean on. */
export const FEW_REPLICATES = 5;

export function describeSweep(r: SweepResults, outputs: string[]): string {
  const lines = [`${r.scenario.name}: sweep of ${r.points.length} point(s) x ${r.replicates} replicate(s), ${r.engine.runs} run(s)` +
    (r.shard ? ` (shard ${r.shard.index}/${r.shard.count})` : '')];
  if (r.replicates < FEW_REPLICATES) {
    lines.push(`  note: ${r.replicates} replicate(s) per point: the 95% intervals are wide and unreliable; ` +
      `use --replicates ${FEW_REPLICATES} or more (10 is better) before drawing conclusions`);
  }
  for (const o of outputs) lines.push(`  wrote ${o}`);
  return lines.join('\n') + '\n';
}

export async function sweepCommand(file: string, opts: SweepCommandOptions, io: CliIO): Promise<number> {
  if (!opts.vary || opts.vary.length === 0) throw new UsageError('sweep: give at least one --vary key.path=v1,v2,...');
  const varies = opts.vary.map(parseVary);
  const replicates = opts.replicates === undefined ? 1 : parseIntOption('--replicates', opts.replicates, 1, 100000);
  const workers = parseWorkers(opts.workers, defaultSweepWorkers());
  const shard = parseShard(opts.shard);
  const text = readScenarioFile(file);
  const base = loadScenarioText(text, file, opts.set ?? []);
  const name = base.name;
  const defaultReport = join('reports', `${slug(name)}-sweep.html`);
  // Next to the main output; a shard without one gets a journal of its own.
  const journalPath = journalPathFor(opts.json ?? opts.out ??
    (shard ? join('reports', `${slug(name)}-sweep-shard-${shard.index}-of-${shard.count}`) : defaultReport));
  const progress = makeSweepProgress(!!opts.quiet, io.errStream ?? process.stderr, undefined, io.err);
  setInterruptNote(`the finished runs are kept in ${journalPath}: add --resume to continue`);
  const { results, journal } = await runSweep({
    file, text, sets: opts.set ?? [], base, varies, replicates, workers, shard,
    // Refuse, before any run starts, a sweep whose concurrent runs would not fit (exit 2).
    memoryLimit: memoryLimit(process.env, totalmem()),
    journal: { path: journalPath, resume: !!opts.resume, version: GOSSIPSIM_VERSION },
    offThread: workOffThread(),
    onProgress: (done, total, run) => {
      if (!run && !opts.quiet) io.err(`sweep: resuming from ${journalPath}: ${done} of ${total} run(s) already finished\n`);
      progress.update(done, total, run);
    },
  });
  progress.done();
  try {
    const outputs: string[] = [];
    if (opts.json) {
      writeOutputFile(opts.json, stringifyResults(results), [file]);
      outputs.push(opts.json);
    }
    // A shard part is an intermediate file: it gets a report only when asked for.
    if (!shard || opts.out) {
      const out = opts.out ?? defaultReport;
      writeOutputFile(out, renderReport(results), [file, ...(opts.json ? [opts.json] : [])]);
      outputs.push(out);
    }
    // The outputs hold every run now; the journal has done its job.
    journal?.close();
    journal?.remove();
    setInterruptNote(undefined);
    if (!opts.quiet) io.out(describeSweep(results, outputs));
    return 0;
  } catch (err) {
    journal?.close();
    throw err;
  }
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
