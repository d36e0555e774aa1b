/**
 * Reads a results file (`run --json`, `sweep --json`, `merge --json` or a shard part) for
 * `report` and `merge`: unreadable, truncated, wrong-version, wrong-kind or hand-edited
 * files are bad input (exit 2) naming the file and the line:column or JSON path at fault.
 */
import { readFileSync } from 'node:fs';
import { RESULTS_FORMAT, type Results } from '../run/results.js';
import { SWEEP_FORMAT, SWEEP_FORMAT_V1, type SweepResults } from '../run/sweep-results.js';
import { resummarize } from '../sweep/sweep.js';
import { resultsProblem, RESULTS_SCHEMA_FILES, type ResultsFileKind } from './results-schema.js';
import { UsageError } from './usage-error.js';

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

/** What a command accepts: any results file (`report`), or only sweep results and their shard parts (`merge`). */
export type Accepts = 'any' | 'sweep-part';

export function readResultsFile(file: string, accepts: Accepts = 'any'): Results | SweepResults {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read the results file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const where = m ? `:${lineColumn(text, Number(m[1]))}` : '';
    const truncated = /end of JSON input|Unterminated/i.test((err as Error).message) ? ' (is the file truncated?)' : '';
    throw new UsageError(`${file}${where}: not a valid JSON results file${truncated} (${(err as Error).message}).`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`${file}: $: expected a JSON object (a gossipsim results file), got ${Array.isArray(data) ? 'an array' : JSON.stringify(data)}.`);
  }
  let format = (data as { format?: unknown }).format;
  // A sweep of the previous format keeps its runs: its intervals are recomputed from them,
  // and what comes out is checked like any sweep of this format.
  if (format === SWEEP_FORMAT_V1 && Array.isArray((data as SweepResults).points)) {
    try {
      data = resummarize(data as SweepResults);
    } catch (err) {
      throw new UsageError(`${file}: a ${SWEEP_FORMAT_V1} file whose runs cannot be read (${(err as Error).message}); was it edited or cut short?`);
    }
    format = SWEEP_FORMAT;
  }
  if (format !== RESULTS_FORMAT && format !== SWEEP_FORMAT) {
    const family = typeof format === 'string' && /^gossipsim-(results|sweep)\//.test(format);
    throw new UsageError(family
      ? `${file}: $.format: '${format}' is a version this gossipsim does not read (it reads '${RESULTS_FORMAT}' and '${SWEEP_FORMAT}'); rerun the scenario with this version, or use the gossipsim that wrote the file.`
      : `${file}: $.format: expected '${RESULTS_FORMAT}' or '${SWEEP_FORMAT}', got ${JSON.stringify(format)}; is this a gossipsim results file?`);
  }
  if (accepts === 'sweep-part' && format !== SWEEP_FORMAT) {
    throw new UsageError(`${file}: not a sweep part (format '${format}'); merge joins files written by 'sweep --shard K/N --json'.`);
  }
  const kind: ResultsFileKind = format === RESULTS_FORMAT ? 'results' : 'shard' in (data as object) ? 'part' : 'sweep';
  const problem = resultsProblem(data, kind);
  if (problem) {
    throw new UsageError(`${file}: ${problem}; the file does not match ${RESULTS_SCHEMA_FILES[kind]} (was it edited or cut short?).`);
  }
  return data as Results | SweepResults;
}
