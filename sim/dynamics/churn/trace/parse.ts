/** A trace from its text, in the format its file name says (`.csv`: session CSV; else FTA). No node: modules. */
import { parseCsvTrace } from './parse-csv.js';
import { parseFtaTrace } from './parse-fta.js';
import type { Trace, TraceFormat } from './trace.js';

/** The format a trace file is read in: `.csv` → csv, else the FTA event table. */
export function traceFormatOf(file: string): TraceFormat {
  return /\.csv$/i.test(file) ? 'csv' : 'fta';
}

export function parseTraceText(text: string, file: string): Trace {
  return traceFormatOf(file) === 'csv' ? parseCsvTrace(text, file) : parseFtaTrace(text, file);
}
