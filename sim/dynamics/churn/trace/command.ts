/** `gossipsim trace-summary`: what an availability trace holds, and the fits of its session lengths. */
import type { FileCommand } from '../../../families/files.js';
import { traceFile } from './file.js';
import { formatTraceSummary, summarizeTrace } from './summary.js';
import type { Trace } from './trace.js';

export const traceSummaryCommand: FileCommand<Trace> = {
  name: 'trace-summary',
  description: 'Summarise an availability trace (session CSV or FTA event table): peers, sessions, session-length and downtime quantiles, and maximum-likelihood exponential and Weibull fits of the session lengths.',
  argument: { name: '<trace>', description: 'trace file: peer,start,end rows (.csv) or an FTA event table (any other name)' },
  flags: [{ flags: '--json', description: 'print the summary as JSON instead of text' }],
  help: '\nExample:\n  gossipsim trace-summary scenarios/traces/synthetic-weibull.csv\nFormats: docs/churn-traces.md',
  file: traceFile,
  output(trace, flags) {
    const summary = summarizeTrace(trace);
    return flags.json ? JSON.stringify(summary, null, 2) + '\n' : formatTraceSummary(summary);
  },
};
