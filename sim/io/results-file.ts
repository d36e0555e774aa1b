/** Reads a results file (`run --json`, `sweep --json` or a shard part) with clear errors. */
import { readFileSync } from 'node:fs';
import { RESULTS_FORMAT, type Results } from '../run/results.js';
import { SWEEP_FORMAT, type SweepResults } from '../run/sweep-results.js';
import { UsageError } from './usage-error.js';

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

export function readResultsFile(file: string): Results | SweepResults {
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
    throw new UsageError(`${file}${where}: not a valid JSON results file (${(err as Error).message}).`);
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== RESULTS_FORMAT && format !== SWEEP_FORMAT) {
    throw new UsageError(`${file}: format: expected '${RESULTS_FORMAT}' or '${SWEEP_FORMAT}', got ${JSON.stringify(format)}; is this a gossipsim results file?`);
  }
  return data as Results | SweepResults;
}
