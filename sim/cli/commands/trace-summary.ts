/** `gossipsim trace-summary`: what an availability trace holds, and the fits of its session lengths. */
import { loadTrace } from '../../dynamics/churn/trace/load.js';
import { formatTraceSummary, summarizeTrace } from '../../dynamics/churn/trace/summary.js';
import { totalmem } from 'node:os';
import { memoryLimit } from '../../run/memory-estimate.js';
import type { CliIO } from '../io.js';

export function traceSummaryCommand(file: string, opts: { json?: boolean }, io: CliIO): number {
  const trace = loadTrace(file, memoryLimit(process.env, totalmem()).bytes);
  const summary = summarizeTrace(trace);
  io.out(opts.json ? JSON.stringify(summary, null, 2) + '\n' : formatTraceSummary(summary));
  return 0;
}
